import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { PatientIdParams } from '../../../shared/contracts/patients';
import {
  AddPlanItemBody,
  CreatePlanBody,
  FollowUpDuePage,
  FollowUpDueQuery,
  PlanItemParams,
  PlanOutcomeList,
  PlanParams,
  TreatmentPlan,
  TreatmentPlanList,
  UpdatePlanBody,
  UpdatePlanItemBody,
} from '../../../shared/contracts/plans';
import { todayInZone } from '../../../shared/domain/follow-up';
import { PlansRepository } from '../../repositories/plans-repository';

/** Treatment plans, items, outcomes per item, and the follow-ups due list (issue 6). */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = new PlansRepository(app.db, app.config.CLINIC_TZ, () => todayInZone(app.config.CLINIC_TZ));

  app.get('/api/patients/:id/plans', { config: { access: 'plan.read' }, schema: { params: PatientIdParams, response: { 200: TreatmentPlanList } } }, async (request) => {
    const items = await repo.list(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'CarePlan', patientId: request.params.id, detail: { count: items.length } });
    return { items };
  });

  app.post(
    '/api/patients/:id/plans',
    { config: { access: 'plan.write', idempotent: true }, schema: { params: PatientIdParams, body: CreatePlanBody, response: { 201: TreatmentPlan } } },
    async (request, reply) => reply.code(201).send(await repo.createPlan(request.requireCtx(), request.params.id, request.body)),
  );

  app.patch('/api/patients/:id/plans/:planId', { config: { access: 'plan.write' }, schema: { params: PlanParams, body: UpdatePlanBody, response: { 200: TreatmentPlan } } }, async (request) =>
    repo.updatePlan(request.requireCtx(), request.params.id, request.params.planId, request.body),
  );

  app.post(
    '/api/patients/:id/plans/:planId/items',
    { config: { access: 'plan.write', idempotent: true }, schema: { params: PlanParams, body: AddPlanItemBody, response: { 201: TreatmentPlan } } },
    async (request, reply) => reply.code(201).send(await repo.addItem(request.requireCtx(), request.params.id, request.params.planId, request.body)),
  );

  app.patch('/api/patients/:id/plan-items/:itemId', { config: { access: 'plan.write' }, schema: { params: PlanItemParams, body: UpdatePlanItemBody, response: { 200: TreatmentPlan } } }, async (request) =>
    repo.updateItem(request.requireCtx(), request.params.id, request.params.itemId, request.body),
  );

  app.get('/api/patients/:id/plan-outcomes', { config: { access: 'plan.read' }, schema: { params: PatientIdParams, response: { 200: PlanOutcomeList } } }, async (request) => {
    const items = await repo.outcomes(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'PlanOutcome', patientId: request.params.id, detail: { count: items.length } });
    return { items };
  });

  app.get('/api/follow-ups', { config: { access: 'follow-up.read' }, schema: { querystring: FollowUpDueQuery, response: { 200: FollowUpDuePage } } }, async (request) => {
    const page = await repo.due(request.requireCtx(), request.query);
    await request.audit({ action: 'read', subtype: 'search', outcome: 'success', entityType: 'FollowUp', query: { ...request.query }, detail: { total: page.total } });
    return page;
  });
};

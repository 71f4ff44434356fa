import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { AcknowledgeRedFlagBody, Assessment, AssessmentList, AssessmentParams, NewAssessmentBody, RedFlagAlert, RedFlagAlertList, RedFlagParams } from '../../../shared/contracts/assessments';
import { EnteredInErrorBody } from '../../../shared/contracts/common';
import { PatientIdParams } from '../../../shared/contracts/patients';
import { AssessmentsRepository } from '../../repositories/assessments-repository';

/** Assessments (pain, symptoms, red flags, ODI) and red-flag alerts of a case. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = new AssessmentsRepository(app.db, app.config.CLINIC_TZ);

  app.get('/api/patients/:id/assessments', { config: { access: 'patient.read' }, schema: { params: PatientIdParams, response: { 200: AssessmentList } } }, async (request) => {
    const items = await repo.list(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'Observation', patientId: request.params.id, detail: { count: items.length } });
    return { items };
  });

  app.post(
    '/api/patients/:id/assessments',
    { config: { access: 'assessment.create', idempotent: true }, schema: { params: PatientIdParams, body: NewAssessmentBody, response: { 201: Assessment } } },
    async (request, reply) => reply.code(201).send(await repo.create(request.requireCtx(), request.params.id, request.body)),
  );

  app.post(
    '/api/patients/:id/assessments/:assessmentId/entered-in-error',
    { config: { access: 'assessment.retract-own' }, schema: { params: AssessmentParams, body: EnteredInErrorBody, response: { 200: Assessment } } },
    async (request) => repo.markEnteredInError(request.requireCtx(), request.params.id, request.params.assessmentId, request.body),
  );

  app.get('/api/patients/:id/red-flags', { config: { access: 'patient.read' }, schema: { params: PatientIdParams, response: { 200: RedFlagAlertList } } }, async (request) => {
    const items = await repo.redFlags(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'Flag', patientId: request.params.id, detail: { count: items.length } });
    return { items };
  });

  app.post(
    '/api/patients/:id/red-flags/:alertId/acknowledge',
    { config: { access: 'red-flag.acknowledge' }, schema: { params: RedFlagParams, body: AcknowledgeRedFlagBody, response: { 200: RedFlagAlert } } },
    async (request) => repo.acknowledge(request.requireCtx(), request.params.id, request.params.alertId, request.body),
  );
};

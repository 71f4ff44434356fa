import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { Patient, PatientIdParams, PatientListQuery, PatientListResponse } from '../../../shared/contracts/patients';
import { todayInZone } from '../../../shared/domain/follow-up';
import { PatientsRepository } from '../../repositories/patients-repository';

/** The worklist and the case record. Every search and every read of a record is audited. */
export const patientRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = new PatientsRepository(app.db, () => todayInZone(app.config.CLINIC_TZ));

  app.get('/api/patients', { config: { access: 'patient.read' }, schema: { querystring: PatientListQuery, response: { 200: PatientListResponse } } }, async (request) => {
    const q = request.query;
    const { items, total } = await repo.list(request.requireCtx(), q);
    // The query is recorded, including the search text (it may be a name: the audit log is itself PHI-protected, admins only).
    await request.audit({ action: 'read', subtype: 'search', outcome: 'success', entityType: 'Patient', query: { ...q }, detail: { total, returned: items.length } });
    return { items, total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/patients/:id', { config: { access: 'patient.read' }, schema: { params: PatientIdParams, response: { 200: Patient } } }, async (request) => {
    const patient = await repo.get(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'Patient', entityId: patient.id, patientId: patient.id });
    return patient;
  });
};

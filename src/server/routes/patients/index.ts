import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { EnteredInErrorBody } from '../../../shared/contracts/common';
import {
  AddCauseBody,
  AddNoteBody,
  CauseParams,
  CauseTag,
  CauseTagList,
  ChangeStatusBody,
  ClinicalNote,
  ClinicalNoteList,
  ClinicianListResponse,
  MrnCheckQuery,
  MrnCheckResponse,
  NoteParams,
  Patient,
  PatientIdParams,
  PatientListQuery,
  PatientListResponse,
  RegisterReferralBody,
  RegisterReferralResponse,
  UpdateCauseBody,
  UpdatePatientBody,
} from '../../../shared/contracts/patients';
import { todayInZone } from '../../../shared/domain/follow-up';
import { users } from '../../db/schema/users';
import { CausesRepository } from '../../repositories/causes-repository';
import { NotesRepository } from '../../repositories/notes-repository';
import { PatientsRepository } from '../../repositories/patients-repository';

/** The worklist and the case record. Every search, every read of a record and every write is audited. */
export const patientRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = new PatientsRepository(app.db, () => todayInZone(app.config.CLINIC_TZ));
  const causes = new CausesRepository(app.db);
  const notes = new NotesRepository(app.db);

  app.get('/api/patients', { config: { access: 'patient.read' }, schema: { querystring: PatientListQuery, response: { 200: PatientListResponse } } }, async (request) => {
    const q = request.query;
    const { items, total } = await repo.list(request.requireCtx(), q);
    // The query is recorded, search text included: the audit log is itself restricted to administrators.
    await request.audit({ action: 'read', subtype: 'search', outcome: 'success', entityType: 'Patient', query: { ...q }, detail: { total, returned: items.length } });
    return { items, total, page: q.page, pageSize: q.pageSize };
  });

  app.post(
    '/api/patients',
    { config: { access: 'patient.create', idempotent: true }, schema: { body: RegisterReferralBody, response: { 200: RegisterReferralResponse, 201: RegisterReferralResponse } } },
    async (request, reply) => {
      const result = await repo.register(request.requireCtx(), request.body);
      return reply.code(result.createdPatient ? 201 : 200).send(result);
    },
  );

  app.get('/api/patients/mrn-check', { config: { access: 'patient.create' }, schema: { querystring: MrnCheckQuery, response: { 200: MrnCheckResponse } } }, async (request) => {
    const result = await repo.findByMrn(request.query.mrn);
    await request.audit({ action: 'read', subtype: 'mrn-check', outcome: 'success', entityType: 'Patient', entityId: result.patient?.id ?? null, patientId: result.patient?.id ?? null, detail: { exists: result.exists } });
    return result;
  });

  app.get('/api/patients/:id', { config: { access: 'patient.read' }, schema: { params: PatientIdParams, response: { 200: Patient } } }, async (request) => {
    const patient = await repo.get(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'Patient', entityId: patient.id, patientId: patient.id });
    return patient;
  });

  app.patch('/api/patients/:id', { config: { access: 'patient.update' }, schema: { params: PatientIdParams, body: UpdatePatientBody, response: { 200: Patient } } }, async (request) =>
    repo.update(request.requireCtx(), request.params.id, request.body),
  );

  app.post('/api/patients/:id/status', { config: { access: 'case-status.change' }, schema: { params: PatientIdParams, body: ChangeStatusBody, response: { 200: Patient } } }, async (request) =>
    repo.changeStatus(request.requireCtx(), request.params.id, request.body),
  );

  // ---- suspected causes ----
  app.get('/api/patients/:id/causes', { config: { access: 'patient.read' }, schema: { params: PatientIdParams, response: { 200: CauseTagList } } }, async (request) => {
    const items = await causes.list(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'Condition', patientId: request.params.id, detail: { count: items.length } });
    return { items };
  });

  app.post(
    '/api/patients/:id/causes',
    { config: { access: 'cause.write', idempotent: true }, schema: { params: PatientIdParams, body: AddCauseBody, response: { 201: CauseTag } } },
    async (request, reply) => reply.code(201).send(await causes.add(request.requireCtx(), request.params.id, request.body)),
  );

  app.patch('/api/patients/:id/causes/:causeId', { config: { access: 'cause.write' }, schema: { params: CauseParams, body: UpdateCauseBody, response: { 200: CauseTag } } }, async (request) =>
    causes.update(request.requireCtx(), request.params.id, request.params.causeId, request.body),
  );

  app.post(
    '/api/patients/:id/causes/:causeId/entered-in-error',
    { config: { access: 'cause.write' }, schema: { params: CauseParams, body: EnteredInErrorBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await causes.markEnteredInError(request.requireCtx(), request.params.id, request.params.causeId, request.body);
      return reply.code(204).send(null);
    },
  );

  // ---- clinical notes ----
  app.get('/api/patients/:id/notes', { config: { access: 'patient.read' }, schema: { params: PatientIdParams, response: { 200: ClinicalNoteList } } }, async (request) => {
    const items = await notes.list(request.params.id);
    await request.audit({ action: 'read', subtype: 'read', outcome: 'success', entityType: 'ClinicalNote', patientId: request.params.id, detail: { count: items.length } });
    return { items };
  });

  app.post(
    '/api/patients/:id/notes',
    { config: { access: 'note.write', idempotent: true }, schema: { params: PatientIdParams, body: AddNoteBody, response: { 201: ClinicalNote } } },
    async (request, reply) => reply.code(201).send(await notes.add(request.requireCtx(), request.params.id, request.body.body)),
  );

  app.post(
    '/api/patients/:id/notes/:noteId/entered-in-error',
    { config: { access: 'note.write' }, schema: { params: NoteParams, body: EnteredInErrorBody, response: { 200: ClinicalNote } } },
    async (request) => notes.markEnteredInError(request.requireCtx(), request.params.id, request.params.noteId, request.body),
  );

  // ---- who can be assigned to a case ----
  app.get('/api/clinicians', { config: { access: 'patient.read' }, schema: { response: { 200: ClinicianListResponse } } }, async () => {
    const rows = await app.db
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ['nurse', 'specialist'])))
      .orderBy(asc(users.displayName));
    return { items: rows.map((r) => ({ ...r, role: r.role as 'nurse' | 'specialist' })) };
  });
};

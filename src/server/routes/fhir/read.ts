import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FHIR_JSON_CONTENT_TYPE } from '../../../shared/contracts/fhir';
import { PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from '../../../shared/contracts/problem';
import { patients } from '../../db/schema/clinical';
import { capabilityStatement } from '../../fhir/capability';
import { MRN_SYSTEM } from '../../fhir/codes';
import { FhirCaseReader, causeIds, conditionResources } from '../../fhir/export';
import { operationOutcome, problemToOutcome } from '../../fhir/operation-outcome';
import { assessmentResources, carePlanResource, patientResource, restRefs, type RefStyle } from '../../fhir/resources';
import type * as fhir from '../../fhir/types';
import { HttpProblem } from '../../http/problem';

const FHIR_TYPE = `${FHIR_JSON_CONTENT_TYPE}; charset=utf-8`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PatientSearch = z.object({ identifier: z.string().optional() });
const ByPatient = z.object({ patient: z.string().optional(), subject: z.string().optional() });
const ObservationSearch = ByPatient.extend({ code: z.string().optional() });

/** `123`, `Patient/123` or `https://host/fhir/Patient/123` -> 123. */
function patientIdOf(q: z.infer<typeof ByPatient>): string {
  const raw = q.patient ?? q.subject;
  if (!raw)
    throw new HttpProblem(400, 'Search by patient: the patient parameter (Patient id or Patient/id) is required.', [
      { path: 'patient', message: 'Required' },
    ]);
  const m = /(?:^|\/)(?:Patient\/)?([^/]+)$/.exec(raw.trim());
  return m?.[1] ?? raw;
}

/**
 * The read-only FHIR R4 endpoint (mounted at /fhir). Same sessions, roles and audit as the API; every answer,
 * errors included, is application/fhir+json, and errors are OperationOutcomes (this plugin's own error handler,
 * not-found handler and a hook that converts the problem+json the app-wide access control answers with).
 * Only GET: the access control requires X-Requested-With for state-changing methods alone, so a FHIR client
 * holding a session cookie can read; machine clients would need tokens, which are out of scope for now.
 */
export const fhirReadRoutes: FastifyPluginAsyncZod = async (app) => {
  const reader = new FhirCaseReader(app.db, app.config.CLINIC_TZ);
  const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}/fhir`;
  const send = (reply: FastifyReply, body: unknown, status = 200) => reply.code(status).type(FHIR_TYPE).send(JSON.stringify(body));

  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith(PROBLEM_CONTENT_TYPE) || typeof payload !== 'string') return payload;
    void reply.type(FHIR_TYPE);
    return JSON.stringify(problemToOutcome(JSON.parse(payload) as Problem));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = 500;
    let detail = 'The server could not complete the request.';
    let errors: FieldError[] = [];
    if (error instanceof HttpProblem) {
      status = error.status;
      detail = error.detail ?? error.message;
      errors = error.errors ?? [];
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      detail = 'Invalid search parameters.';
      errors = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'query',
        message: v.message ?? 'Invalid value',
      }));
    } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      detail = error.message;
    } else {
      request.log.error({ err: error, route: request.routeOptions.url }, 'unhandled error');
    }
    return send(reply, operationOutcome(status, detail, errors), status);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return send(
      reply,
      operationOutcome(
        404,
        `This FHIR endpoint has no ${request.method} ${path}: it offers metadata, Patient read and search, and Observation, Condition and CarePlan search by patient.`,
      ),
      404,
    );
  });

  function searchset(request: FastifyRequest, refs: RefStyle, resources: readonly fhir.IdentifiedResource[]): fhir.Bundle {
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: resources.length,
      link: [{ relation: 'self', url: `${baseOf(request)}${request.url.replace(/^\/fhir/, '')}` }],
      entry: resources.map((resource) => ({
        fullUrl: refs.fullUrl(resource.resourceType, resource.id),
        resource,
        search: { mode: 'match' },
      })),
    };
  }

  /** The case's records, or null when there is no such (valid) patient: a search then finds nothing. */
  async function caseOf(id: string) {
    if (!UUID.test(id)) return null;
    try {
      return await reader.patient(id);
    } catch (e) {
      if (e instanceof HttpProblem && e.status === 404) return null;
      throw e;
    }
  }

  app.get('/metadata', { config: { access: 'public' } }, async (request, reply) =>
    send(reply, capabilityStatement(baseOf(request), app.config.version)),
  );

  app.get('/Patient/:id', { config: { access: 'fhir.read' }, schema: { params: z.object({ id: z.string() }) } }, async (request, reply) => {
    const found = await caseOf(request.params.id);
    if (!found) throw new HttpProblem(404, `No Patient/${request.params.id} on this server.`);
    await request.audit({
      action: 'read',
      subtype: 'read',
      outcome: 'success',
      entityType: 'Patient',
      entityId: found.patient.id,
      patientId: found.patient.id,
      detail: { via: 'fhir' },
    });
    return send(reply, patientResource(found.patient, found.sourceIdentifier));
  });

  app.get('/Patient', { config: { access: 'fhir.read' }, schema: { querystring: PatientSearch } }, async (request, reply) => {
    const token = request.query.identifier?.trim();
    if (!token)
      throw new HttpProblem(400, 'Search patients by identifier (MRN, system|value or value): the identifier parameter is required.', [
        { path: 'identifier', message: 'Required' },
      ]);
    const bar = token.indexOf('|');
    const system = bar >= 0 ? token.slice(0, bar) : null;
    const value = bar >= 0 ? token.slice(bar + 1) : token;
    const byMrn =
      system === null || system === '' || system === MRN_SYSTEM ? sql`upper(${patients.mrn}) = ${value.toUpperCase()}` : sql`false`;
    const bySource =
      system === null
        ? sql`right(${patients.sourceIdentifier}, ${value.length + 1}) = ${`|${value}`}`
        : sql`${patients.sourceIdentifier} = ${`${system}|${value}`}`;
    const rows = await app.db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.enteredInError, false), sql`(${byMrn} or ${bySource})`))
      .orderBy(patients.mrn)
      .limit(20);
    const refs = restRefs(baseOf(request));
    const found = await Promise.all(rows.map((r) => reader.patient(r.id)));
    await request.audit({
      action: 'read',
      subtype: 'search',
      outcome: 'success',
      entityType: 'Patient',
      patientId: found.length === 1 ? (found[0]?.patient.id ?? null) : null,
      query: { identifier: token, via: 'fhir' },
      detail: { total: found.length },
    });
    return send(
      reply,
      searchset(
        request,
        refs,
        found.map((f) => patientResource(f.patient, f.sourceIdentifier)),
      ),
    );
  });

  app.get('/Observation', { config: { access: 'fhir.read' }, schema: { querystring: ObservationSearch } }, async (request, reply) => {
    const id = patientIdOf(request.query);
    const found = await caseOf(id);
    const refs = restRefs(baseOf(request));
    let resources: fhir.IdentifiedResource[] = [];
    if (found) {
      const all = (await reader.assessmentsOf(id))
        .flatMap((a) => assessmentResources(id, a, refs))
        .filter((r): r is fhir.Observation => r.resourceType === 'Observation');
      const codes = (request.query.code ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) =>
          c.includes('|') ? { system: c.slice(0, c.indexOf('|')), code: c.slice(c.indexOf('|') + 1) } : { system: null, code: c },
        );
      resources = codes.length
        ? all.filter((o) => o.code.coding?.some((k) => codes.some((c) => c.code === k.code && (!c.system || c.system === k.system))))
        : all;
    }
    await request.audit({
      action: 'read',
      subtype: 'search',
      outcome: 'success',
      entityType: 'Observation',
      patientId: found ? id : null,
      query: { ...request.query, via: 'fhir' },
      detail: { total: resources.length },
    });
    return send(reply, searchset(request, refs, resources));
  });

  app.get('/Condition', { config: { access: 'fhir.read' }, schema: { querystring: ByPatient } }, async (request, reply) => {
    const id = patientIdOf(request.query);
    const found = await caseOf(id);
    const refs = restRefs(baseOf(request));
    const resources = found ? conditionResources({ patient: found.patient, causes: await reader.causesOf(id) }, refs) : [];
    await request.audit({
      action: 'read',
      subtype: 'search',
      outcome: 'success',
      entityType: 'Condition',
      patientId: found ? id : null,
      query: { ...request.query, via: 'fhir' },
      detail: { total: resources.length },
    });
    return send(reply, searchset(request, refs, resources));
  });

  app.get('/CarePlan', { config: { access: 'fhir.read' }, schema: { querystring: ByPatient } }, async (request, reply) => {
    const id = patientIdOf(request.query);
    const found = await caseOf(id);
    const refs = restRefs(baseOf(request));
    let resources: fhir.CarePlan[] = [];
    if (found) {
      const [plans, causes] = await Promise.all([reader.plansOf(id), reader.causesOf(id)]);
      resources = plans.map((p) => carePlanResource(id, p, causeIds(causes), refs));
    }
    await request.audit({
      action: 'read',
      subtype: 'search',
      outcome: 'success',
      entityType: 'CarePlan',
      patientId: found ? id : null,
      query: { ...request.query, via: 'fhir' },
      detail: { total: resources.length },
    });
    return send(reply, searchset(request, refs, resources));
  });
};

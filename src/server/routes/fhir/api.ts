import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyError } from 'fastify';
import { FHIR_IMPORT_MAX_BYTES, FHIR_JSON_CONTENT_TYPE, FhirImportPreview, FhirImportReport } from '../../../shared/contracts/fhir';
import { PatientIdParams } from '../../../shared/contracts/patients';
import { todayInZone } from '../../../shared/domain/follow-up';
import { FHIR_IMPORT_TOO_LARGE, parseBundle, parseJsonText } from '../../fhir/bundle';
import { FhirCaseReader, countByType, exportBundle } from '../../fhir/export';
import { mapBundle, type MappedImport } from '../../fhir/import-mapper';
import { loadExisting, patientSummary, planWrites, runImport, summarise } from '../../fhir/import-service';
import { HttpProblem } from '../../http/problem';

/**
 * FHIR import (preview and import) and the per-patient export, under /api: errors are the API's problem+json,
 * with `detail` and `errors[]` explaining what is wrong with the bundle (OperationOutcome-style).
 */
export const fhirApiRoutes: FastifyPluginAsyncZod = async (app) => {
  const reader = new FhirCaseReader(app.db, app.config.CLINIC_TZ);

  // Bundles arrive as application/json or application/fhir+json, up to FHIR_IMPORT_MAX_MB (not the general body
  // limit). The body is parsed here so that a syntax error is answered with its line and column.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    ['application/json', FHIR_JSON_CONTENT_TYPE],
    { parseAs: 'string', bodyLimit: FHIR_IMPORT_MAX_BYTES },
    (_request, body, done) => {
      try {
        done(null, parseJsonText(body as string));
      } catch (e) {
        done(e as Error, undefined);
      }
    },
  );
  // Only the size error gets its own message; everything else goes on to the app's error handler (problem+json).
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new HttpProblem(413, FHIR_IMPORT_TOO_LARGE);
    throw error;
  });

  /** Parse, validate and map: before any database work, and before the import's transaction opens. */
  function mapBody(body: unknown): Promise<MappedImport> {
    return mapBundle(parseBundle(body));
  }

  app.post(
    '/api/fhir-import/preview',
    { config: { access: 'fhir.import' }, bodyLimit: FHIR_IMPORT_MAX_BYTES, schema: { response: { 200: FhirImportPreview } } },
    async (request) => {
      const ctx = request.requireCtx();
      const mapped = await mapBody(request.body);
      const existing = await loadExisting(app.db, mapped, false);
      const plan = planWrites(mapped, existing, ctx, new Date());
      const summary = summarise(mapped, plan.outcomes, plan.issues);
      await request.audit({
        action: 'read',
        subtype: 'fhir-import-preview',
        outcome: 'success',
        entityType: 'Bundle',
        patientId: existing?.patient.id ?? null,
        detail: { bundleType: mapped.bundleType, match: existing?.match ?? 'new', totals: summary.totals },
      });
      return {
        bundleType: mapped.bundleType,
        entries: mapped.entries.length,
        patient: patientSummary(mapped, existing),
        fbssDiagnosis: mapped.fbssDiagnosis,
        ...summary,
        maxBytes: FHIR_IMPORT_MAX_BYTES,
      };
    },
  );

  app.post(
    '/api/fhir-import',
    {
      config: { access: 'fhir.import', idempotent: true },
      bodyLimit: FHIR_IMPORT_MAX_BYTES,
      schema: { response: { 200: FhirImportReport, 201: FhirImportReport } },
    },
    async (request, reply) => {
      const ctx = request.requireCtx();
      let mapped: MappedImport;
      try {
        mapped = await mapBody(request.body);
      } catch (e) {
        // A refused bundle is audited too (status only: the reason may quote the bundle).
        if (e instanceof HttpProblem)
          await request.audit({
            action: 'create',
            subtype: 'fhir-import',
            outcome: 'failed',
            entityType: 'Bundle',
            detail: { status: e.status },
          });
        throw e;
      }
      const { plan, existing, summary } = await runImport(app.db, mapped, ctx, app.config.CLINIC_TZ);
      return reply.code(plan.patientCreated ? 201 : 200).send({
        bundleType: mapped.bundleType,
        entries: mapped.entries.length,
        patient: patientSummary(mapped, existing),
        fbssDiagnosis: mapped.fbssDiagnosis,
        ...summary,
        patientId: plan.patientId,
        patientCreated: plan.patientCreated,
      });
    },
  );

  app.get('/api/patients/:id/fhir', { config: { access: 'fhir.export' }, schema: { params: PatientIdParams } }, async (request, reply) => {
    const records = await reader.all(request.params.id);
    const bundle = exportBundle(records);
    await request.audit({
      action: 'execute',
      subtype: 'export',
      outcome: 'success',
      entityType: 'Bundle',
      entityId: records.patient.id,
      patientId: records.patient.id,
      detail: { format: 'fhir-r4-json', resources: countByType(bundle.entry.map((e) => e.resource)) },
    });
    const today = todayInZone(app.config.CLINIC_TZ);
    return reply
      .header('content-type', `${FHIR_JSON_CONTENT_TYPE}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="fbss-${records.patient.mrn}-${today}.fhir.json"`)
      .send(JSON.stringify(bundle));
  });
};

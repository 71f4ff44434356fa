import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { FhirImportReport } from '../../../shared/contracts/fhir';
import { execRows } from '../../db/client';
import { bundleOf, painEntry, patientEntry, syntheaText } from '../../fhir/fixtures/bundles';
import { validateR4 } from '../../fhir/fixtures/validator';
import { STATE_HEADERS, describeOnDatabases, hasPostgres, useTestApp } from '../../test/helper';

interface SearchBundle {
  resourceType: string;
  type: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: { fullUrl: string; resource: { resourceType: string; id: string; [k: string]: unknown }; search: { mode: string } }[];
}

function expectOperationOutcome(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode).withContext(res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
  const oo = res.json<{ resourceType: string; issue: { severity: string; code: string; diagnostics: string }[] }>();
  expect(oo.resourceType).toBe('OperationOutcome');
  expect(oo.issue[0]).toEqual(jasmine.objectContaining({ severity: 'error', code }));
  expect(validateR4(oo).errors).toEqual([]);
}

describeOnDatabases('FHIR R4 read endpoint and FHIR permissions', (kind) => {
  const t = useTestApp(kind);
  let spec = '';
  let patientId = '';
  let syntheaId = '';

  beforeAll(async () => {
    if (!hasPostgres(kind)) return;
    spec = await t().login('specialist');
    const p = patientEntry({ mrn: 'FHIR-READ-1', family: 'Reader' });
    const bundle = bundleOf([p, painEntry(p.fullUrl, 7, { site: 'back' }), painEntry(p.fullUrl, 5.5, { site: 'leg' })]);
    const imported = await t().app.inject({
      method: 'POST',
      url: '/api/fhir-import',
      headers: { cookie: spec, ...STATE_HEADERS },
      payload: bundle,
    });
    patientId = imported.json<FhirImportReport>().patientId;
    await t().app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/causes`,
      headers: { cookie: spec, ...STATE_HEADERS },
      payload: { code: 'POST-NEU', status: 'provisional', evidenceNote: null },
    });
    await t().app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/plans`,
      headers: { cookie: spec, ...STATE_HEADERS },
      payload: { goals: [] },
    });
    const synthea = await t().app.inject({
      method: 'POST',
      url: '/api/fhir-import',
      headers: { cookie: spec, ...STATE_HEADERS, 'content-type': 'application/fhir+json' },
      payload: syntheaText('hassan-jacobi.json'),
    });
    syntheaId = synthea.json<FhirImportReport>().patientId;
  }, 60_000);

  const get = (url: string, cookie: string | null = spec) => t().app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('GET /fhir/metadata is open and is a valid R4 CapabilityStatement', async () => {
    const res = await get('/fhir/metadata', null);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const cs = res.json<{ resourceType: string; fhirVersion: string; rest: { resource: { type: string }[] }[] }>();
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.rest[0]!.resource.map((r) => r.type)).toEqual(['Patient', 'Observation', 'Condition', 'CarePlan']);
    expect(validateR4(cs).errors).toEqual([]);
  });

  it('unauthenticated /fhir/Patient is 401 as an OperationOutcome', async () => {
    expectOperationOutcome(await get(`/fhir/Patient/${patientId}`, null), 401, 'login');
    expectOperationOutcome(await get('/fhir/Patient?identifier=FHIR-READ-1', null), 401, 'login');
  });

  it('manager and admin cannot use the /fhir reads (403 OperationOutcome, audited as denied)', async () => {
    for (const username of ['manager', 'admin']) {
      const cookie = await t().login(username);
      for (const url of [
        `/fhir/Patient/${patientId}`,
        '/fhir/Patient?identifier=FHIR-READ-1',
        `/fhir/Observation?patient=${patientId}`,
        `/fhir/Condition?patient=${patientId}`,
        `/fhir/CarePlan?patient=${patientId}`,
      ]) {
        expectOperationOutcome(await get(url, cookie), 403, 'forbidden');
      }
      const [denied] = await execRows<{ n: number }>(
        t().database.db,
        sql`select count(*)::int as n from audit_events where username = ${username} and subtype = 'access-denied' and entity_type like '/fhir/%'`,
      );
      expect(denied!.n).toBeGreaterThanOrEqual(5);
    }
  });

  it('nurse cannot import, preview or export (403)', async () => {
    const nurse = await t().login('nurse');
    const bundle = JSON.stringify(bundleOf([patientEntry({ mrn: 'NURSE-01' })]));
    for (const url of ['/api/fhir-import', '/api/fhir-import/preview']) {
      const res = await t().app.inject({
        method: 'POST',
        url,
        headers: { cookie: nurse, ...STATE_HEADERS, 'content-type': 'application/fhir+json' },
        payload: bundle,
      });
      expect(res.statusCode).withContext(url).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(`/api/patients/${patientId}/fhir`, nurse)).statusCode).toBe(403);
    expectOperationOutcome(await get(`/fhir/Patient/${patientId}`, nurse), 403, 'forbidden');
  });

  it('GET /fhir/Patient/:id reads the patient (audited with the patient id); unknown ids are 404 OperationOutcomes', async () => {
    const res = await get(`/fhir/Patient/${patientId}`);
    expect(res.statusCode).toBe(200);
    const patient = res.json<{ resourceType: string; id: string; identifier: { value: string }[] }>();
    expect(patient).toEqual(jasmine.objectContaining({ resourceType: 'Patient', id: patientId }));
    expect(patient.identifier[0]!.value).toBe('FHIR-READ-1');
    expect(validateR4(patient).errors).toEqual([]);
    const [audit] = await execRows<{ n: number }>(
      t().database.db,
      sql`select count(*)::int as n from audit_events where patient_id = ${patientId} and action = 'read' and entity_type = 'Patient'`,
    );
    expect(audit!.n).toBeGreaterThan(0);
    expectOperationOutcome(await get('/fhir/Patient/00000000-0000-4000-8000-000000000000'), 404, 'not-found');
    expectOperationOutcome(await get('/fhir/Patient/not-a-uuid'), 404, 'not-found');
  });

  it('GET /fhir/Patient?identifier= finds by MRN (with or without system) and by the source identifier', async () => {
    for (const identifier of ['FHIR-READ-1', 'https://fbss.example/fhir/sid/mrn|FHIR-READ-1', 'http://hospital.example/mrn|FHIR-READ-1']) {
      const res = await get(`/fhir/Patient?identifier=${encodeURIComponent(identifier)}`);
      expect(res.statusCode).toBe(200);
      const b = res.json<SearchBundle>();
      expect(b)
        .withContext(identifier)
        .toEqual(jasmine.objectContaining({ resourceType: 'Bundle', type: 'searchset', total: 1 }));
      expect(b.entry![0]!.resource.id).toBe(patientId);
      expect(b.entry![0]!.fullUrl).toMatch(new RegExp(`^http://localhost(:\\d+)?/fhir/Patient/${patientId}$`));
      expect(validateR4(b).errors).toEqual([]);
    }
    const synthea = (
      await get('/fhir/Patient?identifier=http://hospital.smarthealthit.org|68165820-a555-4a84-aecb-980fa95b1251')
    ).json<SearchBundle>();
    expect(synthea.entry?.[0]?.resource.id).toBe(syntheaId);
    expect((await get('/fhir/Patient?identifier=NOBODY')).json<SearchBundle>().total).toBe(0);
    expectOperationOutcome(await get('/fhir/Patient'), 400, 'invalid');
  });

  it('GET /fhir/Observation?patient=&code= returns the pain scores (bodySite back and leg) as a valid searchset', async () => {
    const all = (await get(`/fhir/Observation?patient=Patient/${patientId}`)).json<SearchBundle>();
    expect(all.total).toBe(2);
    expect(validateR4(all).errors).toEqual([]);
    const pain = (await get(`/fhir/Observation?patient=${patientId}&code=http://loinc.org|72514-3`)).json<SearchBundle>();
    expect(pain.total).toBe(2);
    expect(pain.entry!.map((e) => (e.resource['valueQuantity'] as { value: number }).value).sort()).toEqual([5.5, 7]);
    expect(
      pain.entry!.every(
        (e) => e.search.mode === 'match' && (e.resource['subject'] as { reference: string }).reference === `Patient/${patientId}`,
      ),
    ).toBeTrue();
    expect((await get(`/fhir/Observation?patient=${patientId}&code=97909-6`)).json<SearchBundle>().total).toBe(0);
    const synthea = (await get(`/fhir/Observation?patient=${syntheaId}&code=72514-3`)).json<SearchBundle>();
    expect(synthea.total).toBe(8);
    expect(validateR4(synthea).errors).toEqual([]);
    expectOperationOutcome(await get('/fhir/Observation'), 400, 'invalid');
    const [audit] = await execRows<{ n: number }>(
      t().database.db,
      sql`select count(*)::int as n from audit_events where patient_id = ${patientId} and subtype = 'search' and entity_type = 'Observation'`,
    );
    expect(audit!.n).toBeGreaterThanOrEqual(3);
  });

  it('GET /fhir/Condition?patient= and /fhir/CarePlan?patient= return the diagnosis, causes and plans', async () => {
    const conditions = (await get(`/fhir/Condition?patient=${patientId}`)).json<SearchBundle>();
    expect(conditions.total).toBe(2);
    expect(validateR4(conditions).errors).toEqual([]);
    expect(JSON.stringify(conditions)).toContain('M96.1');
    expect(JSON.stringify(conditions)).toContain('POST-NEU');
    const plans = (await get(`/fhir/CarePlan?patient=${patientId}`)).json<SearchBundle>();
    expect(plans.total).toBe(1);
    expect(validateR4(plans).errors).toEqual([]);
    expect((await get('/fhir/CarePlan?patient=00000000-0000-4000-8000-000000000000')).json<SearchBundle>().total).toBe(0);
  });

  it('unknown /fhir paths and methods answer with OperationOutcomes', async () => {
    expectOperationOutcome(await get('/fhir/Encounter?patient=x'), 404, 'not-found');
  });
});

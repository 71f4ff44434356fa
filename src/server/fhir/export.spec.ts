import { sql } from 'drizzle-orm';
import type { FhirImportReport } from '../../shared/contracts/fhir';
import { execRows } from '../db/client';
import { STATE_HEADERS, describeOnDatabases, hasPostgres, startTestApp, useTestApp, type DatabaseKind, type TestApp } from '../test/helper';
import { syntheaText, type Json } from './fixtures/bundles';
import { validateR4 } from './fixtures/validator';

interface Entry {
  fullUrl: string;
  resource: Json & { resourceType: string; id: string };
}
interface ExportBundle {
  resourceType: string;
  type: string;
  entry: Entry[];
}

/** A case with every kind of record the export maps: referral, surgeries, causes, pain and ODI, two plans. */
export async function buildRichCase(t: TestApp, cookie: string, mrn: string): Promise<string> {
  const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await t.app.inject({ method, url, headers: { cookie, ...STATE_HEADERS }, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<Json>();
  };
  const reg = await call('POST', '/api/patients', {
    patient: {
      mrn,
      familyName: "O'Brien-Smith",
      givenName: 'Mary Ann',
      dateOfBirth: '1962-07-15',
      sex: 'female',
      phone: '+44 20 7946 0000',
      email: 'mary.ann@example.org',
    },
    referral: {
      referringClinician: 'Dr Referrer',
      referredOn: '2025-01-10',
      reason: 'Persistent leg pain after L4-S1 fusion',
      priority: 'urgent',
    },
    surgeries: [
      {
        procedure: 'DISCECTOMY',
        levels: ['L1-L2'],
        performedOn: '2015-03-01',
        surgeon: 'Mr Early',
        hospital: null,
        instrumentation: null,
        isIndex: false,
      },
      {
        procedure: 'PLF',
        levels: ['L4-L5', 'L5-S1'],
        performedOn: '2023-05-20',
        surgeon: 'Ms Fuse',
        hospital: 'City Spine Centre',
        instrumentation: 'Pedicle screws and rods',
        isIndex: true,
      },
    ],
  });
  const id = (reg['patient'] as { id: string }).id;
  const fib = await call('POST', `/api/patients/${id}/causes`, { code: 'POST-FIB', status: 'provisional', evidenceNote: null });
  await call('PATCH', `/api/patients/${id}/causes/${fib['id'] as string}`, {
    version: 1,
    status: 'confirmed',
    evidenceNote: 'Enhancing scar at L5 on gadolinium MRI',
  });
  await call('POST', `/api/patients/${id}/causes`, { code: 'POST-PSA', status: 'differential', evidenceNote: null });
  await call('POST', `/api/patients/${id}/causes`, { code: 'OP-WL', status: 'refuted', evidenceNote: 'Level checked on imaging' });
  await call('POST', `/api/patients/${id}/assessments`, {
    recordedAt: '2025-01-20T09:00:00.000Z',
    backNrs: 6,
    legNrs: 8,
    odiAnswers: [3, 2, 3, 2, 3, 2, 2, null, 2, 3],
  });
  await call('POST', `/api/patients/${id}/assessments`, { recordedAt: '2025-04-22T09:15:00.000Z', backNrs: 4, legNrs: 3 });
  const first = await call('POST', `/api/patients/${id}/plans`, { goals: [{ text: 'Walk 1 km', measure: 'other', target: null }] });
  await call('POST', `/api/patients/${id}/plans/${first['id'] as string}/items`, { treatmentCode: 'MED-GABAPENTINOID' });
  const plan = await call('POST', `/api/patients/${id}/plans`, {
    replaceActive: true,
    goals: [
      { text: 'Leg NRS 4 or less', measure: 'leg-nrs', target: 4 },
      { text: 'ODI down 10 points', measure: 'odi', target: 10 },
    ],
  });
  const planId = plan['id'] as string;
  const add = async (treatmentCode: string, extra: object = {}) => {
    const p = await call('POST', `/api/patients/${id}/plans/${planId}/items`, { treatmentCode, ...extra });
    const items = p['items'] as { id: string; treatmentCode: string }[];
    return items.find((i) => i.treatmentCode === treatmentCode)!.id;
  };
  const trial = await add('SCS-TRIAL', { addressesCauses: ['POST-FIB', 'OP-WL'] });
  await call('PATCH', `/api/patients/${id}/plan-items/${trial}`, { version: 1, status: 'active', startedOn: '2025-02-01' });
  await call('PATCH', `/api/patients/${id}/plan-items/${trial}`, {
    version: 2,
    status: 'completed',
    endedOn: '2025-02-08',
    trialReliefPct: 60,
    outcomeNote: 'Good coverage of the left leg',
  });
  const esi = await add('ESI-IL');
  await call('PATCH', `/api/patients/${id}/plan-items/${esi}`, { version: 1, status: 'active', startedOn: '2025-03-01' });
  await call('PATCH', `/api/patients/${id}/plan-items/${esi}`, {
    version: 2,
    status: 'stopped',
    endedOn: '2025-03-02',
    stopReason: 'Vasovagal episode',
  });
  await add('PHYSIO', { plannedOn: '2025-06-01' });
  const opioid = await add('MED-OPIOID');
  await call('PATCH', `/api/patients/${id}/plan-items/${opioid}`, { version: 1, status: 'cancelled' });
  return id;
}

/** The export with ids, full URLs, references and record-keeping timestamps replaced by placeholders in order of appearance. */
export function normalise(bundle: ExportBundle): unknown {
  const tokens = new Map<string, string>();
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(uuid, (m) => tokens.get(m) ?? (tokens.set(m, `<id${tokens.size + 1}>`), tokens.get(m)!));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'meta' && k !== 'timestamp')
          .map(([k, x]) => [k, walk(x)]),
      );
    return v;
  };
  return walk(bundle);
}

const resourcesOf = (b: ExportBundle, type: string) => b.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

describeOnDatabases('FHIR export', (kind: DatabaseKind) => {
  const t = useTestApp(kind);
  let spec = '';
  let caseId = '';

  beforeAll(async () => {
    if (!hasPostgres(kind)) return;
    spec = await t().login('specialist');
    caseId = await buildRichCase(t(), spec, 'EXP-0001');
  }, 60_000);

  const exportOf = async (app: TestApp, cookie: string, id: string) => {
    const res = await app.app.inject({ method: 'GET', url: `/api/patients/${id}/fhir`, headers: { cookie } });
    expect(res.statusCode).withContext(res.body.slice(0, 300)).toBe(200);
    return { res, bundle: res.json<ExportBundle>() };
  };

  it('is a collection Bundle served as an application/fhir+json attachment, and is audited', async () => {
    const { res, bundle } = await exportOf(t(), spec, caseId);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fbss-EXP-0001-\d{4}-\d{2}-\d{2}\.fhir\.json"$/);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.every((e) => e.fullUrl === `urn:uuid:${e.resource.id}`)).toBeTrue();
    const [audit] = await execRows<{ action: string; entity_type: string; detail: { resources: Record<string, number> } }>(
      t().database.db,
      sql`select action, entity_type, detail from audit_events where patient_id = ${caseId} and subtype = 'export' order by recorded_at desc limit 1`,
    );
    expect(audit).toEqual(jasmine.objectContaining({ action: 'execute', entity_type: 'Bundle' }));
    expect(audit!.detail.resources['Observation']).toBe(5);
  });

  it('validates against the official FHIR R4 definitions with zero errors (the bundle and every resource)', async () => {
    const { bundle } = await exportOf(t(), spec, caseId);
    const whole = validateR4(bundle);
    expect(whole.errors).toEqual([]);
    for (const e of bundle.entry)
      expect(validateR4(e.resource).errors).withContext(`${e.resource.resourceType}/${e.resource.id}`).toEqual([]);
    expect(new Set(bundle.entry.map((e) => e.resource.resourceType))).toEqual(
      new Set(['Patient', 'ServiceRequest', 'Procedure', 'Condition', 'Observation', 'QuestionnaireResponse', 'CarePlan']),
    );
  });

  it('maps each record per fbss-domain.md §8', async () => {
    const { bundle } = await exportOf(t(), spec, caseId);
    const [patient] = resourcesOf(bundle, 'Patient');
    expect(patient!['identifier']).toEqual([jasmine.objectContaining({ system: 'https://fbss.example/fhir/sid/mrn', value: 'EXP-0001' })]);
    expect(patient!['name']).toEqual([{ use: 'official', family: "O'Brien-Smith", given: ['Mary', 'Ann'] }]);

    const [referral] = resourcesOf(bundle, 'ServiceRequest');
    expect(referral).toEqual(jasmine.objectContaining({ status: 'active', intent: 'order', priority: 'urgent', authoredOn: '2025-01-10' }));
    const index = resourcesOf(bundle, 'Procedure').find((p) => p['performedDateTime'] === '2023-05-20')!;
    expect(referral!['supportingInfo']).toEqual([{ reference: `urn:uuid:${index.id}` }]);
    expect(JSON.stringify(referral!['reasonCode'])).toContain('M96.1');
    expect(JSON.stringify(index['bodySite'])).toContain('84020006');
    expect(JSON.stringify(index['code'])).toContain('22612');

    const conditions = resourcesOf(bundle, 'Condition');
    const fbss = conditions.find((c) => JSON.stringify(c['code']).includes('M96.1'))!;
    expect(JSON.stringify(fbss['code'])).toContain('202725007');
    const status = (code: string) =>
      (conditions.find((c) => JSON.stringify(c['code']).includes(`"${code}"`))!['verificationStatus'] as { coding: { code: string }[] })
        .coding[0]!.code;
    expect([status('POST-FIB'), status('POST-PSA'), status('OP-WL')]).toEqual(['confirmed', 'differential', 'refuted']);

    const observations = resourcesOf(bundle, 'Observation');
    const sites = observations
      .filter((o) => JSON.stringify(o['code']).includes('72514-3'))
      .map((o) => JSON.stringify(o['bodySite'] ?? null));
    expect(sites.filter((s) => s.includes('37822005')).length).toBe(2);
    expect(sites.filter((s) => s.includes('61685007')).length).toBe(2);
    const odi = observations.find((o) => JSON.stringify(o['code']).includes('97909-6'))!;
    expect((odi['valueQuantity'] as { value: number }).value).toBe(48.9);
    const [qr] = resourcesOf(bundle, 'QuestionnaireResponse');
    expect(odi['derivedFrom']).toEqual([{ reference: `urn:uuid:${qr!.id}` }]);
    expect(JSON.stringify(qr!['item'])).toContain('ordinalValue');

    const plans = resourcesOf(bundle, 'CarePlan');
    expect(plans.map((p) => p['status'])).toEqual(['active', 'completed']);
    const activity = (plans[0]!['activity'] as { detail: { status: string; code: { coding: { code: string }[] } } }[]).map((a) => [
      a.detail.code.coding[0]!.code,
      a.detail.status,
    ]);
    expect(activity).toEqual([
      ['SCS-TRIAL', 'completed'],
      ['ESI-IL', 'stopped'],
      ['PHYSIO', 'scheduled'],
      ['MED-OPIOID', 'cancelled'],
    ]);
  });

  it('exports an imported Synthea patient (decimal, site-unspecified pain scores, source identifier) and it validates', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/fhir-import',
      headers: { cookie: spec, ...STATE_HEADERS, 'content-type': 'application/fhir+json' },
      payload: syntheaText('clemente-kreiger.json'),
    });
    const report = res.json<FhirImportReport>();
    const { bundle } = await exportOf(t(), spec, report.patientId);
    expect(validateR4(bundle).errors).toEqual([]);
    const pain = resourcesOf(bundle, 'Observation');
    expect(pain.length).toBe(3);
    expect(pain.every((o) => o['bodySite'] === undefined && !Number.isInteger((o['valueQuantity'] as { value: number }).value))).toBeTrue();
    expect(JSON.stringify(resourcesOf(bundle, 'Patient')[0]!['identifier'])).toContain('http://hospital.smarthealthit.org');
  });

  it('nurse cannot export (403, audited as denied)', async () => {
    const nurse = await t().login('nurse');
    const res = await t().app.inject({ method: 'GET', url: `/api/patients/${caseId}/fhir`, headers: { cookie: nurse } });
    expect(res.statusCode).toBe(403);
  });

  describe('round trip', () => {
    let empty: TestApp | undefined;
    beforeAll(async () => {
      if (hasPostgres(kind)) empty = await startTestApp(kind);
    }, 120_000);
    afterAll(async () => {
      await empty?.close();
    }, 60_000);

    it('export, import into an empty database, export again: equal apart from ids and timestamps', async () => {
      const first = await exportOf(t(), spec, caseId);
      const cookie = await empty!.login('specialist');
      const imported = await empty!.app.inject({
        method: 'POST',
        url: '/api/fhir-import',
        headers: { cookie, ...STATE_HEADERS, 'content-type': 'application/fhir+json' },
        payload: first.res.body,
      });
      expect(imported.statusCode).withContext(imported.body.slice(0, 500)).toBe(201);
      const report = imported.json<FhirImportReport>();
      expect(report.totals.rejected).toBe(0);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const second = await exportOf(empty!, cookie, report.patientId);
      expect(second.bundle.entry.length).toBe(first.bundle.entry.length);
      expect(normalise(second.bundle)).toEqual(normalise(first.bundle));

      // And importing the export back into the database it came from changes nothing.
      const back = await t().app.inject({
        method: 'POST',
        url: '/api/fhir-import',
        headers: { cookie: spec, ...STATE_HEADERS, 'content-type': 'application/fhir+json' },
        payload: first.res.body,
      });
      expect(back.statusCode).toBe(200);
      const again = back.json<FhirImportReport>();
      expect(again.patientId).toBe(caseId);
      expect(again.totals.created).withContext(JSON.stringify(again.counts)).toBe(0);
      expect(again.totals.updated).withContext(JSON.stringify(again.counts)).toBe(0);
    }, 60_000);
  });
});

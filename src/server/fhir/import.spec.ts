import { sql } from 'drizzle-orm';
import type { FhirImportPreview, FhirImportReport, FhirTypeCounts } from '../../shared/contracts/fhir';
import { execRows } from '../db/client';
import { STATE_HEADERS, describeOnDatabases, useTestApp, type TestApp } from '../test/helper';
import {
  SNOMED,
  SYNTHEA,
  SYNTHEA_NO_PATIENT,
  bundleOf,
  conditionEntry,
  odiEntry,
  painEntry,
  patientEntry,
  syntheaBundle,
  syntheaText,
  urn,
  type Json,
} from './fixtures/bundles';

const NRS_LOINC = '72514-3';

/** Pain observations counted in the bundle itself (LOINC 72514-3), not a hard-coded guess. */
function painObservationsIn(bundle: Json): { count: number; values: number[] } {
  const values: number[] = [];
  for (const e of bundle['entry'] as { resource: Json }[]) {
    const r = e.resource;
    const codes = ((r['code'] as { coding?: { system?: string; code?: string }[] } | undefined)?.coding ?? []).filter(
      (c) => c.system === 'http://loinc.org' && c.code === NRS_LOINC,
    );
    if (r['resourceType'] === 'Observation' && codes.length) values.push((r['valueQuantity'] as { value: number }).value);
  }
  return { count: values.length, values };
}

function countOf(report: { counts: FhirTypeCounts[] }, type: string): FhirTypeCounts {
  return (
    report.counts.find((c) => c.resourceType === type) ?? {
      resourceType: type,
      received: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 0,
    }
  );
}

describeOnDatabases('FHIR import', (kind) => {
  const t = useTestApp(kind);
  let spec = '';

  beforeAll(async () => {
    if (kind === 'postgres' && !process.env['TEST_DATABASE_URL']) return;
    spec = await t().login('specialist');
  });

  const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
    t().app.inject({
      method: 'POST',
      url,
      headers: { cookie: spec, ...STATE_HEADERS, 'content-type': 'application/fhir+json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const importBundle = async (payload: string | object) => {
    const res = await post('/api/fhir-import', payload);
    expect([200, 201]).withContext(res.body.slice(0, 500)).toContain(res.statusCode);
    return res.json<FhirImportReport>();
  };
  const rows = <T>(app: TestApp, q: ReturnType<typeof sql>) => execRows<T>(app.database.db, q);

  describe('the shared Synthea bundles', () => {
    for (const file of SYNTHEA) {
      it(`${file}: imports every pain score exactly as recorded, skips and counts the irrelevant resources, and a second import creates nothing`, async () => {
        const bundle = syntheaBundle(file);
        const pain = painObservationsIn(bundle);
        expect(pain.count).toBeGreaterThan(0);

        const first = await importBundle(syntheaText(file));
        expect(first.patientCreated).toBeTrue();
        expect(first.bundleType).toBe('transaction');
        expect(first.entries).toBe((bundle['entry'] as unknown[]).length);
        expect(countOf(first, 'Observation').created).toBe(pain.count);
        expect(countOf(first, 'Patient').created).toBe(1);
        expect(countOf(first, 'Claim').skipped).toBe(countOf(first, 'Claim').received);
        expect(first.totals.received).toBe(first.entries);
        expect(first.totals.rejected).toBe(0);

        // Stored as recorded: no bodySite -> the site-unspecified score; decimals never rounded.
        const stored = await rows<{ unspecified_nrs: number; back_nrs: number | null; leg_nrs: number | null; source: string }>(
          t(),
          sql`select unspecified_nrs, back_nrs, leg_nrs, source from assessments where patient_id = ${first.patientId} and not entered_in_error order by recorded_at`,
        );
        expect(stored.length).toBe(pain.count);
        expect(stored.map((s) => s.unspecified_nrs).sort()).toEqual([...pain.values].sort());
        expect(stored.every((s) => s.back_nrs === null && s.leg_nrs === null && s.source === 'fhir')).toBeTrue();

        const second = await importBundle(syntheaText(file));
        expect(second.patientCreated).toBeFalse();
        expect(second.patientId).toBe(first.patientId);
        expect(second.totals.created).toBe(0);
        expect(second.totals.updated).toBe(0);
        expect(countOf(second, 'Observation').unchanged).toBe(pain.count);
        const [after] = await rows<{ n: number }>(
          t(),
          sql`select count(*)::int as n from assessments where patient_id = ${first.patientId}`,
        );
        expect(after!.n).toBe(pain.count);
        const [patientsWithMrn] = await rows<{ n: number }>(
          t(),
          sql`select count(*)::int as n from patients where mrn = ${first.patient.mrn}`,
        );
        expect(patientsWithMrn!.n).toBe(1);
      });
    }

    it('keeps the Synthea MRN (a UUID, too long for a clinic MRN) in a clinic form and the original as the source identifier', async () => {
      const preview = await post('/api/fhir-import/preview', syntheaText('hassan-jacobi.json'));
      expect(preview.statusCode).toBe(200);
      const p = preview.json<FhirImportPreview>().patient;
      expect(p.mrn).toBe('68165820A5554A84AECB980FA95B1251');
      expect(p.sourceIdentifier).toBe('http://hospital.smarthealthit.org|68165820-a555-4a84-aecb-980fa95b1251');
      expect(p).toEqual(jasmine.objectContaining({ familyName: 'Jacobi', givenName: 'Hassan', dateOfBirth: '1964-09-26', sex: 'male' }));
    });

    it('refuses the bundle without a Patient with 422 and a clear reason, writing nothing', async () => {
      const [before] = await rows<{ n: number }>(t(), sql`select count(*)::int as n from patients`);
      for (const url of ['/api/fhir-import', '/api/fhir-import/preview']) {
        const res = await post(url, syntheaText(SYNTHEA_NO_PATIENT));
        expect(res.statusCode).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().detail).toContain('no Patient resource');
        expect(res.json().detail).toContain('Practitioner');
        expect(res.json().errors[0].path).toBe('entry');
      }
      const [after] = await rows<{ n: number }>(t(), sql`select count(*)::int as n from patients`);
      expect(after!.n).toBe(before!.n);
      const [audit] = await rows<{ n: number }>(
        t(),
        sql`select count(*)::int as n from audit_events where subtype = 'fhir-import' and outcome = 'failed'`,
      );
      expect(audit!.n).toBeGreaterThan(0);
    });
  });

  describe('preview', () => {
    it('says who the patient is, what would be created, and writes nothing', async () => {
      const p = patientEntry({ mrn: 'PRV-001', family: 'Preview' });
      const bundle = bundleOf([
        p,
        painEntry(p.fullUrl, 4, { site: 'back' }),
        painEntry(p.fullUrl, 6, { site: 'leg' }),
        painEntry(p.fullUrl, 11, { site: 'leg', at: '2025-04-01T10:00:00Z' }),
      ]);
      const [before] = await rows<{ p: number; a: number; e: number }>(
        t(),
        sql`select (select count(*)::int from patients) as p, (select count(*)::int from assessments) as a, (select count(*)::int from audit_events where subtype <> 'fhir-import-preview') as e`,
      );
      const res = await post('/api/fhir-import/preview', bundle);
      expect(res.statusCode).toBe(200);
      const preview = res.json<FhirImportPreview>();
      expect(preview.patient).toEqual(
        jasmine.objectContaining({
          familyName: 'Preview',
          mrn: 'PRV-001',
          dateOfBirth: '1965-04-12',
          match: 'new',
          existingPatientId: null,
        }),
      );
      expect(countOf(preview, 'Observation')).toEqual(jasmine.objectContaining({ received: 3, created: 2, rejected: 1 }));
      expect(preview.issues.some((i) => i.severity === 'error' && i.index === 3 && i.message.includes('outside 0-10'))).toBeTrue();
      expect(preview.issues.some((i) => i.severity === 'warning' && i.message.includes('no FBSS diagnosis'))).toBeTrue();
      expect(preview.maxBytes).toBeGreaterThanOrEqual(20 * 1024 * 1024);
      const [after] = await rows<{ p: number; a: number; e: number }>(
        t(),
        sql`select (select count(*)::int from patients) as p, (select count(*)::int from assessments) as a, (select count(*)::int from audit_events where subtype <> 'fhir-import-preview') as e`,
      );
      expect(after).toEqual(before);
    });

    it('matches an existing patient by MRN, then by source identifier', async () => {
      const p = patientEntry({ mrn: 'PRV-002', family: 'Matcher' });
      await importBundle(bundleOf([p]));
      const byMrn = (await post('/api/fhir-import/preview', bundleOf([p]))).json<FhirImportPreview>();
      expect(byMrn.patient.match).toBe('mrn');
      expect(byMrn.patient.existingPatientId).not.toBeNull();
      // The sending system renumbered its MRN type, but the identifier system|value is the same one we stored.
      const again = patientEntry({
        family: 'Matcher',
        identifiers: [
          { system: 'http://hospital.example/mrn', value: 'PRV-002' },
          { system: 'urn:other', value: 'X-77' },
        ],
      });
      const bySource = (await post('/api/fhir-import/preview', bundleOf([again]))).json<FhirImportPreview>();
      expect(bySource.patient.match).toBe('mrn');
      const renamed = patientEntry({
        family: 'Matcher',
        identifiers: [{ type: { coding: [{ code: 'MR' }] }, system: 'urn:new-mrns', value: 'NEW-9' }],
      });
      const none = (await post('/api/fhir-import/preview', bundleOf([renamed]))).json<FhirImportPreview>();
      expect(none.patient.match).toBe('new');
    });
  });

  describe('malformed input', () => {
    it('answers malformed JSON with 400 problem+json naming the line and column', async () => {
      const res = await post('/api/fhir-import', '{\n  "resourceType": "Bundle",\n  "type": "collection",\n  "entry": [ }\n}');
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.detail).toContain('not valid JSON');
      expect(body.detail).toMatch(/line 4, column \d+/);
      expect(body.errors).toEqual([jasmine.objectContaining({ path: 'body' })]);
    });

    it('answers an empty body, a non-Bundle resource and an unsupported Bundle type with 400', async () => {
      const empty = await post('/api/fhir-import', '');
      expect(empty.statusCode).toBe(400);
      const patient = await post('/api/fhir-import', patientEntry().resource);
      expect(patient.statusCode).toBe(400);
      expect(patient.json().detail).toContain('a Patient resource, not a FHIR Bundle');
      expect(patient.json().errors[0].path).toBe('resourceType');
      const array = await post('/api/fhir-import', [1, 2]);
      expect(array.statusCode).toBe(400);
      expect(array.json().detail).toContain('JSON array');
      const history = await post('/api/fhir-import', { resourceType: 'Bundle', type: 'history', entry: [] });
      expect(history.statusCode).toBe(400);
      expect(history.json().errors[0].path).toBe('type');
      const entries = await post('/api/fhir-import', { resourceType: 'Bundle', type: 'batch', entry: {} });
      expect(entries.statusCode).toBe(400);
    });

    it('accepts application/json as well as application/fhir+json, and refuses other media types', async () => {
      const p = patientEntry({ mrn: 'CT-0001' });
      expect((await post('/api/fhir-import/preview', bundleOf([p]), { 'content-type': 'application/json' })).statusCode).toBe(200);
      expect((await post('/api/fhir-import/preview', bundleOf([p]), { 'content-type': 'text/plain' })).statusCode).toBe(415);
    });

    it('refuses a bundle with two patients (422) rather than guess whose resources are whose', async () => {
      const res = await post('/api/fhir-import', bundleOf([patientEntry({ mrn: 'TWO-1' }), patientEntry({ mrn: 'TWO-2' })], 'collection'));
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toContain('2 Patient resources');
    });

    it('refuses a patient whose MRN matches a clinic patient with another date of birth', async () => {
      await importBundle(bundleOf([patientEntry({ mrn: 'DOB-0001', birthDate: '1970-01-01' })]));
      const res = await post('/api/fhir-import', bundleOf([patientEntry({ mrn: 'DOB-0001', birthDate: '1971-01-01' })]));
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toContain('different date of birth');
    });
  });

  describe('mapping rules', () => {
    it('pain scores: bodySite lower back -> back, lower limb -> leg, none -> site unspecified; one instant is one assessment; values as recorded', async () => {
      const p = patientEntry({ mrn: 'MAP-0001' });
      const at = '2025-02-03T09:30:00+01:00';
      const report = await importBundle(
        bundleOf([
          p,
          painEntry(p.fullUrl, 6.5, { site: 'back', at }),
          painEntry(p.fullUrl, 8, { site: 'leg', at, valueInteger: true }),
          painEntry(p.fullUrl, 2.25, { at: '2025-03-03T09:30:00Z' }),
        ]),
      );
      expect(countOf(report, 'Observation').created).toBe(3);
      const a = await rows<{ back_nrs: number | null; leg_nrs: number | null; unspecified_nrs: number | null; recorded_at: Date | string }>(
        t(),
        sql`select back_nrs, leg_nrs, unspecified_nrs, recorded_at from assessments where patient_id = ${report.patientId} order by recorded_at`,
      );
      expect(a.length).toBe(2);
      expect(a[0]).toEqual(jasmine.objectContaining({ back_nrs: 6.5, leg_nrs: 8, unspecified_nrs: null }));
      expect(new Date(a[0]!.recorded_at).toISOString()).toBe('2025-02-03T08:30:00.000Z');
      expect(a[1]).toEqual(jasmine.objectContaining({ back_nrs: null, leg_nrs: null, unspecified_nrs: 2.25 }));
      // The derived latest-score columns follow (database triggers).
      const [pt] = await rows<{ latest_back_nrs: number; latest_leg_nrs: number }>(
        t(),
        sql`select latest_back_nrs, latest_leg_nrs from patients where id = ${report.patientId}`,
      );
      expect(pt).toEqual(jasmine.objectContaining({ latest_back_nrs: 6.5, latest_leg_nrs: 8 }));
    });

    it('rejects out-of-range and value-less pain scores per entry, with index and fullUrl, and imports the rest', async () => {
      const p = patientEntry({ mrn: 'MAP-0002' });
      const bad = painEntry(p.fullUrl, 10.5, { site: 'back' });
      const negative = painEntry(p.fullUrl, -1, { site: 'leg', at: '2025-03-02T10:00:00Z' });
      const noValue = painEntry(p.fullUrl, 'seven', { at: '2025-03-03T10:00:00Z', valueInteger: true });
      const neck = painEntry(p.fullUrl, 3, { site: '45048000', at: '2025-03-04T10:00:00Z' });
      const good = painEntry(p.fullUrl, 10, { site: 'back', at: '2025-03-05T10:00:00Z' });
      const report = await importBundle(bundleOf([p, bad, negative, noValue, neck, good]));
      expect(countOf(report, 'Observation')).toEqual(jasmine.objectContaining({ received: 5, created: 1, rejected: 3, skipped: 1 }));
      const errors = report.issues.filter((i) => i.severity === 'error');
      expect(errors.map((e) => e.index)).toEqual([1, 2, 3]);
      expect(errors[0]).toEqual(
        jasmine.objectContaining({
          fullUrl: bad.fullUrl,
          resourceType: 'Observation',
          message: jasmine.stringContaining('10.5 is outside 0-10'),
        }),
      );
      expect(errors[2]!.message).toContain('no numeric value');
      expect(report.issues.find((i) => i.index === 4)?.message).toContain('neither lower back');
      const [n] = await rows<{ n: number }>(t(), sql`select count(*)::int as n from assessments where patient_id = ${report.patientId}`);
      expect(n!.n).toBe(1);
    });

    it('resolves urn:uuid references to the bundle patient, and rejects entries about someone else', async () => {
      const p = patientEntry({ mrn: 'MAP-0003' });
      const other = urn();
      const report = await importBundle(
        bundleOf([
          painEntry(p.fullUrl, 3, { site: 'back' }),
          p,
          painEntry(other, 4, { site: 'back', at: '2025-05-01T10:00:00Z' }),
          painEntry(`Patient/${p.resource['id'] as string}`, 5, { site: 'leg' }),
        ]),
      );
      expect(countOf(report, 'Observation')).toEqual(jasmine.objectContaining({ created: 2, rejected: 1 }));
      expect(report.issues.find((i) => i.index === 2)?.message).toContain('does not resolve to the bundle');
    });

    it('conditions: FBSS diagnosis noted; causes by local code, ICD-10-CM or SNOMED CT; verificationStatus -> tag status', async () => {
      const p = patientEntry({ mrn: 'MAP-0004' });
      const cause = 'https://fbss.example/fhir/CodeSystem/fbss-cause';
      const icd = 'http://hl7.org/fhir/sid/icd-10-cm';
      const report = await importBundle(
        bundleOf([
          p,
          conditionEntry(p.fullUrl, [{ system: icd, code: 'M96.1' }], 'confirmed'),
          conditionEntry(p.fullUrl, [{ system: cause, code: 'POST-FIB' }], 'provisional', { note: [{ text: 'Enhancing scar on MRI' }] }),
          conditionEntry(p.fullUrl, [{ system: icd, code: 'M96.0' }], 'confirmed'),
          conditionEntry(p.fullUrl, [{ system: SNOMED, code: '55146009' }], 'refuted'),
          conditionEntry(p.fullUrl, [{ system: icd, code: 'M51.16' }], 'unconfirmed'),
          conditionEntry(p.fullUrl, [{ system: cause, code: 'POST-NEU' }], 'differential'),
          conditionEntry(p.fullUrl, [{ system: cause, code: 'OP-WL' }], 'entered-in-error'),
          conditionEntry(p.fullUrl, [{ system: cause, code: 'OP-DUR' }], 'maybe'),
          conditionEntry(p.fullUrl, [{ system: SNOMED, code: '444814009' }], 'confirmed'),
        ]),
      );
      expect(report.fbssDiagnosis).toBeTrue();
      expect(countOf(report, 'Condition')).toEqual(jasmine.objectContaining({ received: 9, created: 5, skipped: 3, rejected: 1 }));
      const tags = await rows<{ code: string; status: string; evidence_note: string | null }>(
        t(),
        sql`select code, status, evidence_note from cause_tags where patient_id = ${report.patientId} order by code`,
      );
      expect(tags.map((x) => [x.code, x.status])).toEqual([
        ['POST-FIB', 'provisional'],
        ['POST-NEU', 'differential'],
        ['POST-PSA', 'confirmed'],
        ['POST-RDH', 'provisional'],
        ['POST-SIJ', 'refuted'],
      ]);
      expect(tags[0]!.evidence_note).toBe('Enhancing scar on MRI');
      const [events] = await rows<{ n: number }>(
        t(),
        sql`select count(*)::int as n from cause_tag_events e join cause_tags c on c.id = e.cause_tag_id where c.patient_id = ${report.patientId}`,
      );
      expect(events!.n).toBe(5);
      expect(report.issues.find((i) => i.index === 8)?.message).toContain('"maybe"');

      // A re-import with a changed verificationStatus updates the tag (and its history), without a duplicate.
      const again = await importBundle(bundleOf([p, conditionEntry(p.fullUrl, [{ system: cause, code: 'POST-FIB' }], 'confirmed')]));
      expect(countOf(again, 'Condition').updated).toBe(1);
      const [fib] = await rows<{ status: string; n: number }>(
        t(),
        sql`select c.status, (select count(*)::int from cause_tag_events e where e.cause_tag_id = c.id) as n from cause_tags c where c.patient_id = ${report.patientId} and c.code = 'POST-FIB'`,
      );
      expect(fib).toEqual({ status: 'confirmed', n: 2 });
    });

    it('ODI QuestionnaireResponse: ordinal answers 0-5 scored by the shared rule; a bad answer rejects the response', async () => {
      const p = patientEntry({ mrn: 'MAP-0005' });
      const full = odiEntry(p.fullUrl, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], { at: '2025-01-10T10:00:00Z' });
      const oneMissing = odiEntry(p.fullUrl, [2, 1, 3, 2, 2, 2, 2, null, 1, 1], { at: '2025-02-10T10:00:00Z', style: 'coding' });
      const bad = odiEntry(p.fullUrl, [2, 2, 7, 2, 2, 2, 2, 2, 2, 2], { at: '2025-03-10T10:00:00Z' });
      const report = await importBundle(bundleOf([p, full, oneMissing, bad]));
      expect(countOf(report, 'QuestionnaireResponse')).toEqual(jasmine.objectContaining({ created: 2, rejected: 1 }));
      expect(report.issues.find((i) => i.index === 3)?.message).toContain('Lifting');
      const a = await rows<{ odi_answers: (number | null)[]; odi_score: number }>(
        t(),
        sql`select odi_answers, odi_score from assessments where patient_id = ${report.patientId} order by recorded_at`,
      );
      expect(a.map((x) => x.odi_score)).toEqual([40, 35.6]);
      expect(a[1]!.odi_answers).toEqual([2, 1, 3, 2, 2, 2, 2, null, 1, 1]);
    });

    it('ServiceRequest -> referral, Procedure -> surgery (index via supportingInfo), CarePlan -> plan with catalogue items', async () => {
      const p = patientEntry({ mrn: 'MAP-0006' });
      const surgery = {
        fullUrl: urn(),
        resource: {
          resourceType: 'Procedure',
          status: 'completed',
          code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '22612' }] },
          subject: { reference: p.fullUrl },
          performedDateTime: '2023-06-01',
          performer: [{ actor: { display: 'Mr Spine' } }],
          bodySite: [{ coding: [{ system: SNOMED, code: '84020006' }] }],
        },
      };
      const flu = {
        fullUrl: urn(),
        resource: {
          resourceType: 'Procedure',
          status: 'completed',
          code: { coding: [{ system: SNOMED, code: '86198006', display: 'Influenza vaccination' }] },
          subject: { reference: p.fullUrl },
          performedDateTime: '2023-01-01',
        },
      };
      const esi = {
        fullUrl: urn(),
        resource: {
          resourceType: 'Procedure',
          status: 'completed',
          code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '62323' }] },
          subject: { reference: p.fullUrl },
          performedDateTime: '2024-01-01',
        },
      };
      const referral = {
        fullUrl: urn(),
        resource: {
          resourceType: 'ServiceRequest',
          status: 'active',
          intent: 'order',
          priority: 'urgent',
          category: [{ coding: [{ system: SNOMED, code: '3457005' }] }],
          subject: { reference: p.fullUrl },
          authoredOn: '2024-02-01',
          requester: { display: 'Dr GP' },
          reasonCode: [{ text: 'Leg pain after fusion' }],
          supportingInfo: [{ reference: surgery.fullUrl }],
        },
      };
      const lab = {
        fullUrl: urn(),
        resource: {
          resourceType: 'ServiceRequest',
          status: 'active',
          intent: 'order',
          code: { text: 'Full blood count' },
          subject: { reference: p.fullUrl },
        },
      };
      const plan = {
        fullUrl: urn(),
        resource: {
          resourceType: 'CarePlan',
          status: 'active',
          intent: 'plan',
          subject: { reference: p.fullUrl },
          activity: [
            {
              detail: {
                code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '63650' }] },
                status: 'completed',
                scheduledPeriod: { start: '2024-03-01', end: '2024-03-08' },
              },
            },
            {
              detail: {
                code: { coding: [{ system: 'https://fbss.example/fhir/CodeSystem/fbss-treatment', code: 'PHYSIO' }] },
                status: 'scheduled',
              },
            },
            { detail: { code: { text: 'Dietary advice' }, status: 'in-progress' } },
          ],
        },
      };
      const report = await importBundle(bundleOf([p, surgery, flu, esi, referral, lab, plan]));
      expect(countOf(report, 'Procedure')).toEqual(jasmine.objectContaining({ received: 3, created: 1, skipped: 2 }));
      expect(countOf(report, 'ServiceRequest')).toEqual(jasmine.objectContaining({ created: 1, skipped: 1 }));
      expect(countOf(report, 'CarePlan').created).toBe(1);
      expect(report.issues.find((i) => i.index === 3)?.message).toContain('treatment of the catalogue');
      const patient = await t().app.inject({ method: 'GET', url: `/api/patients/${report.patientId}`, headers: { cookie: spec } });
      expect(patient.statusCode).toBe(200);
      const body = patient.json();
      expect(body.priority).toBe('urgent');
      expect(body.referrals).toEqual([
        jasmine.objectContaining({
          referringClinician: 'Dr GP',
          referredOn: '2024-02-01',
          reason: 'Leg pain after fusion',
          priority: 'urgent',
        }),
      ]);
      expect(body.surgeries).toEqual([
        jasmine.objectContaining({ procedure: 'PLF', performedOn: '2023-06-01', surgeon: 'Mr Spine', levels: ['L4-L5'], isIndex: true }),
      ]);
      const plans = await t().app.inject({ method: 'GET', url: `/api/patients/${report.patientId}/plans`, headers: { cookie: spec } });
      expect(plans.statusCode).toBe(200);
      const items = plans.json().items[0].items;
      expect(items.map((i: { treatmentCode: string; status: string }) => [i.treatmentCode, i.status])).toEqual([
        ['SCS-TRIAL', 'completed'],
        ['PHYSIO', 'planned'],
      ]);
      expect(items[0].startedOn).toBe('2024-03-01');
      expect(items[0].followUps.length).toBeGreaterThan(0);
    });

    it('is audited in the same transaction with the counts, and an Idempotency-Key replays the report', async () => {
      const p = patientEntry({ mrn: 'AUD-0001' });
      const bundle = JSON.stringify(bundleOf([p, painEntry(p.fullUrl, 5, { site: 'back' })]));
      const first = await post('/api/fhir-import', bundle, { 'idempotency-key': 'fhir-import-aud-0001' });
      expect(first.statusCode).toBe(201);
      const replay = await post('/api/fhir-import', bundle, { 'idempotency-key': 'fhir-import-aud-0001' });
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json()).toEqual(first.json());
      const patientId = first.json<FhirImportReport>().patientId;
      const audit = await rows<{
        action: string;
        subtype: string;
        entity_type: string;
        outcome: string;
        detail: { totals: { created: number } };
      }>(
        t(),
        sql`select action, subtype, entity_type, outcome, detail from audit_events where patient_id = ${patientId} and subtype = 'fhir-import'`,
      );
      expect(audit.length).toBe(1);
      expect(audit[0]).toEqual(jasmine.objectContaining({ action: 'create', entity_type: 'Bundle', outcome: 'success' }));
      expect(audit[0]!.detail.totals.created).toBe(2);
    });
  });
});

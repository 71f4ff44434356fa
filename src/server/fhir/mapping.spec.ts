import { HttpProblem } from '../http/problem';
import { jsonErrorOffset, parseBundle, parseJsonText } from './bundle';
import { causeFromCodings, procedureFromCoding, treatmentFromCodings, CPT, ICD10CM, SNOMED as SCT } from './codes';
import { LOINC, bundleOf, conditionEntry, odiEntry, painEntry, patientEntry, urn, type Json } from './fixtures/bundles';
import { clinicMrn, mapBundle, type MappedImport } from './import-mapper';

const map = (entries: { fullUrl?: string; resource?: Json; request?: Json }[], type = 'collection'): Promise<MappedImport> =>
  mapBundle(parseBundle(bundleOf(entries, type)));

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<HttpProblem> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    if (e instanceof HttpProblem) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('FHIR import: parsing the body', () => {
  it('finds where malformed JSON goes wrong', () => {
    expect(jsonErrorOffset('{"a": [1, }')).toBe(10);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": 1} trailing')).toBe(9);
    expect(jsonErrorOffset('{"a": "ok"}')).toBeNull();
  });

  it('refuses bodies that are not a Bundle of an accepted type (400, with the field at fault)', async () => {
    expect((await refusal(() => parseJsonText('  '))).status).toBe(400);
    expect((await refusal(() => parseBundle('text'))).errors?.[0]?.path).toBe('resourceType');
    expect((await refusal(() => parseBundle({ resourceType: 'Observation' }))).detail).toContain('an Observation resource');
    expect((await refusal(() => parseBundle({ resourceType: 'Bundle' }))).detail).toContain('Bundle.type is missing');
    expect((await refusal(() => parseBundle({ resourceType: 'Bundle', type: 'document' }))).detail).toContain(
      '"document" cannot be imported',
    );
    for (const type of ['transaction', 'batch', 'collection', 'searchset'])
      expect(parseBundle({ resourceType: 'Bundle', type }).entries).toEqual([]);
  });

  it('resolves urn:uuid full URLs, Type/id, and relative references against a RESTful full URL', () => {
    const b = parseBundle({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', resource: { resourceType: 'Patient', id: 'p1' } },
        { fullUrl: 'https://ehr.example/fhir/Patient/p2', resource: { resourceType: 'Patient', id: 'p2' } },
        { fullUrl: 'https://ehr.example/fhir/Observation/o1', resource: { resourceType: 'Observation', id: 'o1' } },
      ],
    });
    const [p1, p2, o1] = b.entries;
    expect(b.resolve({ reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' })).toBe(p1!);
    expect(b.resolve({ reference: 'Patient/p1' })).toBe(p1!);
    expect(b.resolve({ reference: 'Patient/p2' }, o1)).toBe(p2!);
    expect(b.resolve({ reference: 'https://ehr.example/fhir/Patient/p2/_history/3' })).toBe(p2!);
    expect(b.resolve({ reference: 'Patient/nobody' })).toBeNull();
    expect(b.resolve({ reference: '#contained' })).toBeNull();
    expect(b.resolve({ identifier: { value: 'x' } })).toBeNull();
  });
});

describe('FHIR import: the patient', () => {
  it('takes the MR-typed identifier as the MRN, else the first one; clinic MRNs are upper case, at most 32 characters', async () => {
    expect(clinicMrn('abc-123')).toEqual({ mrn: 'ABC-123', adapted: true });
    expect(clinicMrn('ABC-123')).toEqual({ mrn: 'ABC-123', adapted: false });
    expect(clinicMrn('68165820-a555-4a84-aecb-980fa95b1251')).toEqual({ mrn: '68165820A5554A84AECB980FA95B1251', adapted: true });
    expect(clinicMrn('x')).toBeNull();
    const typed = await map([
      patientEntry({
        identifiers: [
          { system: 'urn:ssn', value: '999-1' },
          { type: { coding: [{ code: 'MR' }] }, system: 'urn:mrn', value: 'mr-77' },
        ],
      }),
    ]);
    expect(typed.patient).toEqual(jasmine.objectContaining({ mrn: 'MR-77', sourceIdentifier: 'urn:mrn|mr-77' }));
    const first = await map([patientEntry({ identifiers: [{ system: 'urn:local', value: 'L-5' }] })]);
    expect(first.patient.mrn).toBe('L-5');
  });

  it("keeps the sending system's identifier when our own MRN identifier comes back in a re-imported export", async () => {
    const m = await map([
      patientEntry({
        identifiers: [
          { type: { coding: [{ code: 'MR' }] }, system: 'https://fbss.example/fhir/sid/mrn', value: 'ABC-1' },
          { system: 'urn:ehr', value: 'E-9' },
        ],
      }),
    ]);
    expect(m.patient).toEqual(jasmine.objectContaining({ mrn: 'ABC-1', sourceIdentifier: 'urn:ehr|E-9' }));
  });

  it('refuses (422) no Patient, two Patients, or a Patient without identifier, family name or full birth date', async () => {
    expect((await refusal(map([painEntry('urn:uuid:x', 3)]))).status).toBe(422);
    expect((await refusal(map([patientEntry(), patientEntry()]))).detail).toContain('2 Patient resources');
    expect((await refusal(map([patientEntry({ identifiers: [] })]))).detail).toContain('no identifier');
    expect((await refusal(map([patientEntry({ family: '' })]))).detail).toContain('no family name');
    expect((await refusal(map([patientEntry({ birthDate: '1965' })]))).detail).toContain('birthDate');
  });
});

describe('FHIR import: mapping rules', () => {
  it('pain scores by body site; one instant makes one assessment; values kept as recorded', async () => {
    const p = patientEntry();
    const m = await map([
      p,
      painEntry(p.fullUrl, 3.25, { site: 'back', at: '2025-01-01T10:00:00Z' }),
      painEntry(p.fullUrl, 7, { site: 'leg', at: '2025-01-01T11:00:00+01:00', valueInteger: true }),
      painEntry(p.fullUrl, 1.166666, { at: '2025-01-02T10:00:00Z' }),
      painEntry(p.fullUrl, 2, { site: 'back', at: '2025-01-01T10:00:00Z' }),
    ]);
    expect(m.assessments.map((a) => [a.recordedAt.toISOString(), a.backNrs, a.legNrs, a.unspecifiedNrs])).toEqual([
      ['2025-01-01T10:00:00.000Z', 3.25, 7, null],
      ['2025-01-01T10:00:00.000Z', 2, null, null],
      ['2025-01-02T10:00:00.000Z', null, null, 1.166666],
    ]);
    expect(m.dispositions.map((d) => d.outcome)).toEqual(['mapped', 'mapped', 'mapped', 'mapped', 'mapped']);
  });

  it('rejects per entry: out of range, no value, no time, future date, another patient; skips entered-in-error and other body sites', async () => {
    const p = patientEntry();
    const noTime = painEntry(p.fullUrl, 3);
    delete (noTime.resource as Record<string, unknown>)['effectiveDateTime'];
    const m = await map([
      p,
      painEntry(p.fullUrl, 11),
      painEntry(p.fullUrl, 'x', { valueInteger: true }),
      noTime,
      painEntry(p.fullUrl, 4, { at: '2999-01-01T00:00:00Z' }),
      painEntry(urn(), 4),
      painEntry(p.fullUrl, 4, { status: 'entered-in-error' }),
      painEntry(p.fullUrl, 4, { site: '69536005' }),
    ]);
    expect(m.dispositions.map((d) => d.outcome)).toEqual([
      'mapped',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'skipped',
      'skipped',
    ]);
    expect(m.issues.filter((i) => i.severity === 'error').map((i) => i.index)).toEqual([1, 2, 3, 4, 5]);
    expect(m.assessments).toEqual([]);
  });

  it('a date without time is taken at noon UTC; a partial date is accepted with a warning', async () => {
    const p = patientEntry();
    const m = await map([p, painEntry(p.fullUrl, 4, { at: '2024-05-06' }), painEntry(p.fullUrl, 5, { at: '2024-07' })]);
    expect(m.assessments.map((a) => a.recordedAt.toISOString())).toEqual(['2024-05-06T12:00:00.000Z', '2024-07-01T12:00:00.000Z']);
    expect(m.issues.some((i) => i.index === 2 && i.message.includes('partial'))).toBeTrue();
  });

  it('ODI: a response and its 97909-6 score are one assessment; the computed score is kept; answers by section id or position', async () => {
    const p = patientEntry();
    const qr = odiEntry(p.fullUrl, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { at: '2025-02-01T09:00:00Z' });
    const score = {
      fullUrl: urn(),
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: LOINC, code: '97909-6' }] },
        subject: { reference: p.fullUrl },
        effectiveDateTime: '2025-02-01T09:05:00Z',
        valueQuantity: { value: 22 },
        derivedFrom: [{ reference: qr.fullUrl }],
      },
    };
    const byPosition = odiEntry(p.fullUrl, [0, 5, 0, 5, 0, 5, 0, 5, 0, 5], { at: '2025-03-01T09:00:00Z' });
    (byPosition.resource['item'] as { linkId: string }[]).forEach((it, i) => (it.linkId = `odi-${i + 1}`));
    const m = await map([p, qr, score, byPosition]);
    expect(m.assessments.map((a) => [a.odiScore, a.odiAnswers?.join('')])).toEqual([
      [20, '1111111111'],
      [50, '0505050505'],
    ]);
    expect(m.issues.some((i) => i.index === 2 && i.message.includes('differs'))).toBeTrue();
  });

  it('an ODI with two sections missing keeps its answers without a score (shared rule: at most one missing)', async () => {
    const p = patientEntry();
    const m = await map([p, odiEntry(p.fullUrl, [1, 1, 1, 1, 1, 1, 1, null, null, 1])]);
    expect(m.assessments[0]).toEqual(jasmine.objectContaining({ odiScore: null }));
    expect(m.issues.some((i) => i.message.includes('ODI not scored'))).toBeTrue();
  });

  it('verificationStatus -> tag status (unconfirmed -> provisional; none -> provisional with a warning); two Conditions of one cause keep the newer', async () => {
    const p = patientEntry();
    const local = 'https://fbss.example/fhir/CodeSystem/fbss-cause';
    const m = await map([
      p,
      conditionEntry(p.fullUrl, [{ system: local, code: 'POST-ASD' }], 'unconfirmed'),
      conditionEntry(p.fullUrl, [{ system: local, code: 'POST-INF' }]),
      conditionEntry(p.fullUrl, [{ system: local, code: 'POST-ARA' }], 'provisional', { recordedDate: '2024-01-01' }),
      conditionEntry(p.fullUrl, [{ system: local, code: 'POST-ARA' }], 'confirmed', { recordedDate: '2024-06-01' }),
    ]);
    expect(m.causes.map((c) => [c.code, c.status])).toEqual([
      ['POST-ASD', 'provisional'],
      ['POST-INF', 'provisional'],
      ['POST-ARA', 'confirmed'],
    ]);
    expect(m.dispositions[3]!.outcome).toBe('skipped');
    expect(m.issues.some((i) => i.index === 2 && i.message.includes('no verificationStatus'))).toBeTrue();
  });

  it('maps codes to the catalogues', () => {
    expect(causeFromCodings([{ system: ICD10CM, code: 'M960' }])).toBe('POST-PSA');
    expect(causeFromCodings([{ system: ICD10CM, code: 'M48.062' }])).toBe('OP-DEC');
    expect(causeFromCodings([{ system: ICD10CM, code: 'T84.226A' }])).toBeNull(); // listed for two causes
    expect(causeFromCodings([{ system: SCT, code: '18347007' }])).toBe('OP-DEC');
    expect(causeFromCodings([{ system: ICD10CM, code: 'M96.1' }])).toBeNull(); // the FBSS diagnosis itself
    expect(procedureFromCoding([{ system: CPT, code: '63030' }], undefined)).toEqual({ code: 'DISCECTOMY', by: 'cpt' });
    expect(procedureFromCoding([{ system: CPT, code: '22614' }], undefined)).toEqual({ code: 'PLF', by: 'cpt' });
    expect(procedureFromCoding([{ system: SCT, code: '1234', display: 'Lumbar microdiscectomy' }], undefined)).toEqual({
      code: 'MICRODISCECTOMY',
      by: 'name',
    });
    expect(procedureFromCoding([{ system: SCT, code: '1234', display: 'Spinal fusion' }], undefined)).toEqual({ code: 'PLF', by: 'name' });
    expect(
      procedureFromCoding([{ system: SCT, code: '428191000124101', display: 'Documentation of current medications' }], undefined),
    ).toBeNull();
    expect(treatmentFromCodings([{ system: CPT, code: '63650' }])).toBe('SCS-TRIAL');
    expect(treatmentFromCodings([{ system: CPT, code: '63685' }])).toBe('SCS-IMPLANT');
    expect(treatmentFromCodings([{ system: CPT, code: '62322' }])).toBe('ESI-IL');
  });

  it('skips and counts resource types the dashboard does not use; DELETE entries are skipped with a warning', async () => {
    const p = patientEntry();
    const m = await map(
      [
        p,
        { fullUrl: urn(), resource: { resourceType: 'Claim' } },
        { fullUrl: urn(), resource: { resourceType: 'Immunization' } },
        { request: { method: 'DELETE', url: 'Observation/1' } },
      ],
      'transaction',
    );
    expect(m.dispositions.map((d) => d.outcome)).toEqual(['mapped', 'skipped', 'skipped', 'skipped']);
    expect(m.issues.some((i) => i.index === 3 && i.message.includes('DELETE'))).toBeTrue();
  });
});

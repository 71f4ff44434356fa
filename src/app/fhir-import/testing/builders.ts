import type { FhirEntryIssue, FhirImportPatient, FhirImportPreview, FhirImportReport, FhirTypeCounts } from '@shared/contracts/fhir';

/** Test data for the FHIR import specs (never bundled: only specs import this file). */

export const PATIENT_ID = '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

export function anImportPatient(overrides: Partial<FhirImportPatient> = {}): FhirImportPatient {
  return {
    familyName: 'Jacobi',
    givenName: 'Hassan',
    mrn: 'SYN-68165820',
    dateOfBirth: '1964-09-26',
    sex: 'male',
    sourceIdentifier: 'https://github.com/synthetichealth/synthea|68165820-a555-4a84-aecb-980fa95b1251',
    match: 'new',
    existingPatientId: null,
    ...overrides,
  };
}

export function typeCounts(resourceType: string, counts: Partial<Omit<FhirTypeCounts, 'resourceType'>>): FhirTypeCounts {
  const outcomes = { created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0, ...counts };
  const received = counts.received ?? outcomes.created + outcomes.updated + outcomes.unchanged + outcomes.skipped + outcomes.rejected;
  return { resourceType, ...outcomes, received };
}

export function anIssue(overrides: Partial<FhirEntryIssue> = {}): FhirEntryIssue {
  return {
    index: 3,
    fullUrl: 'urn:uuid:0b9e1b44-0000-4000-8000-000000000003',
    resourceType: 'Observation',
    severity: 'error',
    message: 'Pain score 11 is outside 0-10.',
    ...overrides,
  };
}

const COUNTS = [
  typeCounts('Patient', { created: 1 }),
  typeCounts('Observation', { created: 6, skipped: 64, rejected: 1 }),
  typeCounts('Claim', { skipped: 15 }),
];

function totalsOf(counts: readonly FhirTypeCounts[]): Omit<FhirTypeCounts, 'resourceType'> {
  const sum = (key: keyof Omit<FhirTypeCounts, 'resourceType'>) => counts.reduce((total, c) => total + c[key], 0);
  return {
    received: sum('received'),
    created: sum('created'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    skipped: sum('skipped'),
    rejected: sum('rejected'),
  };
}

export function aPreview(overrides: Partial<FhirImportPreview> = {}): FhirImportPreview {
  const counts = overrides.counts ?? COUNTS;
  return {
    bundleType: 'transaction',
    entries: totalsOf(counts).received,
    patient: anImportPatient(),
    fbssDiagnosis: false,
    counts,
    totals: totalsOf(counts),
    issues: [
      anIssue(),
      anIssue({ index: null, fullUrl: null, resourceType: null, severity: 'warning', message: 'The bundle has no FBSS diagnosis.' }),
    ],
    issuesOmitted: 0,
    maxBytes: 40 * 1024 * 1024,
    ...overrides,
  };
}

export function aReport(overrides: Partial<FhirImportReport> = {}): FhirImportReport {
  const { maxBytes: _maxBytes, ...preview } = aPreview(overrides.counts ? { counts: overrides.counts } : {});
  return { ...preview, patientId: PATIENT_ID, patientCreated: true, ...overrides };
}

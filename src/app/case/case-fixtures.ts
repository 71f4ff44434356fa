import type { CauseTag, ClinicalNote, Clinician, Patient } from '@shared/contracts/patients';

/** Test data builders for the case and referral specs (only specs import this file). */

let next = 100;
const uuid = (): string => `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;

export const SPECIALIST_ID = '00000000-0000-4000-8000-0000000000a1';
export const NURSE_ID = '00000000-0000-4000-8000-0000000000b1';

export function aCase(overrides: Partial<Patient> = {}): Patient {
  return {
    id: uuid(),
    mrn: 'MRN0042',
    familyName: 'Okafor',
    givenName: 'Ada',
    dateOfBirth: '1965-04-12',
    sex: 'female',
    phone: '0161 000 0000',
    email: null,
    status: 'triage',
    priority: 'routine',
    responsibleSpecialistId: null,
    responsibleSpecialistName: null,
    namedNurseId: null,
    namedNurseName: null,
    openRedFlag: false,
    referrals: [
      {
        id: uuid(),
        referringClinician: 'Mr Orth Surgeon',
        referredOn: '2025-03-01',
        reason: 'Persistent leg pain after L5-S1 discectomy',
        priority: 'routine',
        status: 'active',
      },
    ],
    surgeries: [
      {
        id: uuid(),
        procedure: 'TLIF',
        levels: ['L5-S1', 'L4-L5'],
        performedOn: '2024-11-20',
        surgeon: 'Mr K Osei',
        hospital: 'St Elsewhere',
        instrumentation: 'Pedicle screws and cage',
        isIndex: true,
      },
    ],
    version: 3,
    updatedAt: '2025-05-01T09:30:00.000Z',
    updatedBy: 'Dr Wei Chen',
    ...overrides,
  };
}

export function aCauseTag(overrides: Partial<CauseTag> = {}): CauseTag {
  return {
    id: uuid(),
    code: 'POST-PSA',
    status: 'provisional',
    evidenceNote: 'CT: no bridging bone at L4-L5',
    taggedBy: 'Dr Wei Chen',
    taggedAt: '2025-04-01T10:00:00.000Z',
    updatedBy: 'Dr Wei Chen',
    updatedAt: '2025-04-01T10:00:00.000Z',
    version: 1,
    history: [
      {
        change: 'tagged',
        status: 'provisional',
        evidenceNote: 'CT: no bridging bone at L4-L5',
        changedBy: 'Dr Wei Chen',
        changedAt: '2025-04-01T10:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function aNote(overrides: Partial<ClinicalNote> = {}): ClinicalNote {
  return {
    id: uuid(),
    body: 'MDT: consider SCS trial.',
    authorId: SPECIALIST_ID,
    authorName: 'Dr Wei Chen',
    writtenAt: '2025-04-02T14:05:00.000Z',
    enteredInError: false,
    enteredInErrorReason: null,
    version: 1,
    ...overrides,
  };
}

export const CLINICIANS: Clinician[] = [
  { id: SPECIALIST_ID, displayName: 'Dr Wei Chen', role: 'specialist' },
  { id: NURSE_ID, displayName: 'Gwen Jones', role: 'nurse' },
];

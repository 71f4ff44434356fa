import type { SessionInfo, SessionUser } from '@shared/contracts/auth';
import type { PatientListItem, PatientListResponse } from '@shared/contracts/patients';

/** Test data builders for specs (never bundled: only specs import this file). */

export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: '7d3f7c1e-2a4b-4c55-8d3e-0f6a1b2c3d4e',
    username: 'nurse.jones',
    displayName: 'Alex Jones',
    role: 'nurse',
    mustChangePassword: false,
    ...overrides,
  };
}

export function aSession(user: Partial<SessionUser> = {}, overrides: Partial<Omit<SessionInfo, 'user'>> = {}): SessionInfo {
  return {
    user: aUser(user),
    idleTimeoutSeconds: 900,
    expiresAt: '2030-01-01T12:00:00.000Z',
    ...overrides,
  };
}

let nextId = 1;

export function aPatient(overrides: Partial<PatientListItem> = {}): PatientListItem {
  const n = nextId++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    mrn: `MRN${String(1000 + n)}`,
    familyName: 'Smith',
    givenName: 'Jo',
    dateOfBirth: '1970-06-15',
    sex: 'female',
    status: 'assessment',
    priority: 'routine',
    referredOn: '2025-01-10',
    indexProcedure: 'TLIF',
    indexSurgeryDate: '2024-03-01',
    causes: [{ code: 'PRE-DX', status: 'provisional' }],
    latestBackNrs: 6,
    latestLegNrs: 7,
    baselineBackNrs: 8,
    baselineLegNrs: 7,
    latestAssessedAt: '2025-02-01T10:00:00.000Z',
    openRedFlag: false,
    nextFollowUpDue: '2025-04-01',
    ...overrides,
  };
}

export function aPage(items: PatientListItem[], overrides: Partial<PatientListResponse> = {}): PatientListResponse {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

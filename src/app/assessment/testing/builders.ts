import type { Assessment, RedFlagAlert } from '@shared/contracts/assessments';
import type { Patient } from '@shared/contracts/patients';
import type { PlanItem, TreatmentPlan } from '@shared/contracts/plans';

/** Test data builders for the assessment specs (only specs import this file). */
export const PATIENT_ID = '00000000-0000-4000-8000-0000000000a1';
export const NURSE_ID = '7d3f7c1e-2a4b-4c55-8d3e-0f6a1b2c3d4e';
export const OTHER_ID = '7d3f7c1e-2a4b-4c55-8d3e-0f6a1b2c3d4f';

let next = 1;
function id(): string {
  return `00000000-0000-4000-9000-${String(next++).padStart(12, '0')}`;
}

export function anAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: id(),
    patientId: PATIENT_ID,
    recordedAt: '2026-05-01T09:00:00.000Z',
    recordedById: NURSE_ID,
    recordedBy: 'Alex Jones',
    backNrs: 7,
    legNrs: 8,
    unspecifiedNrs: null,
    symptoms: [],
    redFlagsScreened: false,
    redFlags: [],
    odiAnswers: null,
    odiScore: null,
    note: null,
    source: 'form',
    enteredInError: false,
    enteredInErrorReason: null,
    version: 1,
    ...overrides,
  };
}

export function anAlert(overrides: Partial<RedFlagAlert> = {}): RedFlagAlert {
  return {
    id: id(),
    assessmentId: id(),
    flags: ['saddle-numbness'],
    raisedAt: '2026-05-01T09:00:00.000Z',
    raisedBy: 'Alex Jones',
    acknowledgedAt: null,
    acknowledgedBy: null,
    actionTaken: null,
    version: 1,
    ...overrides,
  };
}

export function aPlanItem(overrides: Partial<PlanItem> = {}): PlanItem {
  return {
    id: id(),
    planId: id(),
    treatmentCode: 'PHYSIO',
    status: 'active',
    plannedOn: null,
    startedOn: '2026-03-01',
    endedOn: null,
    responsibleClinicianId: null,
    responsibleClinicianName: null,
    addressesCauses: [],
    stopReason: null,
    outcomeNote: null,
    trialReliefPct: null,
    trialDecision: null,
    version: 1,
    followUps: [],
    history: [],
    ...overrides,
  };
}

export function aPlan(items: PlanItem[], overrides: Partial<TreatmentPlan> = {}): TreatmentPlan {
  return {
    id: id(),
    patientId: PATIENT_ID,
    status: 'active',
    goals: [],
    createdAt: '2026-02-01T09:00:00.000Z',
    createdBy: 'Dr Who',
    version: 1,
    items,
    ...overrides,
  };
}

export function aPatientRecord(overrides: Partial<Patient> = {}): Patient {
  return {
    id: PATIENT_ID,
    mrn: 'MRN-77',
    familyName: 'Okafor',
    givenName: 'Ada',
    dateOfBirth: '1960-02-01',
    sex: 'female',
    phone: null,
    email: null,
    status: 'assessment',
    priority: 'routine',
    responsibleSpecialistId: null,
    responsibleSpecialistName: null,
    namedNurseId: null,
    namedNurseName: null,
    openRedFlag: false,
    referrals: [],
    surgeries: [],
    version: 1,
    updatedAt: '2026-05-01T09:00:00.000Z',
    updatedBy: null,
    ...overrides,
  };
}

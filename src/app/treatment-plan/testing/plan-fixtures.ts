import type { CauseTag, Clinician } from '@shared/contracts/patients';
import type { FollowUpDueItem, PlanItem, PlanItemOutcome, TreatmentPlan } from '@shared/contracts/plans';

/** Test data builders for the treatment plan and follow-up specs (never bundled: only specs import this file). */

export const PATIENT_ID = '00000000-0000-4000-8000-0000000000a1';
export const PLAN_ID = '00000000-0000-4000-8000-0000000000b1';
export const SPECIALIST_ID = '00000000-0000-4000-8000-0000000000c1';
export const OTHER_SPECIALIST_ID = '00000000-0000-4000-8000-0000000000c2';

export const CLINICIANS: Clinician[] = [
  { id: SPECIALIST_ID, displayName: 'Dr Samuel Reyes', role: 'specialist' },
  { id: OTHER_SPECIALIST_ID, displayName: 'Dr Wei Chen', role: 'specialist' },
  { id: '00000000-0000-4000-8000-0000000000c3', displayName: 'Nia Okafor', role: 'nurse' },
];

let next = 1;
const id = (prefix: string): string => `00000000-0000-4000-8000-${prefix}${String(next++).padStart(10, '0')}`;

export function anItem(overrides: Partial<PlanItem> = {}): PlanItem {
  return {
    id: id('d1'),
    planId: PLAN_ID,
    treatmentCode: 'PHYSIO',
    status: 'planned',
    plannedOn: '2025-05-20',
    startedOn: null,
    endedOn: null,
    responsibleClinicianId: SPECIALIST_ID,
    responsibleClinicianName: 'Dr Samuel Reyes',
    addressesCauses: [],
    stopReason: null,
    outcomeNote: null,
    trialReliefPct: null,
    trialDecision: null,
    version: 1,
    followUps: [],
    history: [
      {
        changedAt: '2025-05-01T09:30:00.000Z',
        changedBy: 'Dr Samuel Reyes',
        change: { status: { from: null, to: 'planned' }, treatmentCode: { from: null, to: overrides.treatmentCode ?? 'PHYSIO' } },
      },
    ],
    ...overrides,
  };
}

export function aPlan(overrides: Partial<TreatmentPlan> = {}): TreatmentPlan {
  return {
    id: PLAN_ID,
    patientId: PATIENT_ID,
    status: 'active',
    goals: [{ text: 'Leg pain NRS 4 or less', measure: 'leg-nrs', target: 4 }],
    createdAt: '2025-05-01T09:00:00.000Z',
    createdBy: 'Dr Samuel Reyes',
    version: 1,
    items: [],
    ...overrides,
  };
}

const site = (
  value: number | null,
  change: number | null,
  percent: number | null,
  category: PlanItemOutcome['followUps'][number]['back']['category'],
) => ({
  value,
  change,
  percent,
  category,
});

/** An SCS implant started 2025-01-10 with baseline back 6, leg 8, ODI 40; 1 month missed, 3 months assessed, 6 months due. */
export function anOutcome(overrides: Partial<PlanItemOutcome> = {}): PlanItemOutcome {
  return {
    itemId: id('e1'),
    treatmentCode: 'SCS-10KHZ',
    startedOn: '2025-01-10',
    baseline: { back: 6, leg: 8, odi: 40, assessedAt: '2025-01-03T10:00:00.000Z' },
    followUps: [
      {
        monthOffset: 1,
        dueOn: '2025-02-10',
        status: 'missed',
        assessedAt: null,
        back: site(null, null, null, null),
        leg: site(null, null, null, null),
        odi: { value: null, change: null, odi10pt: null },
      },
      {
        monthOffset: 3,
        dueOn: '2025-04-10',
        status: 'completed',
        assessedAt: '2025-04-12T09:00:00.000Z',
        back: site(3, 3, 50, 'substantial'),
        leg: site(5, 3, 37.5, 'moderate'),
        odi: { value: 32, change: 8, odi10pt: false },
      },
      {
        monthOffset: 6,
        dueOn: '2025-07-10',
        status: 'due',
        assessedAt: null,
        back: site(null, null, null, null),
        leg: site(null, null, null, null),
        odi: { value: null, change: null, odi10pt: null },
      },
    ],
    ...overrides,
  };
}

export function aCause(overrides: Partial<CauseTag> = {}): CauseTag {
  return {
    id: id('f1'),
    code: 'POST-NEU',
    status: 'confirmed',
    evidenceNote: null,
    taggedBy: 'Dr Samuel Reyes',
    taggedAt: '2025-04-01T10:00:00.000Z',
    updatedBy: 'Dr Samuel Reyes',
    updatedAt: '2025-04-01T10:00:00.000Z',
    version: 1,
    history: [],
    ...overrides,
  };
}

export function aFollowUpDue(overrides: Partial<FollowUpDueItem> = {}): FollowUpDueItem {
  return {
    id: id('a2'),
    patientId: id('a3'),
    familyName: 'Okafor',
    givenName: 'Ada',
    mrn: 'MRN-77',
    treatmentCode: 'SCS-10KHZ',
    monthOffset: 3,
    dueOn: '2025-06-01',
    state: 'due',
    ...overrides,
  };
}

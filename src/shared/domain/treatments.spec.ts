import * as z from 'zod';
import {
  DEFAULT_FOLLOW_UP_MONTHS,
  NEUROMODULATION_FOLLOW_UP_MONTHS,
  PLAN_ITEM_STATUSES,
  PLAN_ITEM_STATUS_LABELS,
  PLAN_ITEM_TRANSITIONS,
  SCS_TRIAL_SUCCESS_RELIEF_PCT,
  TREATMENT_CATEGORIES,
  TREATMENT_CATEGORY_CODES,
  TREATMENT_CODES,
  TREATMENTS,
  canTransitionPlanItem,
  isScsTrialSuccess,
  planItemTransitionError,
  treatmentByCode,
  treatmentsByCategory,
  type PlanItemStatus,
  type TreatmentCategory,
  type TreatmentCode,
  type TreatmentDefinition,
} from './treatments';
import { percentChange } from './pain';

const all: readonly TreatmentDefinition[] = TREATMENTS;

describe('treatment catalogue (fbss-domain.md §5)', () => {
  it('has unique codes and TREATMENT_CODES matches the catalogue', () => {
    expect(new Set(TREATMENT_CODES).size).toBe(TREATMENTS.length);
    expect<string[]>([...TREATMENT_CODES]).toEqual(all.map((t) => t.code));
    expect(z.enum(TREATMENT_CODES).safeParse('SCS-TRIAL').success).toBeTrue();
  });

  it('uses only known categories and every category has treatments', () => {
    expect(TREATMENT_CATEGORIES.map((c) => c.code)).toEqual([
      'conservative',
      'interventional',
      'neuromodulation',
      'surgical',
    ]);
    for (const t of all) expect(TREATMENT_CATEGORY_CODES).withContext(t.code).toContain(t.category);
    for (const g of treatmentsByCategory()) expect(g.treatments.length).withContext(g.category).toBeGreaterThan(0);
  });

  const expected: [TreatmentCode, TreatmentCategory, 'course' | 'procedure'][] = [
    ['PHYSIO', 'conservative', 'course'],
    ['PMP-CBT', 'conservative', 'course'],
    ['MED-GABAPENTINOID', 'conservative', 'course'],
    ['MED-SNRI-TCA', 'conservative', 'course'],
    ['MED-NSAID', 'conservative', 'course'],
    ['MED-OPIOID', 'conservative', 'course'],
    ['ESI-IL', 'interventional', 'procedure'],
    ['ESI-TF', 'interventional', 'procedure'],
    ['ADHESIOLYSIS', 'interventional', 'procedure'],
    ['MBB', 'interventional', 'procedure'],
    ['RFA', 'interventional', 'procedure'],
    ['SIJ-INJ', 'interventional', 'procedure'],
    ['PRF-DRG', 'interventional', 'procedure'],
    ['SCS-TRIAL', 'neuromodulation', 'procedure'],
    ['SCS-IMPLANT', 'neuromodulation', 'procedure'],
    ['SCS-10KHZ', 'neuromodulation', 'procedure'],
    ['DRG-STIM', 'neuromodulation', 'procedure'],
    ['ITDD', 'neuromodulation', 'procedure'],
    ['REVISION-SURGERY', 'surgical', 'procedure'],
  ];
  for (const [code, category, kind] of expected) {
    it(`${code} is a ${category} ${kind}`, () => {
      const t = treatmentByCode(code);
      expect(t?.category).toBe(category);
      expect(t?.kind).toBe(kind);
    });
  }

  it('has the CPT codes the brief marks as sourced', () => {
    expect(treatmentByCode('SCS-TRIAL')?.cpt).toBe('63650');
    expect(treatmentByCode('SCS-IMPLANT')?.cpt).toBe('63685');
    expect(treatmentByCode('ESI-IL')?.cpt).toBe('62323');
    expect(treatmentByCode('ESI-IL')?.relatedCpt).toContain('62322');
    expect(treatmentByCode('PHYSIO')?.cpt).toBeNull();
  });

  it('schedules follow-ups at 1, 3, 6, 12 months, and also 24 for neuromodulation', () => {
    for (const t of all) {
      const months = t.category === 'neuromodulation' ? NEUROMODULATION_FOLLOW_UP_MONTHS : DEFAULT_FOLLOW_UP_MONTHS;
      expect([...t.followUpMonths])
        .withContext(t.code)
        .toEqual([...months]);
    }
    expect([...NEUROMODULATION_FOLLOW_UP_MONTHS]).toEqual([1, 3, 6, 12, 24]);
  });

  it('marks only SCS-TRIAL as the trial, and the stimulator implants as following a trial', () => {
    expect(all.filter((t) => t.isScsTrial).map((t) => t.code)).toEqual(['SCS-TRIAL']);
    expect(treatmentByCode('SCS-IMPLANT')?.implantFollowsTrial).toBeTrue();
    expect(treatmentByCode('SCS-10KHZ')?.implantFollowsTrial).toBeTrue();
    expect(treatmentByCode('PHYSIO')?.implantFollowsTrial).toBeUndefined();
  });

  it('returns undefined for an unknown code', () => {
    expect(treatmentByCode('NOPE')).toBeUndefined();
  });
});

describe('plan item lifecycle', () => {
  const allowed: Record<PlanItemStatus, PlanItemStatus[]> = {
    planned: ['active', 'cancelled'],
    active: ['completed', 'stopped'],
    completed: [],
    stopped: [],
    cancelled: [],
  };
  for (const from of PLAN_ITEM_STATUSES) {
    for (const to of PLAN_ITEM_STATUSES) {
      const ok = allowed[from].includes(to);
      it(`${from} -> ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionPlanItem(from, to)).toBe(ok);
        expect(planItemTransitionError(from, to) === null).toBe(ok);
      });
    }
  }

  it('cannot complete a cancelled item, and says why', () => {
    expect(canTransitionPlanItem('cancelled', 'completed')).toBeFalse();
    expect(planItemTransitionError('cancelled', 'completed')).toBe(
      'A plan item that is Cancelled cannot become Completed. Allowed next: none (this status is final).',
    );
    expect(planItemTransitionError('planned', 'completed')).toBe(
      'A plan item that is Planned cannot become Completed. Allowed next: Active, Cancelled.',
    );
  });

  it('has a label and a transition list for every status', () => {
    for (const s of PLAN_ITEM_STATUSES) {
      expect(PLAN_ITEM_STATUS_LABELS[s].length).toBeGreaterThan(0);
      expect(PLAN_ITEM_TRANSITIONS[s]).toBeDefined();
    }
  });
});

describe('SCS trial success (TRIAL-STIM expert definition, fbss-domain.md §5)', () => {
  it('uses a 50% relief threshold', () => {
    expect(SCS_TRIAL_SUCCESS_RELIEF_PCT).toBe(50);
  });

  const cases: [number | null, boolean][] = [
    [50, true],
    [75, true],
    [100, true],
    [49.9, false],
    [49.99999999999999, true], // floating-point noise around 50
    [0, false],
    [-20, false],
    [null, false],
    [Number.NaN, false],
  ];
  for (const [relief, success] of cases) {
    it(`relief ${String(relief)}% -> ${success ? 'success' : 'not a success'}`, () => {
      expect(isScsTrialSuccess(relief)).toBe(success);
    });
  }

  it('counts NRS 8 -> 4 (50%) as success', () => {
    expect(isScsTrialSuccess(percentChange(8, 4))).toBeTrue();
  });

  it('fails when medication rose or activity fell, whatever the relief', () => {
    expect(isScsTrialSuccess(80, { medicationStableOrReduced: false })).toBeFalse();
    expect(isScsTrialSuccess(80, { activityStable: false })).toBeFalse();
    expect(isScsTrialSuccess(80, { medicationStableOrReduced: true, activityStable: true })).toBeTrue();
  });
});

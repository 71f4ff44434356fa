import { createActionGroup, props } from '@ngrx/store';
import type { CauseTag, Clinician } from '@shared/contracts/patients';
import type { PlanItemOutcome, TreatmentPlan } from '@shared/contracts/plans';
import type { Conflict, SaveFailure } from '../plan-save';

export const PlansApiActions = createActionGroup({
  source: 'Plans API',
  events: {
    'Plans Load Succeeded': props<{ patientId: string; plans: TreatmentPlan[] }>(),
    'Plans Load Failed': props<{ patientId: string; error: string }>(),
    'Outcomes Load Succeeded': props<{ patientId: string; outcomes: PlanItemOutcome[] }>(),
    'Outcomes Load Failed': props<{ patientId: string; error: string }>(),
    'Causes Load Succeeded': props<{ patientId: string; causes: CauseTag[] }>(),
    'Causes Load Failed': props<{ patientId: string; error: string }>(),
    'Clinicians Load Succeeded': props<{ clinicians: Clinician[] }>(),
    'Clinicians Load Failed': props<{ error: string }>(),
    /** A new plan (possibly replacing the active one, which the reload then shows as history). */
    'Plan Created': props<{ requestId: string; patientId: string; plan: TreatmentPlan }>(),
    /** Goals, a new item or an item change saved: the server answers with the whole plan. */
    'Plan Saved': props<{ requestId: string; patientId: string; plan: TreatmentPlan }>(),
    'Save Failed': props<{ requestId: string; patientId: string; failure: SaveFailure; conflict: Conflict | null }>(),
  },
});

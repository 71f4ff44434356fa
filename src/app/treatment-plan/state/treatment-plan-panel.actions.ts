import { createActionGroup, props } from '@ngrx/store';
import type { AddPlanItemBody, PlanGoal, UpdatePlanItemBody } from '@shared/contracts/plans';

/** What staff do in the case page's treatment plan panel and its dialogs. */
export const TreatmentPlanPanelActions = createActionGroup({
  source: 'Treatment Plan Panel',
  events: {
    Opened: props<{ patientId: string }>(),
    'Retry Clicked': props<{ patientId: string }>(),
    /** After a conflict (409) or a refused change: load the plans as they are now. */
    'Reload Clicked': props<{ patientId: string }>(),
    'Plan Submitted': props<{ requestId: string; patientId: string; goals: PlanGoal[]; replaceActive: boolean; idempotencyKey: string }>(),
    'Goals Submitted': props<{ requestId: string; patientId: string; planId: string; version: number; goals: PlanGoal[] }>(),
    /** The active plan marked completed (kept as history) without a new one. */
    'Plan Completion Submitted': props<{ requestId: string; patientId: string; planId: string; version: number }>(),
    'Item Submitted': props<{ requestId: string; patientId: string; planId: string; body: AddPlanItemBody; idempotencyKey: string }>(),
    'Item Change Submitted': props<{ requestId: string; patientId: string; itemId: string; body: UpdatePlanItemBody }>(),
  },
});

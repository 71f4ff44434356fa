import { createActionGroup, props } from '@ngrx/store';
import type { Assessment } from '@shared/contracts/assessments';

/** The outbox sent an entry that had been waiting (after a retry, a reload or a sign-in). */
export const OutboxActions = createActionGroup({
  source: 'Assessment Outbox',
  events: {
    Delivered: props<{ patientId: string; patientLabel: string; key: string; assessment: Assessment | null }>(),
  },
});

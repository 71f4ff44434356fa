import { createActionGroup, props } from '@ngrx/store';
import type { NewAssessmentBody } from '@shared/contracts/assessments';

export const RecordAssessmentPageActions = createActionGroup({
  source: 'Record Assessment Page',
  events: {
    Opened: props<{ patientId: string }>(),
    /** A valid form: store it in the outbox and send it. `returnUrl`: where to go once saved. */
    Submitted: props<{ patientId: string; patientLabel: string; body: NewAssessmentBody; returnUrl: string }>(),
    'Retry Clicked': props<{ patientId: string }>(),
  },
});

import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { EnteredInErrorBody } from '@shared/contracts/common';
import type { AddCauseBody, ChangeStatusBody, UpdateCauseBody, UpdatePatientBody } from '@shared/contracts/patients';
import type { OperationKey } from '../operation';

export const CasePageActions = createActionGroup({
  source: 'Case Page',
  events: {
    Opened: props<{ patientId: string }>(),
    'Retry Clicked': emptyProps(),
    /** After a conflict (409): load the record as it is now. */
    'Reload Clicked': emptyProps(),
    'Details Submitted': props<{ body: UpdatePatientBody }>(),
    'Status Change Submitted': props<{ body: ChangeStatusBody }>(),
    'Cause Submitted': props<{ body: AddCauseBody; idempotencyKey: string }>(),
    'Cause Update Submitted': props<{ causeId: string; body: UpdateCauseBody }>(),
    'Cause Entered In Error Submitted': props<{ causeId: string; body: EnteredInErrorBody }>(),
    'Note Submitted': props<{ body: string; idempotencyKey: string }>(),
    'Note Entered In Error Submitted': props<{ noteId: string; body: EnteredInErrorBody }>(),
    /** A form was cancelled or closed: forget its errors. */
    'Operation Dismissed': props<{ key: OperationKey }>(),
  },
});

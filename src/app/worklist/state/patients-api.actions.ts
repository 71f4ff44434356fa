import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { PatientListResponse } from '@shared/contracts/patients';
import type { WorklistQuery } from '../worklist-query';

export const PatientsApiActions = createActionGroup({
  source: 'Patients API',
  events: {
    'Load Started': props<{ query: WorklistQuery }>(),
    'Load Succeeded': props<{ query: WorklistQuery; response: PatientListResponse }>(),
    'Load Failed': props<{ query: WorklistQuery; error: string }>(),
    /** The clinic-wide count of overdue follow-ups shown on the 'Follow-up overdue' filter. */
    'Overdue Count Started': emptyProps(),
    'Overdue Count Succeeded': props<{ count: number }>(),
    /** Kept for the console and devtools; the page shows no error for this secondary figure. */
    'Overdue Count Failed': props<{ error: string }>(),
  },
});

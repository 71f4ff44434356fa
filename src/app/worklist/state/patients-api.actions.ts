import { createActionGroup, props } from '@ngrx/store';
import type { PatientListResponse } from '@shared/contracts/patients';
import type { WorklistQuery } from '../worklist-query';

export const PatientsApiActions = createActionGroup({
  source: 'Patients API',
  events: {
    'Load Started': props<{ query: WorklistQuery }>(),
    'Load Succeeded': props<{ query: WorklistQuery; response: PatientListResponse }>(),
    'Load Failed': props<{ query: WorklistQuery; error: string }>(),
  },
});

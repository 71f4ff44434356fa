import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { OutcomesDashboard } from '@shared/contracts/outcomes';
import type { Clinician } from '@shared/contracts/patients';
import type { BrowserExport } from '../outcomes-api';
import type { OutcomesFilters } from '../outcomes-query';

export const OutcomesApiActions = createActionGroup({
  source: 'Outcomes API',
  events: {
    'Load Started': props<{ filters: OutcomesFilters }>(),
    'Load Succeeded': props<{ filters: OutcomesFilters; dashboard: OutcomesDashboard }>(),
    'Load Failed': props<{ filters: OutcomesFilters; error: string }>(),
    'Clinicians Load Started': emptyProps(),
    'Clinicians Load Succeeded': props<{ clinicians: Clinician[] }>(),
    'Clinicians Load Failed': props<{ error: string }>(),
    'Export Recorded': props<{ export: BrowserExport }>(),
    'Export Record Failed': props<{ export: BrowserExport; error: string }>(),
  },
});

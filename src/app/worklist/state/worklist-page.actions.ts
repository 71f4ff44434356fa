import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { WorklistQuery } from '../worklist-query';

export const WorklistPageActions = createActionGroup({
  source: 'Worklist Page',
  events: {
    Opened: emptyProps(),
    /** Sort, page or a filter changed; the URL follows, and the list follows the URL. */
    'Query Changed': props<{ changes: Partial<WorklistQuery> }>(),
    /** Every keystroke in the search field; debounced before it reaches the URL. */
    'Search Changed': props<{ q: string }>(),
    /** Every keystroke in the surgeon field; debounced like the search. */
    'Surgeon Changed': props<{ surgeon: string }>(),
    'Filters Cleared': emptyProps(),
    'Retry Clicked': emptyProps(),
  },
});

import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { OutcomeTable } from '../outcomes-api';
import type { OutcomesFilters } from '../outcomes-query';
import type { OutcomesView } from './outcomes.feature';

export const OutcomesPageActions = createActionGroup({
  source: 'Outcomes Page',
  events: {
    Opened: emptyProps(),
    /** A filter changed; the URL follows, and the dashboard follows the URL. */
    'Filters Changed': props<{ changes: Partial<OutcomesFilters> }>(),
    'Filters Cleared': emptyProps(),
    'Retry Clicked': emptyProps(),
    /** The clinician filter's choices could not be loaded: try again. */
    'Clinicians Retry Clicked': emptyProps(),
    /** A chart's own toggles (follow-up month, pain site): what is drawn, not what is loaded. */
    'View Changed': props<{ changes: Partial<OutcomesView> }>(),
    /** The image was saved in the browser; it is recorded in the audit trail next. */
    'Chart Image Downloaded': props<{ chart: OutcomeTable }>(),
    /** Printing waits until the print is recorded in the audit trail. */
    'Print Clicked': emptyProps(),
    'Export Error Dismissed': emptyProps(),
  },
});

import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { AuditFilters } from '../audit-query';

export const AuditPageActions = createActionGroup({
  source: 'Audit Page',
  events: {
    Opened: emptyProps(),
    /** The filter form was submitted; the URL follows (back to page 1), and the list follows the URL. */
    'Filters Applied': props<{ filters: AuditFilters }>(),
    'Filters Cleared': emptyProps(),
    'Page Changed': props<{ page: number; pageSize: number }>(),
    'Retry Clicked': emptyProps(),
    /** Newer events may have been recorded since the page loaded. */
    'Refresh Clicked': emptyProps(),
  },
});

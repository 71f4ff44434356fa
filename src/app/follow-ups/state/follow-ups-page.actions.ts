import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { FollowUpsQuery } from '../follow-ups-query';

export const FollowUpsPageActions = createActionGroup({
  source: 'Follow-ups Page',
  events: {
    Opened: emptyProps(),
    /** A tab, the "my patients" switch or the page changed; the URL follows, and the list follows the URL. */
    'Query Changed': props<{ changes: Partial<FollowUpsQuery> }>(),
    'Retry Clicked': emptyProps(),
  },
});

import { createActionGroup, props } from '@ngrx/store';
import type { FollowUpDuePage } from '@shared/contracts/plans';
import type { FollowUpsQuery } from '../follow-ups-query';

export const FollowUpsApiActions = createActionGroup({
  source: 'Follow-ups API',
  events: {
    'Load Started': props<{ query: FollowUpsQuery }>(),
    'Load Succeeded': props<{ query: FollowUpsQuery; response: FollowUpDuePage }>(),
    'Load Failed': props<{ query: FollowUpsQuery; error: string }>(),
  },
});

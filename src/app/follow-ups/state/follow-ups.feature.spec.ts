import { aFollowUpDue } from '../../treatment-plan/testing/plan-fixtures';
import { DEFAULT_FOLLOW_UPS_QUERY } from '../follow-ups-query';
import { FollowUpsApiActions } from './follow-ups-api.actions';
import { followUpsFeature, initialFollowUpsState } from './follow-ups.feature';

const { reducer } = followUpsFeature;

describe('follow-ups feature', () => {
  const query = DEFAULT_FOLLOW_UPS_QUERY;
  const response = { items: [aFollowUpDue()], total: 1, page: 1, pageSize: 25, overdueTotal: 7, dueThisWeekTotal: 1 };

  it('keeps the page and both counts of the latest query', () => {
    const started = reducer(initialFollowUpsState, FollowUpsApiActions.loadStarted({ query }));
    expect(started.loading).toBeTrue();
    const done = reducer(started, FollowUpsApiActions.loadSucceeded({ query, response }));
    expect(done.ids.length).toBe(1);
    expect(done.total).toBe(1);
    expect(done.overdueTotal).toBe(7);
    expect(done.dueThisWeekTotal).toBe(1);
    expect(done.loading).toBeFalse();
  });

  it('ignores the answer to a superseded query', () => {
    const newer = { ...query, due: 'overdue' as const };
    const state = reducer(
      reducer(initialFollowUpsState, FollowUpsApiActions.loadStarted({ query: newer })),
      FollowUpsApiActions.loadSucceeded({ query, response }),
    );
    expect(state.ids).toEqual([]);
    expect(state.loading).toBeTrue();
  });

  it('keeps the error of a failed load', () => {
    const state = reducer(
      reducer(initialFollowUpsState, FollowUpsApiActions.loadStarted({ query })),
      FollowUpsApiActions.loadFailed({ query, error: 'Offline' }),
    );
    expect(state.error).toBe('Offline');
    expect(state.loading).toBeFalse();
  });
});

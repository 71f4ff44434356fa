import { type EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createReducer, on } from '@ngrx/store';
import type { FollowUpDueItem } from '@shared/contracts/plans';
import { type FollowUpsQuery, sameQuery } from '../follow-ups-query';
import { FollowUpsApiActions } from './follow-ups-api.actions';

export interface FollowUpsState extends EntityState<FollowUpDueItem> {
  /** The query of the last request (loading or loaded). */
  query: FollowUpsQuery | null;
  /** Follow-ups matching the query on all pages. */
  total: number | null;
  /** Overdue and due-this-week counts (whatever the tab), for the tab labels. */
  overdueTotal: number | null;
  dueThisWeekTotal: number | null;
  loading: boolean;
  error: string | null;
}

/** The server decides the order (due date, then family name); the adapter keeps it. */
export const followUpsAdapter = createEntityAdapter<FollowUpDueItem>({ sortComparer: false });

export const initialFollowUpsState: FollowUpsState = followUpsAdapter.getInitialState({
  query: null,
  total: null,
  overdueTotal: null,
  dueThisWeekTotal: null,
  loading: false,
  error: null,
});

export const followUpsFeature = createFeature({
  name: 'followUps',
  reducer: createReducer(
    initialFollowUpsState,
    on(FollowUpsApiActions.loadStarted, (state, { query }): FollowUpsState => ({ ...state, query, loading: true, error: null })),
    on(
      FollowUpsApiActions.loadSucceeded,
      (state, { query, response }): FollowUpsState =>
        // An answer to an older query (already superseded) changes nothing.
        sameQuery(query, state.query)
          ? followUpsAdapter.setAll(response.items, {
              ...state,
              total: response.total,
              overdueTotal: response.overdueTotal,
              dueThisWeekTotal: response.dueThisWeekTotal,
              loading: false,
              error: null,
            })
          : state,
    ),
    on(
      FollowUpsApiActions.loadFailed,
      (state, { query, error }): FollowUpsState =>
        sameQuery(query, state.query) ? followUpsAdapter.removeAll({ ...state, total: null, loading: false, error }) : state,
    ),
  ),
  extraSelectors: ({ selectFollowUpsState }) => {
    const { selectAll, selectTotal } = followUpsAdapter.getSelectors(selectFollowUpsState);
    return {
      selectAll,
      /** Rows on this page, unlike `selectTotal`, the count over all pages. */
      selectPageCount: selectTotal,
    };
  },
});

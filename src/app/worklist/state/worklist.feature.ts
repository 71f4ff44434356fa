import { type EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createReducer, on } from '@ngrx/store';
import type { PatientListItem } from '@shared/contracts/patients';
import { type WorklistQuery, sameQuery } from '../worklist-query';
import { PatientsApiActions } from './patients-api.actions';

export interface WorklistState extends EntityState<PatientListItem> {
  /** The query of the last request (loading or loaded). */
  query: WorklistQuery | null;
  /** Patients matching the query on all pages. */
  total: number | null;
  loading: boolean;
  error: string | null;
  /** Patients with an overdue follow-up, clinic-wide (whatever the query); null until known or when it failed. */
  overdueCount: number | null;
}

/** The server decides the order; the adapter keeps it. */
export const patientsAdapter = createEntityAdapter<PatientListItem>({ sortComparer: false });

export const initialWorklistState: WorklistState = patientsAdapter.getInitialState({
  query: null,
  total: null,
  loading: false,
  error: null,
  overdueCount: null,
});

export const worklistFeature = createFeature({
  name: 'worklist',
  reducer: createReducer(
    initialWorklistState,
    on(PatientsApiActions.loadStarted, (state, { query }): WorklistState => ({ ...state, query, loading: true, error: null })),
    on(
      PatientsApiActions.loadSucceeded,
      (state, { query, response }): WorklistState =>
        // An answer to an older query (already superseded) changes nothing.
        sameQuery(query, state.query)
          ? patientsAdapter.setAll(response.items, { ...state, total: response.total, loading: false, error: null })
          : state,
    ),
    on(
      PatientsApiActions.loadFailed,
      (state, { query, error }): WorklistState =>
        sameQuery(query, state.query) ? patientsAdapter.removeAll({ ...state, total: null, loading: false, error }) : state,
    ),
    // No number while it loads or after a failure (a secondary figure: its failure is not the list's error).
    on(
      PatientsApiActions.overdueCountStarted,
      PatientsApiActions.overdueCountFailed,
      (state): WorklistState => ({ ...state, overdueCount: null }),
    ),
    on(PatientsApiActions.overdueCountSucceeded, (state, { count }): WorklistState => ({ ...state, overdueCount: count })),
  ),
  extraSelectors: ({ selectWorklistState }) => {
    const { selectAll, selectEntities, selectIds, selectTotal } = patientsAdapter.getSelectors(selectWorklistState);
    return {
      selectAll,
      selectEntities,
      selectIds,
      /** Rows on this page (the entity count), unlike `selectTotal`, the count over all pages. */
      selectPageCount: selectTotal,
    };
  },
});

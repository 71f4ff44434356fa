import { type EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createReducer, on } from '@ngrx/store';
import type { AuditEventItem } from '@shared/contracts/admin';
import { type AuditQuery, sameAuditQuery } from '../audit-query';
import { AuditApiActions } from './audit-api.actions';

export interface AuditState extends EntityState<AuditEventItem> {
  /** The query of the last request (loading or loaded). */
  query: AuditQuery | null;
  /** Events matching the filters on all pages. */
  total: number | null;
  loading: boolean;
  error: string | null;
}

/** Newest first, as the server sends them. */
export const auditAdapter = createEntityAdapter<AuditEventItem>({ sortComparer: false });

export const initialAuditState: AuditState = auditAdapter.getInitialState({
  query: null,
  total: null,
  loading: false,
  error: null,
});

export const auditFeature = createFeature({
  name: 'adminAudit',
  reducer: createReducer(
    initialAuditState,
    on(AuditApiActions.loadStarted, (state, { query }): AuditState => ({ ...state, query, loading: true, error: null })),
    on(
      AuditApiActions.loadSucceeded,
      (state, { query, response }): AuditState =>
        // An answer to a query already superseded changes nothing.
        sameAuditQuery(query, state.query)
          ? auditAdapter.setAll(response.items, { ...state, total: response.total, loading: false, error: null })
          : state,
    ),
    on(
      AuditApiActions.loadFailed,
      (state, { query, error }): AuditState =>
        sameAuditQuery(query, state.query) ? auditAdapter.removeAll({ ...state, total: null, loading: false, error }) : state,
    ),
  ),
  extraSelectors: ({ selectAdminAuditState }) => {
    const { selectAll, selectEntities, selectIds, selectTotal } = auditAdapter.getSelectors(selectAdminAuditState);
    return {
      selectAll,
      selectEntities,
      selectIds,
      /** Events on this page (the entity count), unlike `selectTotal`, the count over all pages. */
      selectPageCount: selectTotal,
    };
  },
});

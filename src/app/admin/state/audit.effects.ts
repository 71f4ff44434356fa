import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import { Store } from '@ngrx/store';
import { catchError, concat, filter, map, merge, of, pairwise, switchMap, tap, withLatestFrom } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { pathOf } from '../../core/http/api-url';
import { AdminApi } from '../admin-api';
import {
  AUDIT_FILTER_KEYS,
  AUDIT_PATH,
  type AuditQuery,
  sameAuditQuery,
  selectAuditQuery,
  selectOnAudit,
  toQueryParams,
} from '../audit-query';
import { AuditApiActions } from './audit-api.actions';
import { AuditPageActions } from './audit-page.actions';
import { auditFeature } from './audit.feature';

/**
 * Loads the page of events the URL asks for: when the page opens, on Retry or Refresh, and whenever a navigation
 * within the page (filters, paging, back/forward) changes the query. A newer query cancels the request
 * of an older one.
 */
export const loadAuditEvents = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(AdminApi)) => {
    return merge(
      actions$.pipe(
        ofType(AuditPageActions.opened, AuditPageActions.retryClicked, AuditPageActions.refreshClicked),
        map(() => true),
      ),
      actions$.pipe(
        ofType(routerNavigatedAction),
        map(({ payload }) => pathOf(payload.routerState.url)),
        pairwise(),
        filter(([from, to]) => from === AUDIT_PATH && to === AUDIT_PATH),
        map(() => false),
      ),
    ).pipe(
      withLatestFrom(store.select(selectOnAudit), store.select(selectAuditQuery), store.select(auditFeature.selectQuery)),
      filter(([always, onAudit, query, lastQuery]) => onAudit && (always || !sameAuditQuery(query, lastQuery))),
      switchMap(([, , query]) =>
        concat(
          of(AuditApiActions.loadStarted({ query })),
          api.auditEvents(query).pipe(
            map((response) => AuditApiActions.loadSucceeded({ query, response })),
            catchError((error: unknown) => of(AuditApiActions.loadFailed({ query, error: errorMessage(error) }))),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

const CLEARED_FILTERS: Partial<AuditQuery> = Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, undefined]));

/** Puts the new filters or page in the URL (the list then follows the URL); new filters start at page 1. */
export const navigateToAuditQuery = createEffect(
  (actions$ = inject(Actions), store = inject(Store), router = inject(Router)) => {
    return merge(
      actions$.pipe(
        ofType(AuditPageActions.filtersApplied),
        map(({ filters }): Partial<AuditQuery> => ({ ...CLEARED_FILTERS, ...filters, page: 1 })),
      ),
      actions$.pipe(
        ofType(AuditPageActions.filtersCleared),
        map((): Partial<AuditQuery> => ({ ...CLEARED_FILTERS, page: 1 })),
      ),
      actions$.pipe(
        ofType(AuditPageActions.pageChanged),
        map(({ page, pageSize }): Partial<AuditQuery> => ({ page, pageSize })),
      ),
    ).pipe(
      withLatestFrom(store.select(selectOnAudit), store.select(selectAuditQuery)),
      filter(([, onAudit]) => onAudit),
      tap(([changes, , current]) => {
        void router.navigate([AUDIT_PATH], { queryParams: toQueryParams({ ...current, ...changes }) });
      }),
    );
  },
  { functional: true, dispatch: false },
);

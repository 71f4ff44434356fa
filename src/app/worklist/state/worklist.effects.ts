import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import { Store } from '@ngrx/store';
import {
  type SchedulerLike,
  asyncScheduler,
  catchError,
  concat,
  debounceTime,
  filter,
  map,
  merge,
  of,
  pairwise,
  switchMap,
  tap,
  withLatestFrom,
} from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { pathOf } from '../../core/http/api-url';
import { PatientsApi } from '../patients-api';
import {
  FILTER_KEYS,
  WORKLIST_PATH,
  type WorklistQuery,
  sameQuery,
  selectOnWorklist,
  selectWorklistQuery,
  toQueryParams,
} from '../worklist-query';
import { PatientsApiActions } from './patients-api.actions';
import { WorklistPageActions } from './worklist-page.actions';
import { worklistFeature } from './worklist.feature';

export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Loads the page of patients the URL asks for: when the page opens, on Retry, and whenever a
 * navigation within the page (sort, paging, filters, back/forward) changes the query. Arriving from
 * another page is the page's own 'Opened' (the router reuses the page for query changes, so it opens
 * once). A newer query cancels the request of an older one (switchMap).
 */
export const loadPatients = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(PatientsApi)) => {
    return merge(
      actions$.pipe(
        ofType(WorklistPageActions.opened, WorklistPageActions.retryClicked),
        map(() => true),
      ),
      actions$.pipe(
        ofType(routerNavigatedAction),
        map(({ payload }) => pathOf(payload.routerState.url)),
        pairwise(),
        filter(([from, to]) => from === WORKLIST_PATH && to === WORKLIST_PATH),
        map(() => false),
      ),
    ).pipe(
      withLatestFrom(store.select(selectOnWorklist), store.select(selectWorklistQuery), store.select(worklistFeature.selectQuery)),
      filter(([always, onWorklist, query, lastQuery]) => onWorklist && (always || !sameQuery(query, lastQuery))),
      switchMap(([, , query]) =>
        concat(
          of(PatientsApiActions.loadStarted({ query })),
          api.list(query).pipe(
            map((response) => PatientsApiActions.loadSucceeded({ query, response })),
            catchError((error: unknown) => of(PatientsApiActions.loadFailed({ query, error: errorMessage(error) }))),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

/**
 * Loads the clinic-wide count of overdue follow-ups for the 'Follow-up overdue' filter: when the page opens and
 * when the user reloads the list (Retry), not on every query change (the count does not depend on the query).
 * A failure ends in 'Overdue Count Failed' and never reaches the error handler: the label goes without a number.
 */
export const loadOverdueCount = createEffect(
  (actions$ = inject(Actions), api = inject(PatientsApi)) => {
    return actions$.pipe(
      ofType(WorklistPageActions.opened, WorklistPageActions.retryClicked),
      switchMap(() =>
        concat(
          of(PatientsApiActions.overdueCountStarted()),
          api.countOverdue().pipe(
            map((count) => PatientsApiActions.overdueCountSucceeded({ count })),
            catchError((error: unknown) => of(PatientsApiActions.overdueCountFailed({ error: errorMessage(error) }))),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

const CLEARED_FILTERS: Partial<WorklistQuery> = Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined]));

/**
 * Puts the new query in the URL (the list then follows the URL). Search and surgeon keystrokes are debounced;
 * any change of filters goes back to page 1.
 */
export const navigateToQuery = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    router = inject(Router),
    debounce = SEARCH_DEBOUNCE_MS,
    scheduler: SchedulerLike = asyncScheduler,
  ) => {
    return merge(
      actions$.pipe(
        ofType(WorklistPageActions.searchChanged),
        debounceTime(debounce, scheduler),
        map(({ q }): Partial<WorklistQuery> => ({ q: q.trim() || undefined, page: 1 })),
      ),
      actions$.pipe(
        ofType(WorklistPageActions.surgeonChanged),
        debounceTime(debounce, scheduler),
        map(({ surgeon }): Partial<WorklistQuery> => ({ surgeon: surgeon.trim() || undefined, page: 1 })),
      ),
      actions$.pipe(
        ofType(WorklistPageActions.queryChanged),
        map(({ changes }) => changes),
      ),
      actions$.pipe(
        ofType(WorklistPageActions.filtersCleared),
        map(() => ({ ...CLEARED_FILTERS, page: 1 })),
      ),
    ).pipe(
      withLatestFrom(store.select(selectOnWorklist), store.select(selectWorklistQuery)),
      // A search typed just before leaving the page must not pull the user back.
      filter(([, onWorklist]) => onWorklist),
      tap(([changes, , current]) => {
        void router.navigate(['/worklist'], { queryParams: toQueryParams({ ...current, ...changes }) });
      }),
    );
  },
  { functional: true, dispatch: false },
);

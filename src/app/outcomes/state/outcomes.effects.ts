import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import { Store } from '@ngrx/store';
import { catchError, concat, concatMap, exhaustMap, filter, map, merge, of, pairwise, switchMap, tap, withLatestFrom } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { pathOf } from '../../core/http/api-url';
import { type BrowserExport, OutcomesApi } from '../outcomes-api';
import { OUTCOMES_PATH, type OutcomesFilters, sameFilters, selectOnOutcomes, selectOutcomesFilters, toParams } from '../outcomes-query';
import { OutcomesApiActions } from './outcomes-api.actions';
import { OutcomesPageActions } from './outcomes-page.actions';
import { outcomesFeature } from './outcomes.feature';

/**
 * Loads the dashboard for the filters in the URL: when the page opens, on Retry, and whenever a navigation
 * within the page (a filter, back/forward) changes them. A newer request cancels an older one (switchMap).
 */
export const loadDashboard = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(OutcomesApi)) => {
    return merge(
      actions$.pipe(
        ofType(OutcomesPageActions.opened, OutcomesPageActions.retryClicked),
        map(() => true),
      ),
      actions$.pipe(
        ofType(routerNavigatedAction),
        map(({ payload }) => pathOf(payload.routerState.url)),
        pairwise(),
        filter(([from, to]) => from === OUTCOMES_PATH && to === OUTCOMES_PATH),
        map(() => false),
      ),
    ).pipe(
      withLatestFrom(store.select(selectOnOutcomes), store.select(selectOutcomesFilters), store.select(outcomesFeature.selectFilters)),
      filter(([always, onOutcomes, filters, lastFilters]) => onOutcomes && (always || !sameFilters(filters, lastFilters))),
      switchMap(([, , filters]) =>
        concat(
          of(OutcomesApiActions.loadStarted({ filters })),
          api.dashboard(filters).pipe(
            map((dashboard) => OutcomesApiActions.loadSucceeded({ filters, dashboard })),
            catchError((error: unknown) => of(OutcomesApiActions.loadFailed({ filters, error: errorMessage(error) }))),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

/**
 * The clinician filter's choices: whenever the page opens (a specialist added since shows up) and on its
 * Retry. One request at a time (exhaustMap); the list on screen stays until the new one arrives.
 */
export const loadClinicians = createEffect(
  (actions$ = inject(Actions), api = inject(OutcomesApi)) => {
    return actions$.pipe(
      ofType(OutcomesPageActions.opened, OutcomesPageActions.cliniciansRetryClicked),
      exhaustMap(() =>
        concat(
          of(OutcomesApiActions.cliniciansLoadStarted()),
          api.clinicians().pipe(
            map((clinicians) => OutcomesApiActions.cliniciansLoadSucceeded({ clinicians })),
            catchError((error: unknown) => of(OutcomesApiActions.cliniciansLoadFailed({ error: errorMessage(error) }))),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

const CLEARED: Partial<OutcomesFilters> = {
  referredFrom: undefined,
  referredTo: undefined,
  procedure: undefined,
  cause: undefined,
  treatment: undefined,
  clinician: undefined,
  status: undefined,
};

/** Puts changed filters in the URL (the dashboard then follows the URL). */
export const navigateToFilters = createEffect(
  (actions$ = inject(Actions), store = inject(Store), router = inject(Router)) => {
    return merge(
      actions$.pipe(
        ofType(OutcomesPageActions.filtersChanged),
        map(({ changes }) => changes),
      ),
      actions$.pipe(
        ofType(OutcomesPageActions.filtersCleared),
        map(() => CLEARED),
      ),
    ).pipe(
      withLatestFrom(store.select(selectOnOutcomes), store.select(selectOutcomesFilters)),
      filter(([, onOutcomes]) => onOutcomes),
      tap(([changes, , current]) => {
        void router.navigate([OUTCOMES_PATH], { queryParams: toParams({ ...current, ...changes }) });
      }),
    );
  },
  { functional: true, dispatch: false },
);

function recordExport(api: OutcomesApi, event: BrowserExport, filters: OutcomesFilters) {
  return api.recordExport(event, filters).pipe(
    map(() => OutcomesApiActions.exportRecorded({ export: event })),
    catchError((error: unknown) => of(OutcomesApiActions.exportRecordFailed({ export: event, error: errorMessage(error) }))),
  );
}

/**
 * Records each chart image saved in the browser (POST /api/outcomes/export-events) with the filters it
 * was made under, so that the audit trail has every export. Every click is recorded (concatMap).
 */
export const recordChartImage = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(OutcomesApi)) => {
    return actions$.pipe(
      ofType(OutcomesPageActions.chartImageDownloaded),
      withLatestFrom(store.select(selectOutcomesFilters)),
      concatMap(([{ chart }, filters]) => recordExport(api, { format: 'png', chart }, filters)),
    );
  },
  { functional: true },
);

/** Records a print of the dashboard; the print dialog opens once it is recorded (openPrintDialog). */
export const recordPrint = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(OutcomesApi)) => {
    return actions$.pipe(
      ofType(OutcomesPageActions.printClicked),
      withLatestFrom(store.select(selectOutcomesFilters)),
      concatMap(([, filters]) => recordExport(api, { format: 'print', chart: 'dashboard' }, filters)),
    );
  },
  { functional: true },
);

/** Opens the browser's print dialog once the print is in the audit trail; a print that cannot be recorded is not started. */
export const openPrintDialog = createEffect(
  (actions$ = inject(Actions), print = printWindow()) => {
    return actions$.pipe(
      ofType(OutcomesApiActions.exportRecorded),
      filter((action) => action.export.format === 'print'),
      tap(() => {
        print();
      }),
    );
  },
  { functional: true, dispatch: false },
);

/** `window.print` of the page's document (a default parameter, so that specs can replace it). */
function printWindow(): () => void {
  const view = inject(DOCUMENT).defaultView;
  return () => {
    view?.print();
  };
}

import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import { Store } from '@ngrx/store';
import { catchError, concat, filter, map, merge, of, pairwise, switchMap, tap, withLatestFrom } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { pathOf } from '../../core/http/api-url';
import { FollowUpsApi } from '../follow-ups-api';
import { FOLLOW_UPS_PATH, sameQuery, selectFollowUpsQuery, selectOnFollowUps, toQueryParams } from '../follow-ups-query';
import { FollowUpsApiActions } from './follow-ups-api.actions';
import { FollowUpsPageActions } from './follow-ups-page.actions';
import { followUpsFeature } from './follow-ups.feature';

/**
 * Loads what the URL asks for: when the page opens, on Retry, and when a navigation within the page (a tab, the
 * switch, paging, back/forward) changes the query. A newer query cancels an older request.
 */
export const loadFollowUps = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(FollowUpsApi)) => {
    return merge(
      actions$.pipe(
        ofType(FollowUpsPageActions.opened, FollowUpsPageActions.retryClicked),
        map(() => true),
      ),
      actions$.pipe(
        ofType(routerNavigatedAction),
        map(({ payload }) => pathOf(payload.routerState.url)),
        pairwise(),
        filter(([from, to]) => from === FOLLOW_UPS_PATH && to === FOLLOW_UPS_PATH),
        map(() => false),
      ),
    ).pipe(
      withLatestFrom(store.select(selectOnFollowUps), store.select(selectFollowUpsQuery), store.select(followUpsFeature.selectQuery)),
      filter(([always, onPage, query, lastQuery]) => onPage && (always || !sameQuery(query, lastQuery))),
      switchMap(([, , query]) =>
        concat(
          of(FollowUpsApiActions.loadStarted({ query })),
          api.list(query).pipe(
            map((response) => FollowUpsApiActions.loadSucceeded({ query, response })),
            catchError((error: unknown) => of(FollowUpsApiActions.loadFailed({ query, error: errorMessage(error) }))),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

/** Puts the new query in the URL (the list then follows the URL). */
export const navigateToQuery = createEffect(
  (actions$ = inject(Actions), store = inject(Store), router = inject(Router)) => {
    return actions$.pipe(
      ofType(FollowUpsPageActions.queryChanged),
      withLatestFrom(store.select(selectOnFollowUps), store.select(selectFollowUpsQuery)),
      filter(([, onPage]) => onPage),
      tap(([{ changes }, , current]) => {
        void router.navigate([FOLLOW_UPS_PATH], { queryParams: toQueryParams({ ...current, ...changes }) });
      }),
    );
  },
  { functional: true, dispatch: false },
);

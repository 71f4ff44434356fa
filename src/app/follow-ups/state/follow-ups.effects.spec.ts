import type { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import type { Action, Store } from '@ngrx/store';
import { type Observable, of, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import type { FollowUpsApi } from '../follow-ups-api';
import { DEFAULT_FOLLOW_UPS_QUERY, type FollowUpsQuery, selectFollowUpsQuery, selectOnFollowUps } from '../follow-ups-query';
import { FollowUpsApiActions } from './follow-ups-api.actions';
import { FollowUpsPageActions } from './follow-ups-page.actions';
import { loadFollowUps, navigateToQuery } from './follow-ups.effects';
import { followUpsFeature } from './follow-ups.feature';

function storeWith(state: { onPage: boolean; query: FollowUpsQuery; lastQuery: FollowUpsQuery | null }): Store {
  const select = (selector: unknown): Observable<unknown> => {
    if (selector === selectOnFollowUps) return of(state.onPage);
    if (selector === selectFollowUpsQuery) return of(state.query);
    if (selector === followUpsFeature.selectQuery) return of(state.lastQuery);
    throw new Error('unexpected selector');
  };
  return { select } as unknown as Store;
}

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

function navigatedTo(url: string): Action {
  return routerNavigatedAction({ payload: { routerState: { url, root: {} }, event: {} } } as unknown as Parameters<
    typeof routerNavigatedAction
  >[0]);
}

describe('follow-ups effects', () => {
  const query: FollowUpsQuery = { ...DEFAULT_FOLLOW_UPS_QUERY, due: 'overdue' };
  const response = { items: [], total: 0, page: 1, pageSize: 25, overdueTotal: 0, dueThisWeekTotal: 0 };
  let api: jasmine.SpyObj<FollowUpsApi>;

  beforeEach(() => {
    api = jasmine.createSpyObj<FollowUpsApi>('FollowUpsApi', ['list']);
  });

  it('loads the URL’s query when the page opens', () => {
    api.list.and.returnValue(of(response));
    expect(
      collect(loadFollowUps(new Actions(of(FollowUpsPageActions.opened())), storeWith({ onPage: true, query, lastQuery: null }), api)),
    ).toEqual([FollowUpsApiActions.loadStarted({ query }), FollowUpsApiActions.loadSucceeded({ query, response })]);
  });

  it('loads again when a navigation within the page changes the query (a tab, paging, back)', () => {
    api.list.and.returnValue(of(response));
    const store = storeWith({ onPage: true, query, lastQuery: DEFAULT_FOLLOW_UPS_QUERY });
    collect(loadFollowUps(new Actions(of(navigatedTo('/follow-ups'), navigatedTo('/follow-ups?due=overdue'))), store, api));
    expect(api.list).toHaveBeenCalledOnceWith(query);
  });

  it('reports a failure for staff', () => {
    api.list.and.returnValue(throwError(() => new ApiError(0, null, null)));
    const [, failed] = collect(
      loadFollowUps(new Actions(of(FollowUpsPageActions.retryClicked())), storeWith({ onPage: true, query, lastQuery: query }), api),
    );
    expect(failed).toEqual(FollowUpsApiActions.loadFailed({ query, error: NETWORK_ERROR_MESSAGE }));
  });

  it('puts a changed query in the URL', () => {
    const router = jasmine.createSpyObj<Router>('Router', ['navigate']);
    router.navigate.and.resolveTo(true);
    collect(
      navigateToQuery(
        new Actions(of(FollowUpsPageActions.queryChanged({ changes: { mine: true, page: 1 } }))),
        storeWith({ onPage: true, query, lastQuery: query }),
        router,
      ),
    );
    expect(router.navigate).toHaveBeenCalledOnceWith(['/follow-ups'], { queryParams: { due: 'overdue', mine: 'true' } });
  });
});

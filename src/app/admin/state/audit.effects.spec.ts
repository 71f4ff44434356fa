import type { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import type { Action, Store } from '@ngrx/store';
import { type Observable, Subject, of, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import type { AdminApi } from '../admin-api';
import { anAuditEvent, anAuditPage } from '../admin-fixtures';
import { type AuditQuery, DEFAULT_AUDIT_QUERY, selectAuditQuery, selectOnAudit } from '../audit-query';
import { AuditApiActions } from './audit-api.actions';
import { AuditPageActions } from './audit-page.actions';
import { loadAuditEvents, navigateToAuditQuery } from './audit.effects';
import { auditFeature } from './audit.feature';

function storeWith(state: { onAudit: boolean; query: AuditQuery; lastQuery: AuditQuery | null }): Store {
  const select = (selector: unknown): Observable<unknown> => {
    if (selector === selectOnAudit) return of(state.onAudit);
    if (selector === selectAuditQuery) return of(state.query);
    if (selector === auditFeature.selectQuery) return of(state.lastQuery);
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

describe('audit effects', () => {
  const query: AuditQuery = { ...DEFAULT_AUDIT_QUERY, username: 'nurse' };
  let api: jasmine.SpyObj<AdminApi>;

  beforeEach(() => {
    api = jasmine.createSpyObj<AdminApi>('AdminApi', ['auditEvents']);
  });

  describe('loadAuditEvents', () => {
    it('loads the URL query when the page opens', () => {
      const page = anAuditPage([anAuditEvent()]);
      api.auditEvents.and.returnValue(of(page));
      const store = storeWith({ onAudit: true, query, lastQuery: null });
      expect(collect(loadAuditEvents(new Actions(of(AuditPageActions.opened())), store, api))).toEqual([
        AuditApiActions.loadStarted({ query }),
        AuditApiActions.loadSucceeded({ query, response: page }),
      ]);
      expect(api.auditEvents).toHaveBeenCalledOnceWith(query);
    });

    it('reloads the same query on Retry and Refresh', () => {
      api.auditEvents.and.returnValue(of(anAuditPage([])));
      const store = storeWith({ onAudit: true, query, lastQuery: query });
      collect(loadAuditEvents(new Actions(of(AuditPageActions.retryClicked(), AuditPageActions.refreshClicked())), store, api));
      expect(api.auditEvents).toHaveBeenCalledTimes(2);
    });

    it('loads when a navigation within the page changes the query (filters, paging, back/forward)', () => {
      api.auditEvents.and.returnValue(of(anAuditPage([])));
      const store = storeWith({ onAudit: true, query, lastQuery: DEFAULT_AUDIT_QUERY });
      collect(loadAuditEvents(new Actions(of(navigatedTo('/admin/audit'), navigatedTo('/admin/audit?username=nurse'))), store, api));
      expect(api.auditEvents).toHaveBeenCalledOnceWith(query);
    });

    it('leaves arriving from another page to Opened', () => {
      const store = storeWith({ onAudit: true, query, lastQuery: null });
      expect(collect(loadAuditEvents(new Actions(of(navigatedTo('/admin/users'), navigatedTo('/admin/audit'))), store, api))).toEqual([]);
    });

    it('does not reload for a navigation that keeps the query', () => {
      const store = storeWith({ onAudit: true, query, lastQuery: { ...query } });
      expect(
        collect(
          loadAuditEvents(
            new Actions(of(navigatedTo('/admin/audit?username=nurse'), navigatedTo('/admin/audit?username=nurse'))),
            store,
            api,
          ),
        ),
      ).toEqual([]);
    });

    it('ends in Load Failed with a message for staff', () => {
      api.auditEvents.and.returnValue(throwError(() => new ApiError(0, null, '/api/admin/audit-events')));
      const store = storeWith({ onAudit: true, query, lastQuery: null });
      expect(collect(loadAuditEvents(new Actions(of(AuditPageActions.opened())), store, api))).toEqual([
        AuditApiActions.loadStarted({ query }),
        AuditApiActions.loadFailed({ query, error: NETWORK_ERROR_MESSAGE }),
      ]);
    });

    it('cancels an older request when a newer one starts', () => {
      const slow = new Subject<never>();
      api.auditEvents.and.returnValues(slow, of(anAuditPage([])));
      const actions = new Subject<Action>();
      collect(loadAuditEvents(new Actions(actions), storeWith({ onAudit: true, query, lastQuery: null }), api));
      actions.next(AuditPageActions.opened());
      expect(slow.observed).toBeTrue();
      actions.next(AuditPageActions.refreshClicked());
      expect(slow.observed).toBeFalse();
    });
  });

  describe('navigateToAuditQuery', () => {
    let router: jasmine.SpyObj<Router>;
    const current: AuditQuery = {
      ...DEFAULT_AUDIT_QUERY,
      page: 3,
      pageSize: 50,
      outcome: 'denied',
      userId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    };

    beforeEach(() => {
      router = jasmine.createSpyObj<Router>('Router', ['navigate']);
      router.navigate.and.resolveTo(true);
    });

    it('puts applied filters in the URL, back on page 1, keeping the page size', () => {
      const store = storeWith({ onAudit: true, query: current, lastQuery: current });
      collect(
        navigateToAuditQuery(
          new Actions(of(AuditPageActions.filtersApplied({ filters: { username: 'nurse', from: '2025-05-01' } }))),
          store,
          router,
        ),
      );
      expect(router.navigate).toHaveBeenCalledOnceWith(['/admin/audit'], {
        queryParams: { username: 'nurse', from: '2025-05-01', pageSize: 50 },
      });
    });

    it('clears every filter', () => {
      const store = storeWith({ onAudit: true, query: current, lastQuery: current });
      collect(navigateToAuditQuery(new Actions(of(AuditPageActions.filtersCleared())), store, router));
      expect(router.navigate).toHaveBeenCalledOnceWith(['/admin/audit'], { queryParams: { pageSize: 50 } });
    });

    it('pages', () => {
      const store = storeWith({ onAudit: true, query: current, lastQuery: current });
      collect(navigateToAuditQuery(new Actions(of(AuditPageActions.pageChanged({ page: 4, pageSize: 50 }))), store, router));
      expect(router.navigate).toHaveBeenCalledOnceWith(['/admin/audit'], {
        queryParams: jasmine.objectContaining({ page: 4, pageSize: 50, outcome: 'denied' }),
      });
    });

    it('never pulls the user back to the audit log', () => {
      const store = storeWith({ onAudit: false, query: current, lastQuery: current });
      collect(navigateToAuditQuery(new Actions(of(AuditPageActions.pageChanged({ page: 2, pageSize: 25 }))), store, router));
      expect(router.navigate).not.toHaveBeenCalled();
    });
  });
});

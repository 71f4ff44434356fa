import type { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import type { Action, Store } from '@ngrx/store';
import { type Observable, Subject, VirtualTimeScheduler, of, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import { aPage, aPatient } from '../../testing/fixtures';
import type { PatientsApi } from '../patients-api';
import { DEFAULT_WORKLIST_QUERY, type WorklistQuery, selectOnWorklist, selectWorklistQuery } from '../worklist-query';
import { PatientsApiActions } from './patients-api.actions';
import { WorklistPageActions } from './worklist-page.actions';
import { loadOverdueCount, loadPatients, navigateToQuery } from './worklist.effects';
import { worklistFeature } from './worklist.feature';

/** A store double: only the three selectors the effects read. */
function storeWith(state: { onWorklist: boolean; query: WorklistQuery; lastQuery: WorklistQuery | null }): Store {
  const select = (selector: unknown): Observable<unknown> => {
    if (selector === selectOnWorklist) return of(state.onWorklist);
    if (selector === selectWorklistQuery) return of(state.query);
    if (selector === worklistFeature.selectQuery) return of(state.lastQuery);
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
  return routerNavigatedAction({
    payload: { routerState: { url, root: {} }, event: {} },
  } as unknown as Parameters<typeof routerNavigatedAction>[0]);
}

describe('worklist effects', () => {
  const query: WorklistQuery = { ...DEFAULT_WORKLIST_QUERY, q: 'smith' };
  let api: jasmine.SpyObj<PatientsApi>;

  beforeEach(() => {
    api = jasmine.createSpyObj<PatientsApi>('PatientsApi', ['list', 'countOverdue']);
  });

  describe('loadPatients', () => {
    it('loads the URL query when the page opens', () => {
      const page = aPage([aPatient()]);
      api.list.and.returnValue(of(page));
      const store = storeWith({ onWorklist: true, query, lastQuery: query });
      expect(collect(loadPatients(new Actions(of(WorklistPageActions.opened())), store, api))).toEqual([
        PatientsApiActions.loadStarted({ query }),
        PatientsApiActions.loadSucceeded({ query, response: page }),
      ]);
      expect(api.list).toHaveBeenCalledOnceWith(query);
    });

    it('reloads on Retry', () => {
      api.list.and.returnValue(of(aPage([])));
      const store = storeWith({ onWorklist: true, query, lastQuery: query });
      expect(collect(loadPatients(new Actions(of(WorklistPageActions.retryClicked())), store, api)).length).toBe(2);
    });

    it('loads when a navigation within the page changes the query (sort, page, back/forward)', () => {
      api.list.and.returnValue(of(aPage([])));
      const store = storeWith({ onWorklist: true, query, lastQuery: DEFAULT_WORKLIST_QUERY });
      collect(loadPatients(new Actions(of(navigatedTo('/worklist'), navigatedTo('/worklist?q=smith'))), store, api));
      expect(api.list).toHaveBeenCalledOnceWith(query);
    });

    it('leaves arriving from another page to Opened (one request, not two)', () => {
      const store = storeWith({ onWorklist: true, query, lastQuery: null });
      expect(collect(loadPatients(new Actions(of(navigatedTo('/login'), navigatedTo('/worklist?q=smith'))), store, api))).toEqual([]);
      expect(api.list).not.toHaveBeenCalled();
    });

    it('does not reload for a navigation that keeps the query', () => {
      const store = storeWith({ onWorklist: true, query, lastQuery: { ...query } });
      expect(
        collect(loadPatients(new Actions(of(navigatedTo('/worklist?q=smith'), navigatedTo('/worklist?q=smith#x'))), store, api)),
      ).toEqual([]);
      expect(api.list).not.toHaveBeenCalled();
    });

    it('does nothing when leaving the worklist', () => {
      const store = storeWith({ onWorklist: false, query, lastQuery: null });
      expect(collect(loadPatients(new Actions(of(navigatedTo('/worklist'), navigatedTo('/patients/1'))), store, api))).toEqual([]);
    });

    it('ends in Load Failed with a message for staff', () => {
      api.list.and.returnValue(throwError(() => new ApiError(0, null, '/api/patients')));
      const store = storeWith({ onWorklist: true, query, lastQuery: null });
      expect(collect(loadPatients(new Actions(of(WorklistPageActions.opened())), store, api))).toEqual([
        PatientsApiActions.loadStarted({ query }),
        PatientsApiActions.loadFailed({ query, error: NETWORK_ERROR_MESSAGE }),
      ]);
    });

    it('cancels an older request when the query changes (switchMap)', () => {
      const slow = new Subject<never>();
      api.list.and.returnValues(slow, of(aPage([])));
      const actions = new Subject<Action>();
      const store = storeWith({ onWorklist: true, query, lastQuery: null });
      collect(loadPatients(new Actions(actions), store, api));
      actions.next(WorklistPageActions.opened());
      expect(slow.observed).toBeTrue();
      actions.next(WorklistPageActions.retryClicked());
      expect(slow.observed).toBeFalse();
    });
  });

  describe('loadOverdueCount', () => {
    it('loads the count when the page opens', () => {
      api.countOverdue.and.returnValue(of(37));
      expect(collect(loadOverdueCount(new Actions(of(WorklistPageActions.opened())), api))).toEqual([
        PatientsApiActions.overdueCountStarted(),
        PatientsApiActions.overdueCountSucceeded({ count: 37 }),
      ]);
      expect(api.countOverdue).toHaveBeenCalledTimes(1);
    });

    it('reloads it when the user reloads the list (Retry)', () => {
      api.countOverdue.and.returnValues(of(37), of(36));
      const out = collect(loadOverdueCount(new Actions(of(WorklistPageActions.opened(), WorklistPageActions.retryClicked())), api));
      expect(out).toEqual([
        PatientsApiActions.overdueCountStarted(),
        PatientsApiActions.overdueCountSucceeded({ count: 37 }),
        PatientsApiActions.overdueCountStarted(),
        PatientsApiActions.overdueCountSucceeded({ count: 36 }),
      ]);
    });

    it('does not reload on filter, sort, page or search changes, nor on navigations', () => {
      const actions = of(
        WorklistPageActions.queryChanged({ changes: { overdue: true, page: 1 } }),
        WorklistPageActions.searchChanged({ q: 'smith' }),
        WorklistPageActions.surgeonChanged({ surgeon: 'Osei' }),
        WorklistPageActions.filtersCleared(),
        navigatedTo('/worklist'),
        navigatedTo('/worklist?overdue=true'),
        PatientsApiActions.loadSucceeded({ query, response: aPage([]) }),
      );
      expect(collect(loadOverdueCount(new Actions(actions), api))).toEqual([]);
      expect(api.countOverdue).not.toHaveBeenCalled();
    });

    it('ends quietly in Overdue Count Failed (no error escapes the effect)', () => {
      api.countOverdue.and.returnValue(throwError(() => new ApiError(0, null, '/api/patients')));
      let escaped: unknown = null;
      const out: unknown[] = [];
      loadOverdueCount(new Actions(of(WorklistPageActions.opened())), api).subscribe({
        next: (action) => out.push(action),
        error: (error: unknown) => (escaped = error),
      });
      expect(out).toEqual([
        PatientsApiActions.overdueCountStarted(),
        PatientsApiActions.overdueCountFailed({ error: NETWORK_ERROR_MESSAGE }),
      ]);
      expect(escaped).toBeNull();
    });

    it('keeps working after a failure', () => {
      api.countOverdue.and.returnValues(
        throwError(() => new ApiError(0, null, '/api/patients')),
        of(5),
      );
      const out = collect(loadOverdueCount(new Actions(of(WorklistPageActions.opened(), WorklistPageActions.retryClicked())), api));
      expect(out[out.length - 1]).toEqual(PatientsApiActions.overdueCountSucceeded({ count: 5 }));
    });

    it('cancels an older request on Retry (switchMap)', () => {
      const slow = new Subject<number>();
      api.countOverdue.and.returnValues(slow, of(3));
      const actions = new Subject<Action>();
      collect(loadOverdueCount(new Actions(actions), api));
      actions.next(WorklistPageActions.opened());
      expect(slow.observed).toBeTrue();
      actions.next(WorklistPageActions.retryClicked());
      expect(slow.observed).toBeFalse();
    });
  });

  describe('navigateToQuery', () => {
    let router: jasmine.SpyObj<Router>;
    const current: WorklistQuery = { ...DEFAULT_WORKLIST_QUERY, page: 3, status: ['triage'] };

    beforeEach(() => {
      router = jasmine.createSpyObj<Router>('Router', ['navigate']);
      router.navigate.and.resolveTo(true);
    });

    it('puts a sort change in the URL', () => {
      const store = storeWith({ onWorklist: true, query: current, lastQuery: current });
      collect(navigateToQuery(new Actions(of(WorklistPageActions.queryChanged({ changes: { sort: '-name', page: 1 } }))), store, router));
      expect(router.navigate).toHaveBeenCalledOnceWith(['/worklist'], {
        queryParams: { sort: '-name', status: ['triage'] },
      });
    });

    it('debounces the search and goes back to page 1', () => {
      const scheduler = new VirtualTimeScheduler();
      const store = storeWith({ onWorklist: true, query: current, lastQuery: current });
      const actions = new Subject<Action>();
      collect(navigateToQuery(new Actions(actions), store, router, 300, scheduler));
      actions.next(WorklistPageActions.searchChanged({ q: 'sm' }));
      actions.next(WorklistPageActions.searchChanged({ q: 'smi ' }));
      expect(router.navigate).not.toHaveBeenCalled();
      scheduler.flush();
      expect(router.navigate).toHaveBeenCalledOnceWith(['/worklist'], {
        queryParams: { q: 'smi', status: ['triage'] },
      });
    });

    it('debounces the surgeon filter too', () => {
      const scheduler = new VirtualTimeScheduler();
      const store = storeWith({ onWorklist: true, query: current, lastQuery: current });
      const actions = new Subject<Action>();
      collect(navigateToQuery(new Actions(actions), store, router, 300, scheduler));
      actions.next(WorklistPageActions.surgeonChanged({ surgeon: 'Os' }));
      actions.next(WorklistPageActions.surgeonChanged({ surgeon: ' Osei' }));
      scheduler.flush();
      expect(router.navigate).toHaveBeenCalledOnceWith(['/worklist'], {
        queryParams: { surgeon: 'Osei', status: ['triage'] },
      });
    });

    it('clears the filters but keeps sort and page size', () => {
      const filtered: WorklistQuery = { ...current, q: 'x', redFlag: true, sort: '-name', pageSize: 50 };
      const store = storeWith({ onWorklist: true, query: filtered, lastQuery: filtered });
      collect(navigateToQuery(new Actions(of(WorklistPageActions.filtersCleared())), store, router));
      expect(router.navigate).toHaveBeenCalledOnceWith(['/worklist'], { queryParams: { sort: '-name', pageSize: 50 } });
    });

    it('never pulls the user back to the worklist', () => {
      const store = storeWith({ onWorklist: false, query: current, lastQuery: current });
      collect(navigateToQuery(new Actions(of(WorklistPageActions.queryChanged({ changes: { page: 2 } }))), store, router));
      expect(router.navigate).not.toHaveBeenCalled();
    });
  });
});

import type { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { routerNavigatedAction } from '@ngrx/router-store';
import type { Action, Store } from '@ngrx/store';
import { type Observable, Subject, of, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import type { OutcomesApi } from '../outcomes-api';
import { type OutcomesFilters, selectOnOutcomes, selectOutcomesFilters } from '../outcomes-query';
import { CLINICIANS, aDashboard } from '../testing/outcomes-fixtures';
import { OutcomesApiActions } from './outcomes-api.actions';
import { OutcomesPageActions } from './outcomes-page.actions';
import { loadClinicians, loadDashboard, navigateToFilters, openPrintDialog, recordChartImage, recordPrint } from './outcomes.effects';
import { outcomesFeature } from './outcomes.feature';

/** A store double: only the selectors the effects read. */
function storeWith(state: { onOutcomes: boolean; filters: OutcomesFilters; lastFilters: OutcomesFilters | null }): Store {
  const select = (selector: unknown): Observable<unknown> => {
    if (selector === selectOnOutcomes) return of(state.onOutcomes);
    if (selector === selectOutcomesFilters) return of(state.filters);
    if (selector === outcomesFeature.selectFilters) return of(state.lastFilters);
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

describe('outcomes effects', () => {
  const filters: OutcomesFilters = { treatment: ['SCS-IMPLANT'] };
  let api: jasmine.SpyObj<OutcomesApi>;

  beforeEach(() => {
    api = jasmine.createSpyObj<OutcomesApi>('OutcomesApi', ['dashboard', 'clinicians', 'recordExport']);
  });

  describe('loadDashboard', () => {
    it('loads the filters in the URL when the page opens', () => {
      const dashboard = aDashboard();
      api.dashboard.and.returnValue(of(dashboard));
      const store = storeWith({ onOutcomes: true, filters, lastFilters: filters });
      expect(collect(loadDashboard(new Actions(of(OutcomesPageActions.opened())), store, api))).toEqual([
        OutcomesApiActions.loadStarted({ filters }),
        OutcomesApiActions.loadSucceeded({ filters, dashboard }),
      ]);
      expect(api.dashboard).toHaveBeenCalledOnceWith(filters);
    });

    it('reloads on Retry', () => {
      api.dashboard.and.returnValue(of(aDashboard()));
      const store = storeWith({ onOutcomes: true, filters, lastFilters: filters });
      expect(collect(loadDashboard(new Actions(of(OutcomesPageActions.retryClicked())), store, api)).length).toBe(2);
    });

    it('loads when a navigation within the page changes the filters (a filter, back/forward)', () => {
      api.dashboard.and.returnValue(of(aDashboard()));
      const store = storeWith({ onOutcomes: true, filters, lastFilters: {} });
      collect(loadDashboard(new Actions(of(navigatedTo('/outcomes'), navigatedTo('/outcomes?treatment=SCS-IMPLANT'))), store, api));
      expect(api.dashboard).toHaveBeenCalledOnceWith(filters);
    });

    it('reloads with the clinician chosen in the URL', () => {
      api.dashboard.and.returnValue(of(aDashboard()));
      const chosen: OutcomesFilters = { ...filters, clinician: CLINICIANS[1]?.id };
      const store = storeWith({ onOutcomes: true, filters: chosen, lastFilters: filters });
      collect(
        loadDashboard(
          new Actions(
            of(
              navigatedTo('/outcomes?treatment=SCS-IMPLANT'),
              navigatedTo(`/outcomes?clinician=${chosen.clinician ?? ''}&treatment=SCS-IMPLANT`),
            ),
          ),
          store,
          api,
        ),
      );
      expect(api.dashboard).toHaveBeenCalledOnceWith(chosen);
    });

    it('does not reload for a navigation that keeps the filters, nor when arriving or leaving', () => {
      const same = storeWith({ onOutcomes: true, filters, lastFilters: { ...filters } });
      collect(
        loadDashboard(
          new Actions(of(navigatedTo('/outcomes?treatment=SCS-IMPLANT'), navigatedTo('/outcomes?treatment=SCS-IMPLANT#x'))),
          same,
          api,
        ),
      );
      const arriving = storeWith({ onOutcomes: true, filters, lastFilters: null });
      collect(loadDashboard(new Actions(of(navigatedTo('/login'), navigatedTo('/outcomes'))), arriving, api));
      const leaving = storeWith({ onOutcomes: false, filters, lastFilters: null });
      collect(loadDashboard(new Actions(of(navigatedTo('/outcomes'), navigatedTo('/change-password'))), leaving, api));
      expect(api.dashboard).not.toHaveBeenCalled();
    });

    it('ends in Load Failed with a message for staff', () => {
      api.dashboard.and.returnValue(throwError(() => new ApiError(0, null, '/api/outcomes/dashboard')));
      const store = storeWith({ onOutcomes: true, filters, lastFilters: null });
      expect(collect(loadDashboard(new Actions(of(OutcomesPageActions.opened())), store, api))).toEqual([
        OutcomesApiActions.loadStarted({ filters }),
        OutcomesApiActions.loadFailed({ filters, error: NETWORK_ERROR_MESSAGE }),
      ]);
    });

    it('cancels an older request when a newer one starts (switchMap)', () => {
      const slow = new Subject<never>();
      api.dashboard.and.returnValues(slow, of(aDashboard()));
      const actions = new Subject<Action>();
      collect(loadDashboard(new Actions(actions), storeWith({ onOutcomes: true, filters, lastFilters: null }), api));
      actions.next(OutcomesPageActions.opened());
      expect(slow.observed).toBeTrue();
      actions.next(OutcomesPageActions.retryClicked());
      expect(slow.observed).toBeFalse();
    });
  });

  describe('loadClinicians', () => {
    it("loads the clinician filter's choices when the page opens", () => {
      api.clinicians.and.returnValue(of(CLINICIANS));
      expect(collect(loadClinicians(new Actions(of(OutcomesPageActions.opened())), api))).toEqual([
        OutcomesApiActions.cliniciansLoadStarted(),
        OutcomesApiActions.cliniciansLoadSucceeded({ clinicians: CLINICIANS }),
      ]);
      expect(api.clinicians).toHaveBeenCalledTimes(1);
    });

    it('ends in Clinicians Load Failed with a message for staff, and tries again on its Retry', () => {
      api.clinicians.and.returnValues(
        throwError(() => new ApiError(0, null, '/api/outcomes/clinicians')),
        of(CLINICIANS),
      );
      const actions = new Subject<Action>();
      const out = collect(loadClinicians(new Actions(actions), api));
      actions.next(OutcomesPageActions.opened());
      expect(out).toEqual([
        OutcomesApiActions.cliniciansLoadStarted(),
        OutcomesApiActions.cliniciansLoadFailed({ error: NETWORK_ERROR_MESSAGE }),
      ]);
      actions.next(OutcomesPageActions.cliniciansRetryClicked());
      expect(out.slice(2)).toEqual([
        OutcomesApiActions.cliniciansLoadStarted(),
        OutcomesApiActions.cliniciansLoadSucceeded({ clinicians: CLINICIANS }),
      ]);
    });

    it('does not ask again while a request is on its way', () => {
      const slow = new Subject<typeof CLINICIANS>();
      api.clinicians.and.returnValue(slow);
      collect(loadClinicians(new Actions(of(OutcomesPageActions.opened(), OutcomesPageActions.cliniciansRetryClicked())), api));
      expect(api.clinicians).toHaveBeenCalledTimes(1);
    });

    it("is not the dashboard's Retry", () => {
      collect(loadClinicians(new Actions(of(OutcomesPageActions.retryClicked(), OutcomesPageActions.filtersCleared())), api));
      expect(api.clinicians).not.toHaveBeenCalled();
    });
  });

  describe('navigateToFilters', () => {
    let router: jasmine.SpyObj<Router>;
    const current: OutcomesFilters = { treatment: ['SCS-IMPLANT'], status: ['treatment'] };

    beforeEach(() => {
      router = jasmine.createSpyObj<Router>('Router', ['navigate']);
      router.navigate.and.resolveTo(true);
    });

    it('puts a changed filter in the URL, keeping the others', () => {
      const store = storeWith({ onOutcomes: true, filters: current, lastFilters: current });
      collect(
        navigateToFilters(
          new Actions(of(OutcomesPageActions.filtersChanged({ changes: { cause: ['POST-FIB'], status: undefined } }))),
          store,
          router,
        ),
      );
      expect(router.navigate).toHaveBeenCalledOnceWith(['/outcomes'], { queryParams: { cause: ['POST-FIB'], treatment: ['SCS-IMPLANT'] } });
    });

    it('puts a chosen clinician in the URL, and takes it out for all clinicians', () => {
      const clinician = CLINICIANS[0]?.id;
      const store = storeWith({ onOutcomes: true, filters: current, lastFilters: current });
      collect(navigateToFilters(new Actions(of(OutcomesPageActions.filtersChanged({ changes: { clinician } }))), store, router));
      expect(router.navigate).toHaveBeenCalledWith(['/outcomes'], {
        queryParams: { clinician, status: ['treatment'], treatment: ['SCS-IMPLANT'] },
      });
      const chosen = storeWith({ onOutcomes: true, filters: { ...current, clinician }, lastFilters: current });
      collect(
        navigateToFilters(new Actions(of(OutcomesPageActions.filtersChanged({ changes: { clinician: undefined } }))), chosen, router),
      );
      expect(router.navigate).toHaveBeenCalledWith(['/outcomes'], { queryParams: { status: ['treatment'], treatment: ['SCS-IMPLANT'] } });
    });

    it('clears every filter', () => {
      const store = storeWith({
        onOutcomes: true,
        filters: { ...current, referredFrom: '2025-01-01', clinician: CLINICIANS[0]?.id },
        lastFilters: current,
      });
      collect(navigateToFilters(new Actions(of(OutcomesPageActions.filtersCleared())), store, router));
      expect(router.navigate).toHaveBeenCalledOnceWith(['/outcomes'], { queryParams: {} });
    });

    it('never pulls the user back to the dashboard', () => {
      const store = storeWith({ onOutcomes: false, filters: current, lastFilters: current });
      collect(navigateToFilters(new Actions(of(OutcomesPageActions.filtersChanged({ changes: { cause: ['POST-FIB'] } }))), store, router));
      expect(router.navigate).not.toHaveBeenCalled();
    });
  });

  describe('exports made in the browser', () => {
    const store = storeWith({ onOutcomes: true, filters, lastFilters: filters });

    it('records each chart image with the filters it was made under', () => {
      api.recordExport.and.returnValue(of(undefined));
      const actions = of(
        OutcomesPageActions.chartImageDownloaded({ chart: 'responders' }),
        OutcomesPageActions.chartImageDownloaded({ chart: 'causes' }),
      );
      expect(collect(recordChartImage(new Actions(actions), store, api))).toEqual([
        OutcomesApiActions.exportRecorded({ export: { format: 'png', chart: 'responders' } }),
        OutcomesApiActions.exportRecorded({ export: { format: 'png', chart: 'causes' } }),
      ]);
      expect(api.recordExport).toHaveBeenCalledWith({ format: 'png', chart: 'responders' }, filters);
    });

    it('reports a chart image that could not be recorded', () => {
      api.recordExport.and.returnValue(throwError(() => new ApiError(503, null, '/api/outcomes/export-events')));
      expect(collect(recordChartImage(new Actions(of(OutcomesPageActions.chartImageDownloaded({ chart: 'causes' }))), store, api))).toEqual(
        [
          OutcomesApiActions.exportRecordFailed({
            export: { format: 'png', chart: 'causes' },
            error: 'Something went wrong on the server. Try again in a moment.',
          }),
        ],
      );
    });

    it('records a print of the dashboard', () => {
      api.recordExport.and.returnValue(of(undefined));
      expect(collect(recordPrint(new Actions(of(OutcomesPageActions.printClicked())), store, api))).toEqual([
        OutcomesApiActions.exportRecorded({ export: { format: 'print', chart: 'dashboard' } }),
      ]);
      expect(api.recordExport).toHaveBeenCalledOnceWith({ format: 'print', chart: 'dashboard' }, filters);
    });

    it('opens the print dialog only once the print is recorded', () => {
      const print = jasmine.createSpy('print');
      collect(
        openPrintDialog(
          new Actions(
            of(
              OutcomesApiActions.exportRecorded({ export: { format: 'png', chart: 'causes' } }),
              OutcomesApiActions.exportRecordFailed({ export: { format: 'print', chart: 'dashboard' }, error: 'x' }),
            ),
          ),
          print,
        ),
      );
      expect(print).not.toHaveBeenCalled();
      collect(
        openPrintDialog(new Actions(of(OutcomesApiActions.exportRecorded({ export: { format: 'print', chart: 'dashboard' } }))), print),
      );
      expect(print).toHaveBeenCalledTimes(1);
    });
  });
});

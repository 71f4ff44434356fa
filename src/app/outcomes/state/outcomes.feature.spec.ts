import { CLINICIANS, aDashboard, aSuppressedResponderRow } from '../testing/outcomes-fixtures';
import type { OutcomesFilters } from '../outcomes-query';
import { OutcomesApiActions } from './outcomes-api.actions';
import { OutcomesPageActions } from './outcomes-page.actions';
import { DEFAULT_VIEW, type OutcomesState, initialOutcomesState, outcomesFeature } from './outcomes.feature';

describe('outcomesFeature', () => {
  const { reducer } = outcomesFeature;
  const scs: OutcomesFilters = { treatment: ['SCS-IMPLANT'] };
  const other: OutcomesFilters = { status: ['treatment'] };
  const dashboard = aDashboard();

  function loaded(filters: OutcomesFilters = scs): OutcomesState {
    const started = reducer(initialOutcomesState, OutcomesApiActions.loadStarted({ filters }));
    return reducer(started, OutcomesApiActions.loadSucceeded({ filters, dashboard }));
  }

  it('starts empty, showing 6-month leg pain (the PROCESS benchmark)', () => {
    expect(reducer(undefined, { type: '@@init' })).toEqual(initialOutcomesState);
    expect(initialOutcomesState).toEqual({
      filters: null,
      dashboard: null,
      loading: false,
      error: null,
      view: { responderMonth: 6, responderSite: 'leg', trajectorySite: 'leg', trajectoryTreatments: null, odiMonth: 6 },
      exportError: null,
      printing: false,
      clinicians: null,
      cliniciansLoading: false,
      cliniciansError: null,
    });
  });

  it('keeps the figures on screen while new ones load', () => {
    const state = reducer(loaded(), OutcomesApiActions.loadStarted({ filters: other }));
    expect(state.loading).toBeTrue();
    expect(state.filters).toEqual(other);
    expect(state.dashboard).toBe(dashboard);
  });

  it('stores the answer to the current filters', () => {
    const state = loaded();
    expect(state).toEqual(jasmine.objectContaining({ filters: scs, dashboard, loading: false, error: null }));
  });

  it('ignores the answer to superseded filters', () => {
    const state = reducer(loaded(), OutcomesApiActions.loadStarted({ filters: other }));
    expect(reducer(state, OutcomesApiActions.loadSucceeded({ filters: scs, dashboard: aDashboard() }))).toBe(state);
    expect(reducer(state, OutcomesApiActions.loadFailed({ filters: scs, error: 'x' }))).toBe(state);
  });

  it('records a failure and drops figures that belong to other filters', () => {
    const started = reducer(loaded(), OutcomesApiActions.loadStarted({ filters: other }));
    const state = reducer(started, OutcomesApiActions.loadFailed({ filters: other, error: 'Server down' }));
    expect(state).toEqual(jasmine.objectContaining({ dashboard: null, loading: false, error: 'Server down' }));
  });

  it("changes what the charts draw without reloading (the charts' own toggles)", () => {
    const state = reducer(loaded(), OutcomesPageActions.viewChanged({ changes: { responderMonth: 12, responderSite: 'back' } }));
    expect(state.view).toEqual({ ...DEFAULT_VIEW, responderMonth: 12, responderSite: 'back' });
    expect(state.loading).toBeFalse();
  });

  describe("the clinician filter's choices", () => {
    it('are loading, then loaded', () => {
      const loading = reducer(initialOutcomesState, OutcomesApiActions.cliniciansLoadStarted());
      expect(loading).toEqual(jasmine.objectContaining({ clinicians: null, cliniciansLoading: true, cliniciansError: null }));
      const done = reducer(loading, OutcomesApiActions.cliniciansLoadSucceeded({ clinicians: CLINICIANS }));
      expect(done).toEqual(jasmine.objectContaining({ clinicians: CLINICIANS, cliniciansLoading: false, cliniciansError: null }));
    });

    it('keep a failure until the next attempt, and the list already shown', () => {
      const loaded = reducer(initialOutcomesState, OutcomesApiActions.cliniciansLoadSucceeded({ clinicians: CLINICIANS }));
      const reloading = reducer(loaded, OutcomesApiActions.cliniciansLoadStarted());
      expect(reloading.clinicians).toBe(CLINICIANS);
      const failed = reducer(reloading, OutcomesApiActions.cliniciansLoadFailed({ error: 'Server down' }));
      expect(failed).toEqual(
        jasmine.objectContaining({ clinicians: CLINICIANS, cliniciansLoading: false, cliniciansError: 'Server down' }),
      );
      expect(reducer(failed, OutcomesApiActions.cliniciansLoadStarted()).cliniciansError).toBeNull();
    });

    it('do not touch the dashboard', () => {
      const state = reducer(loaded(), OutcomesApiActions.cliniciansLoadFailed({ error: 'Server down' }));
      expect(state).toEqual(jasmine.objectContaining({ filters: scs, dashboard, loading: false, error: null }));
    });
  });

  describe('exports recorded in the audit trail', () => {
    it('waits for the print to be recorded', () => {
      const printing = reducer(loaded(), OutcomesPageActions.printClicked());
      expect(printing.printing).toBeTrue();
      const done = reducer(printing, OutcomesApiActions.exportRecorded({ export: { format: 'print', chart: 'dashboard' } }));
      expect(done.printing).toBeFalse();
    });

    it('explains a print that could not be recorded (and was not started)', () => {
      const printing = reducer(loaded(), OutcomesPageActions.printClicked());
      const failed = reducer(
        printing,
        OutcomesApiActions.exportRecordFailed({ export: { format: 'print', chart: 'dashboard' }, error: 'Server down.' }),
      );
      expect(failed.printing).toBeFalse();
      expect(failed.exportError).toBe('The print could not be recorded in the audit trail, so it was not started. Server down.');
      expect(reducer(failed, OutcomesPageActions.exportErrorDismissed()).exportError).toBeNull();
    });

    it('explains a chart image whose export could not be recorded', () => {
      const failed = reducer(
        loaded(),
        OutcomesApiActions.exportRecordFailed({ export: { format: 'png', chart: 'causes' }, error: 'Server down.' }),
      );
      expect(failed.exportError).toContain('The chart image was saved, but its export could not be recorded');
      expect(reducer(failed, OutcomesPageActions.chartImageDownloaded({ chart: 'causes' })).exportError).toBeNull();
    });
  });

  describe('selectors', () => {
    const root = (state: OutcomesState) => ({ outcomes: state });

    it('map the loaded dashboard to tiles and chart models with the current view', () => {
      const state = reducer(loaded(), OutcomesPageActions.viewChanged({ changes: { odiMonth: 12 } }));
      expect(outcomesFeature.selectTiles(root(state))?.map((t) => t.value)).toEqual(['160', '<11', '42 days', '75%', '0']);
      expect(outcomesFeature.selectResponderChart(root(state))?.categories.map((c) => c.code)).toEqual(['PHYSIO', 'SCS-IMPLANT']);
      expect(outcomesFeature.selectTrajectoryChart(root(state))?.series.map((s) => s.code)).toEqual(['SCS-IMPLANT']);
      expect(outcomesFeature.selectCauseChart(root(state))?.categories.map((c) => c.code)).toEqual(['POST-FIB']);
      expect(outcomesFeature.selectReferralChart(root(state))?.months.length).toBe(24);
      expect(outcomesFeature.selectOdiChart(root(state))?.month).toBe(12);
    });

    it('keep the filtered treatments on the responder chart (for their benchmarks)', () => {
      const filters: OutcomesFilters = { treatment: ['SCS-10KHZ'] };
      const started = reducer(initialOutcomesState, OutcomesApiActions.loadStarted({ filters }));
      const state = reducer(
        started,
        OutcomesApiActions.loadSucceeded({ filters, dashboard: aDashboard({ responders: [aSuppressedResponderRow('SCS-10KHZ')] }) }),
      );
      const chart = outcomesFeature.selectResponderChart(root(state));
      expect(chart?.categories.map((c) => c.code)).toEqual(['SCS-10KHZ']);
      expect(chart?.markers.map((m) => m.label)).toEqual(['PROCESS 48%']);
    });

    it('are null before anything is loaded', () => {
      expect(outcomesFeature.selectTiles(root(initialOutcomesState))).toBeNull();
      expect(outcomesFeature.selectResponderChart(root(initialOutcomesState))).toBeNull();
      expect(outcomesFeature.selectNothingMatches(root(initialOutcomesState))).toBeFalse();
    });

    it('tell when no patient matches', () => {
      const none = aDashboard({
        tiles: { ...aDashboard().tiles, activeCases: { value: 0, suppressed: false } },
        responders: [],
        trajectories: [],
        causes: [],
        odiChange: [],
        referrals: aDashboard().referrals.map((m) => ({ ...m, total: { value: 0, suppressed: false } })),
      });
      const started = reducer(initialOutcomesState, OutcomesApiActions.loadStarted({ filters: scs }));
      const state = reducer(started, OutcomesApiActions.loadSucceeded({ filters: scs, dashboard: none }));
      expect(outcomesFeature.selectNothingMatches(root(state))).toBeTrue();
      expect(outcomesFeature.selectNothingMatches(root(loaded()))).toBeFalse();
    });
  });
});

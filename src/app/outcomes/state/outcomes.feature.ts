import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { OutcomesDashboard } from '@shared/contracts/outcomes';
import type { Clinician } from '@shared/contracts/patients';
import type { TreatmentCode } from '@shared/domain/treatments';
import { causeChart } from '../charts/cause-chart';
import { odiChart } from '../charts/odi-chart';
import { referralChart } from '../charts/referral-chart';
import { responderChart } from '../charts/responder-chart';
import { trajectoryChart } from '../charts/trajectory-chart';
import { dashboardTiles } from '../outcomes-format';
import { type OutcomesFilters, sameFilters } from '../outcomes-query';
import { OutcomesApiActions } from './outcomes-api.actions';
import { OutcomesPageActions } from './outcomes-page.actions';

/** What the charts draw of the loaded data (their own toggles; not filters, so nothing is reloaded). */
export interface OutcomesView {
  responderMonth: 3 | 6 | 12;
  responderSite: 'back' | 'leg';
  trajectorySite: 'back' | 'leg';
  /** Treatments whose lines are drawn; null: the treatment filter's, else the largest groups. */
  trajectoryTreatments: TreatmentCode[] | null;
  odiMonth: 6 | 12;
}

export interface OutcomesState {
  /** The filters of the last request (loading or loaded). */
  filters: OutcomesFilters | null;
  dashboard: OutcomesDashboard | null;
  loading: boolean;
  error: string | null;
  view: OutcomesView;
  /** A chart image or print that could not be recorded in the audit trail. */
  exportError: string | null;
  /** Waiting for the print to be recorded before the print dialog opens. */
  printing: boolean;
  /** The clinician filter's choices (specialists, names only); null until loaded. */
  clinicians: Clinician[] | null;
  cliniciansLoading: boolean;
  cliniciansError: string | null;
}

/** 6-month leg pain first: the PROCESS benchmark (the clinic's headline SCS comparison) is at 6 months, leg. */
export const DEFAULT_VIEW: OutcomesView = {
  responderMonth: 6,
  responderSite: 'leg',
  trajectorySite: 'leg',
  trajectoryTreatments: null,
  odiMonth: 6,
};

export const initialOutcomesState: OutcomesState = {
  filters: null,
  dashboard: null,
  loading: false,
  error: null,
  view: DEFAULT_VIEW,
  exportError: null,
  printing: false,
  clinicians: null,
  cliniciansLoading: false,
  cliniciansError: null,
};

export const outcomesFeature = createFeature({
  name: 'outcomes',
  reducer: createReducer(
    initialOutcomesState,
    // The previous figures stay on screen (marked busy) until the new ones arrive.
    on(OutcomesApiActions.loadStarted, (state, { filters }): OutcomesState => ({ ...state, filters, loading: true, error: null })),
    on(
      OutcomesApiActions.loadSucceeded,
      (state, { filters, dashboard }): OutcomesState =>
        // An answer to superseded filters changes nothing.
        sameFilters(filters, state.filters) ? { ...state, dashboard, loading: false, error: null } : state,
    ),
    on(
      OutcomesApiActions.loadFailed,
      (state, { filters, error }): OutcomesState =>
        // Figures for other filters must not stay on screen under these filters.
        sameFilters(filters, state.filters) ? { ...state, dashboard: null, loading: false, error } : state,
    ),
    // A reload keeps the list on screen until the new one arrives (or fails).
    on(OutcomesApiActions.cliniciansLoadStarted, (state): OutcomesState => ({ ...state, cliniciansLoading: true, cliniciansError: null })),
    on(
      OutcomesApiActions.cliniciansLoadSucceeded,
      (state, { clinicians }): OutcomesState => ({ ...state, clinicians, cliniciansLoading: false, cliniciansError: null }),
    ),
    on(
      OutcomesApiActions.cliniciansLoadFailed,
      (state, { error }): OutcomesState => ({ ...state, cliniciansLoading: false, cliniciansError: error }),
    ),
    on(OutcomesPageActions.viewChanged, (state, { changes }): OutcomesState => ({ ...state, view: { ...state.view, ...changes } })),
    on(OutcomesPageActions.printClicked, (state): OutcomesState => ({ ...state, printing: true, exportError: null })),
    on(OutcomesPageActions.chartImageDownloaded, (state): OutcomesState => ({ ...state, exportError: null })),
    on(
      OutcomesApiActions.exportRecorded,
      (state, action): OutcomesState => (action.export.format === 'print' ? { ...state, printing: false } : state),
    ),
    on(
      OutcomesApiActions.exportRecordFailed,
      (state, action): OutcomesState => ({
        ...state,
        printing: action.export.format === 'print' ? false : state.printing,
        exportError:
          action.export.format === 'print'
            ? `The print could not be recorded in the audit trail, so it was not started. ${action.error}`
            : `The chart image was saved, but its export could not be recorded in the audit trail. ${action.error}`,
      }),
    ),
    on(OutcomesPageActions.exportErrorDismissed, (state): OutcomesState => ({ ...state, exportError: null })),
  ),
  extraSelectors: ({ selectDashboard, selectView, selectFilters }) => {
    const selectTiles = createSelector(selectDashboard, (d) => (d ? dashboardTiles(d.tiles, d.today) : null));
    const selectResponderChart = createSelector(selectDashboard, selectView, selectFilters, (d, view, filters) =>
      d
        ? responderChart(d.responders, { month: view.responderMonth, site: view.responderSite, treatments: filters?.treatment ?? [] })
        : null,
    );
    const selectTrajectoryChart = createSelector(selectDashboard, selectView, selectFilters, (d, view, filters) =>
      d ? trajectoryChart(d.trajectories, view.trajectorySite, view.trajectoryTreatments, filters?.treatment ?? []) : null,
    );
    const selectCauseChart = createSelector(selectDashboard, (d) => (d ? causeChart(d.causes) : null));
    const selectReferralChart = createSelector(selectDashboard, (d) => (d ? referralChart(d.referrals) : null));
    const selectOdiChart = createSelector(selectDashboard, selectView, (d, view) => (d ? odiChart(d.odiChange, view.odiMonth) : null));
    /** Loaded, and no patient matches: every chart and tile would be empty. */
    const selectNothingMatches = createSelector(
      selectDashboard,
      (d) =>
        d !== null &&
        d.tiles.activeCases.value === 0 &&
        d.responders.length === 0 &&
        d.trajectories.length === 0 &&
        d.causes.length === 0 &&
        d.odiChange.length === 0 &&
        d.referrals.every((m) => m.total.value === 0),
    );
    return {
      selectTiles,
      selectResponderChart,
      selectTrajectoryChart,
      selectCauseChart,
      selectReferralChart,
      selectOdiChart,
      selectNothingMatches,
    };
  },
});

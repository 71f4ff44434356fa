import { type EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Assessment, RedFlagAlert } from '@shared/contracts/assessments';
import type { Patient } from '@shared/contracts/patients';
import type { TreatmentPlan } from '@shared/contracts/plans';
import { PlansApiActions } from '../../treatment-plan/state/plans-api.actions';
import { AssessmentsApiActions } from './assessments-api.actions';
import { CasePainPanelActions } from './case-pain-panel.actions';
import type { Failure } from './failure';
import { OutboxActions } from './outbox.actions';
import { RecordAssessmentPageActions } from './record-assessment-page.actions';

/** The record form's last submission. */
export interface SubmissionState {
  /** Its Idempotency-Key (the outbox entry). */
  key: string | null;
  status: 'idle' | 'sending' | 'queued' | 'saved' | 'rejected';
  /** Why it is queued or was refused. */
  message: string | null;
  failure: Failure | null;
}

/** An action on one record (mark entered in error, acknowledge a red flag). */
export interface RecordOperation {
  targetId: string | null;
  pending: boolean;
  failure: Failure | null;
  /** Counts successes: a form closes when it goes up. */
  done: number;
}

export interface AssessmentsState extends EntityState<Assessment> {
  /** Whose assessments, red flags and plans are loaded. */
  patientId: string | null;
  loading: boolean;
  error: string | null;
  /** Red-flag alerts (open and acknowledged); null until loaded. */
  alerts: RedFlagAlert[] | null;
  alertsError: string | null;
  plans: TreatmentPlan[] | null;
  plansError: string | null;
  /** The record form's patient (header). */
  patient: Patient | null;
  patientError: string | null;
  submission: SubmissionState;
  retraction: RecordOperation;
  acknowledgement: RecordOperation;
}

function byRecordedAt(a: Assessment, b: Assessment): number {
  return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id.localeCompare(b.id);
}

export const assessmentsAdapter = createEntityAdapter<Assessment>({ sortComparer: byRecordedAt });

const IDLE_SUBMISSION: SubmissionState = { key: null, status: 'idle', message: null, failure: null };
const IDLE_OPERATION: RecordOperation = { targetId: null, pending: false, failure: null, done: 0 };

export const initialAssessmentsState: AssessmentsState = assessmentsAdapter.getInitialState({
  patientId: null,
  loading: false,
  error: null,
  alerts: null,
  alertsError: null,
  plans: null,
  plansError: null,
  patient: null,
  patientError: null,
  submission: IDLE_SUBMISSION,
  retraction: IDLE_OPERATION,
  acknowledgement: IDLE_OPERATION,
});

/** Another patient's data is dropped when a patient's page opens (never shown under the wrong name). */
function forPatient(state: AssessmentsState, patientId: string): AssessmentsState {
  if (state.patientId === patientId) return state;
  return assessmentsAdapter.removeAll({
    ...state,
    patientId,
    error: null,
    alerts: null,
    alertsError: null,
    plans: null,
    plansError: null,
    retraction: IDLE_OPERATION,
    acknowledgement: IDLE_OPERATION,
  });
}

function upsertFor(state: AssessmentsState, patientId: string, assessment: Assessment | null): AssessmentsState {
  return assessment && state.patientId === patientId && assessment.patientId === patientId
    ? assessmentsAdapter.upsertOne(assessment, state)
    : state;
}

/**
 * A plan the treatment plan panel saved (the server answers with the whole plan): it replaces the one the chart
 * has, or is added, so that the chart's treatment annotations and baseline follow without a reload. Nothing
 * changes for another patient, or before the plans are loaded (their own answer will include it).
 */
function withSavedPlan(state: AssessmentsState, patientId: string, plan: TreatmentPlan): AssessmentsState {
  if (state.patientId !== patientId || plan.patientId !== patientId || state.plans === null) return state;
  const plans = state.plans.some((p) => p.id === plan.id) ? state.plans.map((p) => (p.id === plan.id ? plan : p)) : [plan, ...state.plans];
  return { ...state, plans };
}

export const assessmentsFeature = createFeature({
  name: 'assessments',
  reducer: createReducer(
    initialAssessmentsState,
    on(
      RecordAssessmentPageActions.opened,
      (state, { patientId }): AssessmentsState => ({
        ...state,
        patient: state.patient?.id === patientId ? state.patient : null,
        patientError: null,
        submission: IDLE_SUBMISSION,
      }),
    ),
    on(RecordAssessmentPageActions.retryClicked, (state): AssessmentsState => ({ ...state, patientError: null })),
    on(AssessmentsApiActions.patientLoaded, (state, { patient }): AssessmentsState => ({ ...state, patient, patientError: null })),
    on(AssessmentsApiActions.patientLoadFailed, (state, { error }): AssessmentsState => ({ ...state, patientError: error })),
    on(
      CasePainPanelActions.opened,
      CasePainPanelActions.retryClicked,
      (state, { patientId }): AssessmentsState => forPatient(state, patientId),
    ),
    on(
      AssessmentsApiActions.assessmentsLoadStarted,
      (state, { patientId }): AssessmentsState => ({
        ...forPatient(state, patientId),
        loading: true,
        error: null,
      }),
    ),
    on(
      AssessmentsApiActions.assessmentsLoaded,
      (state, { patientId, assessments }): AssessmentsState =>
        state.patientId === patientId ? assessmentsAdapter.setAll(assessments, { ...state, loading: false, error: null }) : state,
    ),
    on(
      AssessmentsApiActions.assessmentsLoadFailed,
      (state, { patientId, error }): AssessmentsState => (state.patientId === patientId ? { ...state, loading: false, error } : state),
    ),
    on(
      AssessmentsApiActions.redFlagsLoaded,
      (state, { patientId, alerts }): AssessmentsState => (state.patientId === patientId ? { ...state, alerts, alertsError: null } : state),
    ),
    on(
      AssessmentsApiActions.redFlagsLoadFailed,
      (state, { patientId, error }): AssessmentsState => (state.patientId === patientId ? { ...state, alertsError: error } : state),
    ),
    on(
      AssessmentsApiActions.plansLoaded,
      (state, { patientId, plans }): AssessmentsState => (state.patientId === patientId ? { ...state, plans, plansError: null } : state),
    ),
    on(
      AssessmentsApiActions.plansLoadFailed,
      (state, { patientId, error }): AssessmentsState => (state.patientId === patientId ? { ...state, plansError: error } : state),
    ),
    // The treatment plan panel on the same case page: plan saves (new plan, goals, item added, status change,
    // trial result) and its reloads (after a new plan, Reload after a conflict) keep the chart's treatments current.
    on(
      PlansApiActions.planCreated,
      PlansApiActions.planSaved,
      (state, { patientId, plan }): AssessmentsState => withSavedPlan(state, patientId, plan),
    ),
    on(
      PlansApiActions.plansLoadSucceeded,
      (state, { patientId, plans }): AssessmentsState => (state.patientId === patientId ? { ...state, plans, plansError: null } : state),
    ),
    on(
      RecordAssessmentPageActions.submitted,
      (state): AssessmentsState => ({
        ...state,
        submission: { key: null, status: 'sending', message: null, failure: null },
      }),
    ),
    on(
      AssessmentsApiActions.createSucceeded,
      (state, { patientId, key, assessment }): AssessmentsState => ({
        ...upsertFor(state, patientId, assessment),
        submission: { key, status: 'saved', message: null, failure: null },
      }),
    ),
    on(
      AssessmentsApiActions.createQueued,
      (state, { key, reason }): AssessmentsState => ({
        ...state,
        submission: { key, status: 'queued', message: reason, failure: null },
      }),
    ),
    on(
      AssessmentsApiActions.createRejected,
      (state, { key, failure }): AssessmentsState => ({
        ...state,
        submission: { key, status: 'rejected', message: failure.message, failure },
      }),
    ),
    on(OutboxActions.delivered, (state, { patientId, key, assessment }): AssessmentsState => {
      const next = upsertFor(state, patientId, assessment);
      return state.submission.key === key ? { ...next, submission: { ...next.submission, status: 'saved', message: null } } : next;
    }),
    on(
      CasePainPanelActions.enteredInErrorSubmitted,
      (state, { assessmentId }): AssessmentsState => ({
        ...state,
        retraction: { ...state.retraction, targetId: assessmentId, pending: true, failure: null },
      }),
    ),
    on(
      AssessmentsApiActions.enteredInErrorSucceeded,
      (state, { assessment }): AssessmentsState => ({
        ...upsertFor(state, assessment.patientId, assessment),
        retraction: { targetId: null, pending: false, failure: null, done: state.retraction.done + 1 },
      }),
    ),
    on(
      AssessmentsApiActions.enteredInErrorFailed,
      (state, { assessmentId, failure }): AssessmentsState => ({
        ...state,
        retraction: { ...state.retraction, targetId: assessmentId, pending: false, failure },
      }),
    ),
    on(
      CasePainPanelActions.acknowledgeSubmitted,
      (state, { alertId }): AssessmentsState => ({
        ...state,
        acknowledgement: { ...state.acknowledgement, targetId: alertId, pending: true, failure: null },
      }),
    ),
    on(
      AssessmentsApiActions.acknowledgeSucceeded,
      (state, { alert }): AssessmentsState => ({
        ...state,
        alerts: state.alerts?.map((current) => (current.id === alert.id ? alert : current)) ?? null,
        acknowledgement: { targetId: null, pending: false, failure: null, done: state.acknowledgement.done + 1 },
      }),
    ),
    on(
      AssessmentsApiActions.acknowledgeFailed,
      (state, { alertId, failure }): AssessmentsState => ({
        ...state,
        acknowledgement: { ...state.acknowledgement, targetId: alertId, pending: false, failure },
      }),
    ),
  ),
  extraSelectors: ({ selectAssessmentsState, selectAlerts }) => {
    const { selectAll, selectEntities, selectIds, selectTotal } = assessmentsAdapter.getSelectors(selectAssessmentsState);
    return {
      selectAll,
      selectEntities,
      selectIds,
      selectTotal,
      /** Entries the chart and outcomes use: everything not marked entered-in-error. */
      selectValid: createSelector(selectAll, (all) => all.filter((a) => !a.enteredInError)),
      selectEnteredInError: createSelector(selectAll, (all) => all.filter((a) => a.enteredInError)),
      /** The newest valid entry. */
      selectLatest: createSelector(selectAll, (all) => all.filter((a) => !a.enteredInError).at(-1) ?? null),
      selectOpenAlerts: createSelector(selectAlerts, (alerts) => (alerts ?? []).filter((a) => a.acknowledgedAt === null)),
    };
  },
});

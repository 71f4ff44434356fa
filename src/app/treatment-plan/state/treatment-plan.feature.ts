import { type EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { CauseTag, Clinician } from '@shared/contracts/patients';
import type { PlanItem, PlanItemOutcome, TreatmentPlan } from '@shared/contracts/plans';
import { DONE_SAVE, PENDING_SAVE, type SaveRequest, failedSave } from '../plan-save';
import { PlansApiActions } from './plans-api.actions';
import { TreatmentPlanPanelActions } from './treatment-plan-panel.actions';

export interface TreatmentPlanState extends EntityState<TreatmentPlan> {
  /** Whose plans are loaded (or loading). */
  patientId: string | null;
  loading: boolean;
  /** The plans of `patientId` have been loaded at least once. */
  loaded: boolean;
  error: string | null;
  outcomes: PlanItemOutcome[] | null;
  outcomesLoading: boolean;
  outcomesError: string | null;
  /** The case's suspected causes, for the "addresses" picker (specialists only). */
  causes: CauseTag[] | null;
  causesError: string | null;
  /** Active clinicians (loaded once); specialists can be responsible for a treatment. */
  clinicians: Clinician[] | null;
  cliniciansError: string | null;
  /** Saves by request id: each dialog follows its own. */
  saves: Record<string, SaveRequest>;
}

/** The active plan first, then earlier plans, newest first (the server's order, kept after saves). */
export const plansAdapter = createEntityAdapter<TreatmentPlan>({
  sortComparer: (a, b) => Number(b.status === 'active') - Number(a.status === 'active') || b.createdAt.localeCompare(a.createdAt),
});

export const initialTreatmentPlanState: TreatmentPlanState = plansAdapter.getInitialState({
  patientId: null,
  loading: false,
  loaded: false,
  error: null,
  outcomes: null,
  outcomesLoading: false,
  outcomesError: null,
  causes: null,
  causesError: null,
  clinicians: null,
  cliniciansError: null,
  saves: {},
});

const mine = (state: TreatmentPlanState, patientId: string): boolean => state.patientId === patientId;

export const treatmentPlanFeature = createFeature({
  name: 'treatmentPlan',
  reducer: createReducer(
    initialTreatmentPlanState,
    on(
      TreatmentPlanPanelActions.opened,
      (state, { patientId }): TreatmentPlanState =>
        mine(state, patientId)
          ? { ...state, loading: true, error: null, outcomesLoading: true, outcomesError: null }
          : {
              ...initialTreatmentPlanState,
              clinicians: state.clinicians,
              patientId,
              loading: true,
              outcomesLoading: true,
            },
    ),
    on(
      TreatmentPlanPanelActions.retryClicked,
      TreatmentPlanPanelActions.reloadClicked,
      (state, { patientId }): TreatmentPlanState =>
        mine(state, patientId)
          ? { ...state, loading: true, error: null, outcomesLoading: true, outcomesError: null, causesError: null }
          : state,
    ),
    on(
      PlansApiActions.plansLoadSucceeded,
      (state, { patientId, plans }): TreatmentPlanState =>
        mine(state, patientId) ? plansAdapter.setAll(plans, { ...state, loading: false, loaded: true, error: null }) : state,
    ),
    on(
      PlansApiActions.plansLoadFailed,
      (state, { patientId, error }): TreatmentPlanState => (mine(state, patientId) ? { ...state, loading: false, error } : state),
    ),
    on(
      PlansApiActions.outcomesLoadSucceeded,
      (state, { patientId, outcomes }): TreatmentPlanState =>
        mine(state, patientId) ? { ...state, outcomes, outcomesLoading: false, outcomesError: null } : state,
    ),
    on(
      PlansApiActions.outcomesLoadFailed,
      (state, { patientId, error }): TreatmentPlanState =>
        mine(state, patientId) ? { ...state, outcomesLoading: false, outcomesError: error } : state,
    ),
    on(
      PlansApiActions.causesLoadSucceeded,
      (state, { patientId, causes }): TreatmentPlanState => (mine(state, patientId) ? { ...state, causes, causesError: null } : state),
    ),
    on(
      PlansApiActions.causesLoadFailed,
      (state, { patientId, error }): TreatmentPlanState => (mine(state, patientId) ? { ...state, causesError: error } : state),
    ),
    on(
      PlansApiActions.cliniciansLoadSucceeded,
      (state, { clinicians }): TreatmentPlanState => ({ ...state, clinicians, cliniciansError: null }),
    ),
    on(PlansApiActions.cliniciansLoadFailed, (state, { error }): TreatmentPlanState => ({ ...state, cliniciansError: error })),
    on(
      TreatmentPlanPanelActions.planSubmitted,
      TreatmentPlanPanelActions.goalsSubmitted,
      TreatmentPlanPanelActions.planCompletionSubmitted,
      TreatmentPlanPanelActions.itemSubmitted,
      TreatmentPlanPanelActions.itemChangeSubmitted,
      (state, { requestId }): TreatmentPlanState => ({ ...state, saves: { ...state.saves, [requestId]: PENDING_SAVE } }),
    ),
    // The effects reload the plans after a new one (the replaced plan is now history) and the outcomes after any save.
    on(PlansApiActions.planCreated, (state, { requestId, patientId, plan }): TreatmentPlanState => {
      const saves = { ...state.saves, [requestId]: DONE_SAVE };
      return mine(state, patientId)
        ? plansAdapter.upsertOne(plan, { ...state, saves, loading: true, outcomesLoading: true })
        : { ...state, saves };
    }),
    on(PlansApiActions.planSaved, (state, { requestId, patientId, plan }): TreatmentPlanState => {
      const saves = { ...state.saves, [requestId]: DONE_SAVE };
      return mine(state, patientId) ? plansAdapter.upsertOne(plan, { ...state, saves, outcomesLoading: true }) : { ...state, saves };
    }),
    on(
      PlansApiActions.saveFailed,
      (state, { requestId, failure, conflict }): TreatmentPlanState => ({
        ...state,
        saves: { ...state.saves, [requestId]: failedSave(failure, conflict) },
      }),
    ),
  ),
  extraSelectors: ({ selectTreatmentPlanState, selectOutcomes, selectClinicians }) => {
    const { selectAll, selectEntities } = plansAdapter.getSelectors(selectTreatmentPlanState);
    const selectActivePlan = createSelector(selectAll, (plans) => plans.find((p) => p.status === 'active') ?? null);
    return {
      selectAll,
      selectEntities,
      selectActivePlan,
      /** Completed or revoked plans, newest first (history). */
      selectEarlierPlans: createSelector(selectAll, (plans) => plans.filter((p) => p.status !== 'active')),
      /** Every item of every plan, by id (the base a conflict is compared with). */
      selectItemEntities: createSelector(selectAll, (plans) => {
        const items: Partial<Record<string, PlanItem>> = {};
        for (const plan of plans) for (const item of plan.items) items[item.id] = item;
        return items;
      }),
      selectOutcomesByItem: createSelector(selectOutcomes, (outcomes) => {
        const byItem: Partial<Record<string, PlanItemOutcome>> = {};
        for (const outcome of outcomes ?? []) byItem[outcome.itemId] = outcome;
        return byItem;
      }),
      selectSpecialists: createSelector(selectClinicians, (clinicians) => (clinicians ?? []).filter((c) => c.role === 'specialist')),
    };
  },
});

import { DONE_SAVE, PENDING_SAVE } from '../plan-save';
import { PATIENT_ID, aPlan, anItem, anOutcome } from '../testing/plan-fixtures';
import { PlansApiActions } from './plans-api.actions';
import { TreatmentPlanPanelActions } from './treatment-plan-panel.actions';
import { type TreatmentPlanState, initialTreatmentPlanState, plansAdapter, treatmentPlanFeature } from './treatment-plan.feature';

const { reducer } = treatmentPlanFeature;
const OTHER = '00000000-0000-4000-8000-0000000000ff';

function loaded(plans = [aPlan()]): TreatmentPlanState {
  const opened = reducer(initialTreatmentPlanState, TreatmentPlanPanelActions.opened({ patientId: PATIENT_ID }));
  return reducer(opened, PlansApiActions.plansLoadSucceeded({ patientId: PATIENT_ID, plans }));
}

describe('treatment plan feature', () => {
  it('loads the plans of the case that opened', () => {
    const state = loaded();
    expect(state.patientId).toBe(PATIENT_ID);
    expect(state.loaded).toBeTrue();
    expect(state.loading).toBeFalse();
    expect(treatmentPlanFeature.selectActivePlan.projector(plansAdapter.getSelectors().selectAll(state))).toEqual(aPlan());
  });

  it('starts afresh for another patient, and ignores answers for the previous one', () => {
    const other = reducer(loaded(), TreatmentPlanPanelActions.opened({ patientId: OTHER }));
    expect(other.ids).toEqual([]);
    expect(other.loaded).toBeFalse();
    const late = reducer(other, PlansApiActions.plansLoadSucceeded({ patientId: PATIENT_ID, plans: [aPlan()] }));
    expect(late.ids).toEqual([]);
  });

  it('keeps the active plan first and earlier plans newest first', () => {
    const old = aPlan({ id: '00000000-0000-4000-8000-000000000001', status: 'completed', createdAt: '2024-01-01T00:00:00.000Z' });
    const older = aPlan({ id: '00000000-0000-4000-8000-000000000002', status: 'revoked', createdAt: '2023-01-01T00:00:00.000Z' });
    const state = loaded([older, old, aPlan()]);
    const all = plansAdapter.getSelectors().selectAll(state);
    expect(all.map((p) => p.status)).toEqual(['active', 'completed', 'revoked']);
    expect(treatmentPlanFeature.selectEarlierPlans.projector(all).map((p) => p.status)).toEqual(['completed', 'revoked']);
  });

  it('follows each save by its request id: pending, then done with the plan the server answered', () => {
    const item = anItem();
    let state = reducer(
      loaded(),
      TreatmentPlanPanelActions.itemChangeSubmitted({
        requestId: 'r1',
        patientId: PATIENT_ID,
        itemId: item.id,
        body: { version: 1, status: 'active' },
      }),
    );
    expect(state.saves['r1']).toEqual(PENDING_SAVE);
    const saved = aPlan({ version: 1, items: [{ ...item, status: 'active' }] });
    state = reducer(state, PlansApiActions.planSaved({ requestId: 'r1', patientId: PATIENT_ID, plan: saved }));
    expect(state.saves['r1']).toEqual(DONE_SAVE);
    expect(state.entities[saved.id]?.items[0]?.status).toBe('active');
    expect(state.outcomesLoading).toBeTrue();
  });

  it('keeps a refused save’s failure and conflict for its dialog', () => {
    const failure = { status: 409, message: 'Stale', fieldErrors: [], current: null };
    const conflict = { changedBy: 'Dr Wei Chen', changedAt: null, changes: [] };
    const state = reducer(loaded(), PlansApiActions.saveFailed({ requestId: 'r2', patientId: PATIENT_ID, failure, conflict }));
    expect(state.saves['r2']).toEqual({ pending: false, done: false, failure, conflict });
  });

  it('indexes outcomes by item and lists only specialists as responsible clinicians', () => {
    const outcome = anOutcome();
    expect(treatmentPlanFeature.selectOutcomesByItem.projector([outcome])[outcome.itemId]).toBe(outcome);
    const clinicians = [
      { id: 'a', displayName: 'Dr A', role: 'specialist' as const },
      { id: 'b', displayName: 'Nurse B', role: 'nurse' as const },
    ];
    expect(treatmentPlanFeature.selectSpecialists.projector(clinicians).map((c) => c.id)).toEqual(['a']);
  });
});

import { Actions } from '@ngrx/effects';
import type { Store } from '@ngrx/store';
import type { Role } from '@shared/domain/permissions';
import { type Observable, of, throwError } from 'rxjs';
import { authFeature } from '../../auth/state/auth.feature';
import { ApiError } from '../../core/http/api-error';
import type { PlansApi } from '../plans-api';
import { CLINICIANS, PATIENT_ID, PLAN_ID, aCause, aPlan, anItem, anOutcome } from '../testing/plan-fixtures';
import { PlansApiActions } from './plans-api.actions';
import { TreatmentPlanPanelActions } from './treatment-plan-panel.actions';
import { addItem, changeItem, createPlan, loadCauses, loadClinicians, loadOutcomes, loadPlans, saveGoals } from './treatment-plan.effects';
import { treatmentPlanFeature } from './treatment-plan.feature';

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

/** A store double answering only the selectors the effects read. */
function storeWith(state: { role?: Role | null; clinicians?: unknown; items?: unknown; plans?: unknown }): Store {
  const select = (selector: unknown): Observable<unknown> => {
    if (selector === authFeature.selectRole) return of(state.role ?? null);
    if (selector === treatmentPlanFeature.selectClinicians) return of(state.clinicians ?? null);
    if (selector === treatmentPlanFeature.selectItemEntities) return of(state.items ?? {});
    if (selector === treatmentPlanFeature.selectEntities) return of(state.plans ?? {});
    throw new Error('unexpected selector');
  };
  return { select } as unknown as Store;
}

const conflictError = (current: unknown) =>
  new ApiError(409, { type: 'x', title: 'Conflict', status: 409, detail: 'The record was changed by someone else.', current }, null);

describe('treatment plan effects', () => {
  let api: jasmine.SpyObj<PlansApi>;
  const opened = TreatmentPlanPanelActions.opened({ patientId: PATIENT_ID });

  beforeEach(() => {
    api = jasmine.createSpyObj<PlansApi>('PlansApi', [
      'list',
      'create',
      'updatePlan',
      'addItem',
      'updateItem',
      'outcomes',
      'causes',
      'clinicians',
    ]);
  });

  it('loads the plans and the outcomes when the panel opens, each failing on its own', () => {
    api.list.and.returnValue(of([aPlan()]));
    api.outcomes.and.returnValue(throwError(() => new ApiError(500, null, null)));
    expect(collect(loadPlans(new Actions(of(opened)), api))).toEqual([
      PlansApiActions.plansLoadSucceeded({ patientId: PATIENT_ID, plans: [aPlan()] }),
    ]);
    const [failed] = collect(loadOutcomes(new Actions(of(opened)), api));
    expect(failed).toEqual(jasmine.objectContaining({ type: PlansApiActions.outcomesLoadFailed.type, patientId: PATIENT_ID }));
  });

  it('reloads the plans after a new plan (the one it replaced is history) and the outcomes after any save', () => {
    api.list.and.returnValue(of([]));
    api.outcomes.and.returnValue(of([anOutcome()]));
    const created = PlansApiActions.planCreated({ requestId: 'r', patientId: PATIENT_ID, plan: aPlan() });
    const saved = PlansApiActions.planSaved({ requestId: 'r', patientId: PATIENT_ID, plan: aPlan() });
    collect(loadPlans(new Actions(of(created, saved)), api));
    expect(api.list).toHaveBeenCalledTimes(1);
    collect(loadOutcomes(new Actions(of(created, saved)), api));
    expect(api.outcomes).toHaveBeenCalledTimes(2);
  });

  it('loads the causes and clinicians only for those who may change plans', () => {
    const cause = aCause();
    api.causes.and.returnValue(of([cause]));
    api.clinicians.and.returnValue(of(CLINICIANS));
    expect(collect(loadCauses(new Actions(of(opened)), storeWith({ role: 'nurse' }), api))).toEqual([]);
    expect(collect(loadClinicians(new Actions(of(opened)), storeWith({ role: 'nurse' }), api))).toEqual([]);
    expect(collect(loadCauses(new Actions(of(opened)), storeWith({ role: 'specialist' }), api))).toEqual([
      PlansApiActions.causesLoadSucceeded({ patientId: PATIENT_ID, causes: [cause] }),
    ]);
    expect(collect(loadClinicians(new Actions(of(opened)), storeWith({ role: 'specialist' }), api))).toEqual([
      PlansApiActions.cliniciansLoadSucceeded({ clinicians: CLINICIANS }),
    ]);
    // Once loaded, not again.
    expect(collect(loadClinicians(new Actions(of(opened)), storeWith({ role: 'specialist', clinicians: CLINICIANS }), api))).toEqual([]);
  });

  it('creates a plan with its idempotency key; a 422 (active plan exists) comes back as the rule’s message', () => {
    api.create.and.returnValue(
      throwError(
        () => new ApiError(422, { type: 'x', title: 'Rule', status: 422, detail: 'This case has an active treatment plan.' }, null),
      ),
    );
    const submitted = TreatmentPlanPanelActions.planSubmitted({
      requestId: 'r',
      patientId: PATIENT_ID,
      goals: [],
      replaceActive: false,
      idempotencyKey: 'k',
    });
    const [failed] = collect(createPlan(new Actions(of(submitted)), api)) as ReturnType<typeof PlansApiActions.saveFailed>[];
    expect(api.create).toHaveBeenCalledOnceWith(PATIENT_ID, { goals: [], replaceActive: false }, 'k');
    expect(failed.failure.status).toBe(422);
    expect(failed.failure.message).toBe('This case has an active treatment plan.');
  });

  it('adds an item and answers with the plan', () => {
    api.addItem.and.returnValue(of(aPlan()));
    const body = { treatmentCode: 'SCS-TRIAL' as const, plannedOn: null, responsibleClinicianId: null, addressesCauses: [] };
    const submitted = TreatmentPlanPanelActions.itemSubmitted({
      requestId: 'r',
      patientId: PATIENT_ID,
      planId: PLAN_ID,
      body,
      idempotencyKey: 'k',
    });
    expect(collect(addItem(new Actions(of(submitted)), api))).toEqual([
      PlansApiActions.planSaved({ requestId: 'r', patientId: PATIENT_ID, plan: aPlan() }),
    ]);
  });

  it('on a stale item (409) says who changed it and what, from the plan in the answer', () => {
    const base = anItem({ status: 'planned' });
    const current = {
      ...base,
      status: 'cancelled' as const,
      version: 2,
      history: [
        ...base.history,
        { changedAt: '2025-05-10T10:00:00.000Z', changedBy: 'Dr Wei Chen', change: { status: { from: 'planned', to: 'cancelled' } } },
      ],
    };
    api.updateItem.and.returnValue(throwError(() => conflictError(aPlan({ items: [current] }))));
    const submitted = TreatmentPlanPanelActions.itemChangeSubmitted({
      requestId: 'r',
      patientId: PATIENT_ID,
      itemId: base.id,
      body: { version: 1, status: 'active' },
    });
    const [failed] = collect(changeItem(new Actions(of(submitted)), storeWith({ items: { [base.id]: base } }), api)) as ReturnType<
      typeof PlansApiActions.saveFailed
    >[];
    expect(failed.conflict).toEqual({
      changedBy: 'Dr Wei Chen',
      changedAt: '2025-05-10T10:00:00.000Z',
      changes: [{ label: 'Status', before: 'Planned', after: 'Cancelled' }],
    });
  });

  it('keeps 400 field errors for the dialog, without a conflict', () => {
    api.updateItem.and.returnValue(
      throwError(
        () =>
          new ApiError(
            400,
            {
              type: 'x',
              title: 'Bad',
              status: 400,
              errors: [{ path: 'stopReason', message: 'Give the reason the treatment was stopped' }],
            },
            null,
          ),
      ),
    );
    const item = anItem({ status: 'active' });
    const submitted = TreatmentPlanPanelActions.itemChangeSubmitted({
      requestId: 'r',
      patientId: PATIENT_ID,
      itemId: item.id,
      body: { version: 1, status: 'stopped' },
    });
    const [failed] = collect(changeItem(new Actions(of(submitted)), storeWith({}), api)) as ReturnType<typeof PlansApiActions.saveFailed>[];
    expect(failed.conflict).toBeNull();
    expect(failed.failure.fieldErrors).toEqual([{ path: 'stopReason', message: 'Give the reason the treatment was stopped' }]);
  });

  it('completes the active plan on the version the specialist saw', () => {
    api.updatePlan.and.returnValue(of(aPlan({ status: 'completed', version: 2 })));
    const submitted = TreatmentPlanPanelActions.planCompletionSubmitted({
      requestId: 'r',
      patientId: PATIENT_ID,
      planId: PLAN_ID,
      version: 1,
    });
    expect(collect(saveGoals(new Actions(of(submitted)), storeWith({}), api))).toEqual([
      PlansApiActions.planSaved({ requestId: 'r', patientId: PATIENT_ID, plan: aPlan({ status: 'completed', version: 2 }) }),
    ]);
    expect(api.updatePlan).toHaveBeenCalledOnceWith(PATIENT_ID, PLAN_ID, { version: 1, status: 'completed' });
  });

  it('saves goals on the version the specialist saw; a 409 lists the goals now saved', () => {
    const base = aPlan();
    api.updatePlan.and.returnValue(throwError(() => conflictError(aPlan({ goals: [], version: 2 }))));
    const submitted = TreatmentPlanPanelActions.goalsSubmitted({
      requestId: 'r',
      patientId: PATIENT_ID,
      planId: base.id,
      version: 1,
      goals: [],
    });
    const [failed] = collect(saveGoals(new Actions(of(submitted)), storeWith({ plans: { [base.id]: base } }), api)) as ReturnType<
      typeof PlansApiActions.saveFailed
    >[];
    expect(api.updatePlan).toHaveBeenCalledOnceWith(PATIENT_ID, base.id, { version: 1, goals: [] });
    expect(failed.conflict?.changes).toEqual([{ label: 'Goals', before: 'Leg pain NRS 4 or less: Leg NRS ≤ 4', after: '(none)' }]);
  });
});

import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { can } from '@shared/domain/permissions';
import { catchError, exhaustMap, filter, map, mergeMap, of, switchMap, withLatestFrom } from 'rxjs';
import { authFeature } from '../../auth/state/auth.feature';
import { errorMessage } from '../../core/http/api-error';
import { currentPlanOf, itemConflict, planConflict } from '../plan-conflict';
import { type Conflict, saveFailure } from '../plan-save';
import { PlansApi } from '../plans-api';
import { PlansApiActions } from './plans-api.actions';
import { TreatmentPlanPanelActions } from './treatment-plan-panel.actions';
import { treatmentPlanFeature } from './treatment-plan.feature';

/** A 409 whose answer did not carry the current record: still a conflict, without the details. */
const NO_DETAILS: Conflict = { changedBy: null, changedAt: null, changes: [] };

const LOAD = [TreatmentPlanPanelActions.opened, TreatmentPlanPanelActions.retryClicked, TreatmentPlanPanelActions.reloadClicked] as const;

/** The plans when the panel opens, on Retry and Reload, and after a new plan (the one it replaced is now history). */
export const loadPlans = createEffect(
  (actions$ = inject(Actions), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(...LOAD, PlansApiActions.planCreated),
      switchMap(({ patientId }) =>
        api.list(patientId).pipe(
          map((plans) => PlansApiActions.plansLoadSucceeded({ patientId, plans })),
          catchError((error: unknown) => of(PlansApiActions.plansLoadFailed({ patientId, error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Outcomes per started item; again after every save (a start date moves the baseline and the schedule). */
export const loadOutcomes = createEffect(
  (actions$ = inject(Actions), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(...LOAD, PlansApiActions.planCreated, PlansApiActions.planSaved),
      switchMap(({ patientId }) =>
        api.outcomes(patientId).pipe(
          map((outcomes) => PlansApiActions.outcomesLoadSucceeded({ patientId, outcomes })),
          catchError((error: unknown) => of(PlansApiActions.outcomesLoadFailed({ patientId, error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** The case's suspected causes, for the "addresses" picker: only for those who may change plans. */
export const loadCauses = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(...LOAD),
      withLatestFrom(store.select(authFeature.selectRole)),
      filter(([, role]) => can(role, 'plan.write')),
      switchMap(([{ patientId }]) =>
        api.causes(patientId).pipe(
          map((causes) => PlansApiActions.causesLoadSucceeded({ patientId, causes })),
          catchError((error: unknown) => of(PlansApiActions.causesLoadFailed({ patientId, error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Who can be responsible for a treatment (once; the list changes rarely), for those who may change plans. */
export const loadClinicians = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(TreatmentPlanPanelActions.opened, TreatmentPlanPanelActions.retryClicked),
      withLatestFrom(store.select(authFeature.selectRole), store.select(treatmentPlanFeature.selectClinicians)),
      filter(([, role, clinicians]) => can(role, 'plan.write') && clinicians === null),
      exhaustMap(() =>
        api.clinicians().pipe(
          map((clinicians) => PlansApiActions.cliniciansLoadSucceeded({ clinicians })),
          catchError((error: unknown) => of(PlansApiActions.cliniciansLoadFailed({ error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** A new plan (one at a time: the dialog's button is busy until it ends). */
export const createPlan = createEffect(
  (actions$ = inject(Actions), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(TreatmentPlanPanelActions.planSubmitted),
      exhaustMap(({ requestId, patientId, goals, replaceActive, idempotencyKey }) =>
        api.create(patientId, { goals, replaceActive }, idempotencyKey).pipe(
          map((plan) => PlansApiActions.planCreated({ requestId, patientId, plan })),
          catchError((error: unknown) =>
            of(PlansApiActions.saveFailed({ requestId, patientId, failure: saveFailure(error), conflict: null })),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

/** The active plan's goals, or its completion, conditional on the version the specialist saw (409: what changed). */
export const saveGoals = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(TreatmentPlanPanelActions.goalsSubmitted, TreatmentPlanPanelActions.planCompletionSubmitted),
      withLatestFrom(store.select(treatmentPlanFeature.selectEntities)),
      mergeMap(([action, plans]) => {
        const { requestId, patientId, planId, version } = action;
        const change =
          action.type === TreatmentPlanPanelActions.goalsSubmitted.type
            ? { version, goals: action.goals }
            : { version, status: 'completed' as const };
        return api.updatePlan(patientId, planId, change).pipe(
          map((plan) => PlansApiActions.planSaved({ requestId, patientId, plan })),
          catchError((error: unknown) => {
            const failure = saveFailure(error);
            const current = failure.status === 409 ? currentPlanOf(failure.current) : null;
            const conflict = failure.status === 409 ? (current ? planConflict(plans[planId], current) : NO_DETAILS) : null;
            return of(PlansApiActions.saveFailed({ requestId, patientId, failure, conflict }));
          }),
        );
      }),
    );
  },
  { functional: true },
);

/** A treatment added to the active plan. */
export const addItem = createEffect(
  (actions$ = inject(Actions), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(TreatmentPlanPanelActions.itemSubmitted),
      mergeMap(({ requestId, patientId, planId, body, idempotencyKey }) =>
        api.addItem(patientId, planId, body, idempotencyKey).pipe(
          map((plan) => PlansApiActions.planSaved({ requestId, patientId, plan })),
          catchError((error: unknown) =>
            of(PlansApiActions.saveFailed({ requestId, patientId, failure: saveFailure(error), conflict: null })),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

/** A status change, dates, details or the trial result of one item (409: who changed what meanwhile). */
export const changeItem = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(PlansApi)) => {
    return actions$.pipe(
      ofType(TreatmentPlanPanelActions.itemChangeSubmitted),
      withLatestFrom(store.select(treatmentPlanFeature.selectItemEntities)),
      mergeMap(([{ requestId, patientId, itemId, body }, items]) =>
        api.updateItem(patientId, itemId, body).pipe(
          map((plan) => PlansApiActions.planSaved({ requestId, patientId, plan })),
          catchError((error: unknown) => {
            const failure = saveFailure(error);
            let conflict: Conflict | null = null;
            if (failure.status === 409) {
              const current = currentPlanOf(failure.current)?.items.find((i) => i.id === itemId);
              conflict = current ? itemConflict(items[itemId], current) : NO_DETAILS;
            }
            return of(PlansApiActions.saveFailed({ requestId, patientId, failure, conflict }));
          }),
        ),
      ),
    );
  },
  { functional: true },
);

import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { type Observable, type OperatorFunction, catchError, exhaustMap, filter, map, mergeMap, of, switchMap, withLatestFrom } from 'rxjs';
import { ApiError, errorMessage } from '../../core/http/api-error';
import { CaseApi } from '../case-api';
import { saveFailure } from '../operation';
import { CaseApiActions } from './case-api.actions';
import { CasePageActions } from './case-page.actions';
import { caseFeature } from './case.feature';

/** Pairs each action with the open case's patient id (and drops it while no case is open). */
function withPatientId<A>(patientId$: Observable<string | null>): OperatorFunction<A, [A, string]> {
  return (source: Observable<A>) =>
    source.pipe(
      withLatestFrom(patientId$),
      filter((pair): pair is [A, string] => pair[1] !== null),
    );
}

const LOAD = [CasePageActions.opened, CasePageActions.retryClicked, CasePageActions.reloadClicked] as const;

/** The record, when the page opens, on Retry, and on Reload after a conflict. A newer load cancels an older one. */
export const loadPatient = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(...LOAD),
      withPatientId(store.select(caseFeature.selectPatientId)),
      switchMap(([, patientId]) =>
        api.getPatient(patientId).pipe(
          map((patient) => CaseApiActions.patientLoadSucceeded({ patient })),
          catchError((error: unknown) =>
            of(
              CaseApiActions.patientLoadFailed({
                patientId,
                status: error instanceof ApiError ? error.status : 0,
                error: errorMessage(error),
              }),
            ),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

export const loadCauses = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(...LOAD),
      withPatientId(store.select(caseFeature.selectPatientId)),
      switchMap(([, patientId]) =>
        api.listCauses(patientId).pipe(
          map((causes) => CaseApiActions.causesLoadSucceeded({ patientId, causes })),
          catchError((error: unknown) => of(CaseApiActions.causesLoadFailed({ patientId, error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

export const loadNotes = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(...LOAD),
      withPatientId(store.select(caseFeature.selectPatientId)),
      switchMap(([, patientId]) =>
        api.listNotes(patientId).pipe(
          map((notes) => CaseApiActions.notesLoadSucceeded({ patientId, notes })),
          catchError((error: unknown) => of(CaseApiActions.notesLoadFailed({ patientId, error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Who can be assigned (once per visit to the feature; the list changes rarely). */
export const loadClinicians = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.opened, CasePageActions.retryClicked),
      withLatestFrom(store.select(caseFeature.selectClinicians)),
      filter(([, clinicians]) => clinicians === null),
      exhaustMap(() =>
        api.listClinicians().pipe(
          map((clinicians) => CaseApiActions.cliniciansLoadSucceeded({ clinicians })),
          catchError((error: unknown) => of(CaseApiActions.cliniciansLoadFailed({ error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Saves details and assignment (one save at a time: the button is busy until it ends). */
export const saveDetails = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.detailsSubmitted),
      withPatientId(store.select(caseFeature.selectPatientId)),
      exhaustMap(([{ body }, patientId]) =>
        api.updatePatient(patientId, body).pipe(
          map((patient) => CaseApiActions.detailsSaveSucceeded({ patient })),
          catchError((error: unknown) => of(CaseApiActions.detailsSaveFailed({ failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

export const changeStatus = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.statusChangeSubmitted),
      withPatientId(store.select(caseFeature.selectPatientId)),
      exhaustMap(([{ body }, patientId]) =>
        api.changeStatus(patientId, body).pipe(
          map((patient) => CaseApiActions.statusChangeSucceeded({ patient })),
          catchError((error: unknown) => of(CaseApiActions.statusChangeFailed({ failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

export const addCause = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.causeSubmitted),
      withPatientId(store.select(caseFeature.selectPatientId)),
      exhaustMap(([{ body, idempotencyKey }, patientId]) =>
        api.addCause(patientId, body, idempotencyKey).pipe(
          map((cause) => CaseApiActions.causeAddSucceeded({ cause })),
          catchError((error: unknown) => of(CaseApiActions.causeAddFailed({ failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Each tag saves on its own: changes to two different tags run side by side. */
export const updateCause = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.causeUpdateSubmitted),
      withPatientId(store.select(caseFeature.selectPatientId)),
      mergeMap(([{ causeId, body }, patientId]) =>
        api.updateCause(patientId, causeId, body).pipe(
          map((cause) => CaseApiActions.causeUpdateSucceeded({ cause })),
          catchError((error: unknown) => of(CaseApiActions.causeUpdateFailed({ causeId, failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

export const causeEnteredInError = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.causeEnteredInErrorSubmitted),
      withPatientId(store.select(caseFeature.selectPatientId)),
      mergeMap(([{ causeId, body }, patientId]) =>
        api.causeEnteredInError(patientId, causeId, body).pipe(
          map(() => CaseApiActions.causeEnteredInErrorSucceeded({ causeId })),
          catchError((error: unknown) => of(CaseApiActions.causeEnteredInErrorFailed({ causeId, failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

export const addNote = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.noteSubmitted),
      withPatientId(store.select(caseFeature.selectPatientId)),
      exhaustMap(([{ body, idempotencyKey }, patientId]) =>
        api.addNote(patientId, body, idempotencyKey).pipe(
          map((note) => CaseApiActions.noteAddSucceeded({ note })),
          catchError((error: unknown) => of(CaseApiActions.noteAddFailed({ failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

export const noteEnteredInError = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(CaseApi)) => {
    return actions$.pipe(
      ofType(CasePageActions.noteEnteredInErrorSubmitted),
      withPatientId(store.select(caseFeature.selectPatientId)),
      mergeMap(([{ noteId, body }, patientId]) =>
        api.noteEnteredInError(patientId, noteId, body).pipe(
          map((note) => CaseApiActions.noteEnteredInErrorSucceeded({ note })),
          catchError((error: unknown) => of(CaseApiActions.noteEnteredInErrorFailed({ noteId, failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

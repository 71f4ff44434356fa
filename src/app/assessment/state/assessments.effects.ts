import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { catchError, concat, exhaustMap, filter, map, merge, mergeMap, of, switchMap, tap, withLatestFrom } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { pathOf } from '../../core/http/api-url';
import { AssessmentsApi } from '../assessments-api';
import { AssessmentOutbox, type SubmitOutcome } from '../outbox/assessment-outbox';
import { AssessmentsApiActions } from './assessments-api.actions';
import { assessmentsFeature } from './assessments.feature';
import { CasePainPanelActions } from './case-pain-panel.actions';
import { failureOf } from './failure';
import { OutboxActions } from './outbox.actions';
import { RecordAssessmentPageActions } from './record-assessment-page.actions';

/** The record form's header: the patient's name and MRN. */
export const loadRecordPatient = createEffect(
  (actions$ = inject(Actions), api = inject(AssessmentsApi)) => {
    return actions$.pipe(
      ofType(RecordAssessmentPageActions.opened, RecordAssessmentPageActions.retryClicked),
      switchMap(({ patientId }) =>
        api.patient(patientId).pipe(
          map((patient) => AssessmentsApiActions.patientLoaded({ patient })),
          catchError((error: unknown) => of(AssessmentsApiActions.patientLoadFailed({ patientId, error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** The case panel's data: assessments (required), red-flag alerts and treatment plans (each on its own). */
export const loadPatientData = createEffect(
  (actions$ = inject(Actions), api = inject(AssessmentsApi)) => {
    return actions$.pipe(
      ofType(CasePainPanelActions.opened, CasePainPanelActions.retryClicked),
      switchMap(({ patientId }) =>
        concat(
          of(AssessmentsApiActions.assessmentsLoadStarted({ patientId })),
          merge(
            api.list(patientId).pipe(
              map((assessments) => AssessmentsApiActions.assessmentsLoaded({ patientId, assessments })),
              catchError((error: unknown) => of(AssessmentsApiActions.assessmentsLoadFailed({ patientId, error: errorMessage(error) }))),
            ),
            api.redFlags(patientId).pipe(
              map((alerts) => AssessmentsApiActions.redFlagsLoaded({ patientId, alerts })),
              catchError((error: unknown) => of(AssessmentsApiActions.redFlagsLoadFailed({ patientId, error: errorMessage(error) }))),
            ),
            api.plans(patientId).pipe(
              map((plans) => AssessmentsApiActions.plansLoaded({ patientId, plans })),
              catchError((error: unknown) => of(AssessmentsApiActions.plansLoadFailed({ patientId, error: errorMessage(error) }))),
            ),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

/**
 * After a change that the loaded lists do not show by themselves: a saved entry whose answer could not
 * be read (reload the list), a new red flag (reload the alerts), an entry marked entered-in-error (its
 * alert is closed by the server), an acknowledgement that was stale (someone else acknowledged).
 */
export const reloadAfterChange = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(AssessmentsApi)) => {
    const changed = merge(
      actions$.pipe(
        ofType(AssessmentsApiActions.createSucceeded, OutboxActions.delivered),
        map(({ patientId, assessment }) => ({
          patientId,
          list: assessment === null,
          alerts: assessment === null || assessment.redFlags.length > 0,
        })),
      ),
      actions$.pipe(
        ofType(AssessmentsApiActions.enteredInErrorSucceeded),
        map(({ assessment }) => ({ patientId: assessment.patientId, list: false, alerts: true })),
      ),
      actions$.pipe(
        ofType(AssessmentsApiActions.acknowledgeFailed),
        filter(({ failure }) => failure.status === 409 || failure.status === 422),
        withLatestFrom(store.select(assessmentsFeature.selectPatientId)),
        map(([, patientId]) => ({ patientId: patientId ?? '', list: false, alerts: true })),
      ),
    );
    return changed.pipe(
      withLatestFrom(store.select(assessmentsFeature.selectPatientId)),
      filter(([change, loaded]) => change.patientId === loaded && (change.list || change.alerts)),
      mergeMap(([{ patientId, list, alerts }]) =>
        merge(
          list
            ? api.list(patientId).pipe(
                map((assessments) => AssessmentsApiActions.assessmentsLoaded({ patientId, assessments })),
                catchError((error: unknown) => of(AssessmentsApiActions.assessmentsLoadFailed({ patientId, error: errorMessage(error) }))),
              )
            : of(),
          alerts
            ? api.redFlags(patientId).pipe(
                map((items) => AssessmentsApiActions.redFlagsLoaded({ patientId, alerts: items })),
                catchError((error: unknown) => of(AssessmentsApiActions.redFlagsLoadFailed({ patientId, error: errorMessage(error) }))),
              )
            : of(),
        ),
      ),
    );
  },
  { functional: true },
);

function outcomeAction(patientId: string, patientLabel: string, returnUrl: string, outcome: SubmitOutcome) {
  switch (outcome.kind) {
    case 'saved':
      return AssessmentsApiActions.createSucceeded({
        patientId,
        patientLabel,
        key: outcome.key,
        assessment: outcome.assessment,
        returnUrl,
      });
    case 'queued':
      return AssessmentsApiActions.createQueued({ patientId, key: outcome.key, reason: outcome.reason });
    case 'rejected':
      return AssessmentsApiActions.createRejected({
        patientId,
        key: outcome.key,
        failure: { status: outcome.refusal.status, message: outcome.refusal.message, fieldErrors: outcome.refusal.fieldErrors },
      });
  }
}

/** Stores the submission in the outbox and sends it; one at a time (a double Enter sends once). */
export const submitAssessment = createEffect(
  (actions$ = inject(Actions), outbox = inject(AssessmentOutbox)) => {
    return actions$.pipe(
      ofType(RecordAssessmentPageActions.submitted),
      exhaustMap(({ patientId, patientLabel, body, returnUrl }) =>
        outbox.submit(patientId, patientLabel, body).pipe(
          map((outcome) => outcomeAction(patientId, patientLabel, returnUrl, outcome)),
          catchError((error: unknown) => of(AssessmentsApiActions.createRejected({ patientId, key: '', failure: failureOf(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Entries the outbox sent later reach the store (the chart shows them without a reload). */
export const deliverFromOutbox = createEffect(
  (outbox = inject(AssessmentOutbox)) => {
    return outbox.delivered$.pipe(
      map(({ entry, assessment }) =>
        OutboxActions.delivered({ patientId: entry.patientId, patientLabel: entry.patientLabel, key: entry.key, assessment }),
      ),
    );
  },
  { functional: true },
);

/** Back to where the user came from once the server has the assessment (if still on the form). */
export const returnAfterSave = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) => {
    return actions$.pipe(
      ofType(AssessmentsApiActions.createSucceeded),
      tap(({ patientId, returnUrl }) => {
        if (returnUrl && pathOf(router.url) === `/patients/${patientId}/assess`) void router.navigateByUrl(returnUrl);
      }),
    );
  },
  { functional: true, dispatch: false },
);

/** "Saved" is said only after the server's 201, including for entries the outbox sent later. */
export const announceSaved = createEffect(
  (actions$ = inject(Actions), snackBar = inject(MatSnackBar)) => {
    return merge(
      actions$.pipe(
        ofType(AssessmentsApiActions.createSucceeded),
        map(({ patientLabel }) => `Assessment saved for ${patientLabel}.`),
      ),
      actions$.pipe(
        ofType(OutboxActions.delivered),
        map(({ patientLabel }) => `Pending assessment for ${patientLabel} sent and saved.`),
      ),
    ).pipe(
      tap((message) => {
        snackBar.open(message, 'Dismiss', { duration: 8_000, politeness: 'polite' });
      }),
    );
  },
  { functional: true, dispatch: false },
);

export const markEnteredInError = createEffect(
  (actions$ = inject(Actions), api = inject(AssessmentsApi)) => {
    return actions$.pipe(
      ofType(CasePainPanelActions.enteredInErrorSubmitted),
      exhaustMap(({ patientId, assessmentId, body }) =>
        api.markEnteredInError(patientId, assessmentId, body).pipe(
          map((assessment) => AssessmentsApiActions.enteredInErrorSucceeded({ assessment })),
          catchError((error: unknown) => of(AssessmentsApiActions.enteredInErrorFailed({ assessmentId, failure: failureOf(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

export const acknowledgeRedFlag = createEffect(
  (actions$ = inject(Actions), api = inject(AssessmentsApi)) => {
    return actions$.pipe(
      ofType(CasePainPanelActions.acknowledgeSubmitted),
      exhaustMap(({ patientId, alertId, body }) =>
        api.acknowledge(patientId, alertId, body).pipe(
          map((alert) => AssessmentsApiActions.acknowledgeSucceeded({ alert })),
          catchError((error: unknown) => of(AssessmentsApiActions.acknowledgeFailed({ alertId, failure: failureOf(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

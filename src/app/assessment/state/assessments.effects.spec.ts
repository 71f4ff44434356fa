import type { MatSnackBar } from '@angular/material/snack-bar';
import type { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import type { Action, Store } from '@ngrx/store';
import { type Observable, Subject, of, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import type { AssessmentsApi } from '../assessments-api';
import type { AssessmentOutbox, Delivery, SubmitOutcome } from '../outbox/assessment-outbox';
import type { OutboxEntry } from '../outbox/outbox-storage';
import { PATIENT_ID, aPatientRecord, anAlert, anAssessment } from '../testing/builders';
import { AssessmentsApiActions } from './assessments-api.actions';
import * as effects from './assessments.effects';
import { assessmentsFeature } from './assessments.feature';
import { CasePainPanelActions } from './case-pain-panel.actions';
import { OutboxActions } from './outbox.actions';
import { RecordAssessmentPageActions } from './record-assessment-page.actions';

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

function actionsOf(...actions: Action[]): Actions {
  return new Actions(of(...actions));
}

function storeFor(patientId: string | null): Store {
  return {
    select: (selector: unknown) => {
      if (selector === assessmentsFeature.selectPatientId) return of(patientId);
      throw new Error('unexpected selector');
    },
  } as unknown as Store;
}

describe('assessments effects', () => {
  let api: jasmine.SpyObj<AssessmentsApi>;

  beforeEach(() => {
    api = jasmine.createSpyObj<AssessmentsApi>('AssessmentsApi', [
      'list',
      'create',
      'markEnteredInError',
      'redFlags',
      'acknowledge',
      'patient',
      'plans',
    ]);
  });

  it('loads the form’s patient header', () => {
    api.patient.and.returnValue(of(aPatientRecord()));
    expect(collect(effects.loadRecordPatient(actionsOf(RecordAssessmentPageActions.opened({ patientId: PATIENT_ID })), api))).toEqual([
      AssessmentsApiActions.patientLoaded({ patient: aPatientRecord() }),
    ]);
  });

  it('loads the panel’s assessments, red flags and plans, each failing on its own', () => {
    const assessment = anAssessment();
    api.list.and.returnValue(of([assessment]));
    api.redFlags.and.returnValue(throwError(() => new ApiError(0, null, null)));
    api.plans.and.returnValue(of([]));
    expect(collect(effects.loadPatientData(actionsOf(CasePainPanelActions.opened({ patientId: PATIENT_ID })), api))).toEqual([
      AssessmentsApiActions.assessmentsLoadStarted({ patientId: PATIENT_ID }),
      AssessmentsApiActions.assessmentsLoaded({ patientId: PATIENT_ID, assessments: [assessment] }),
      AssessmentsApiActions.redFlagsLoadFailed({ patientId: PATIENT_ID, error: NETWORK_ERROR_MESSAGE }),
      AssessmentsApiActions.plansLoaded({ patientId: PATIENT_ID, plans: [] }),
    ]);
  });

  describe('submitting', () => {
    const submitted = RecordAssessmentPageActions.submitted({
      patientId: PATIENT_ID,
      patientLabel: 'Okafor, Ada (MRN MRN-77)',
      body: { backNrs: 7, legNrs: 8 },
      returnUrl: '/worklist',
    });

    function outboxAnswering(outcome: SubmitOutcome): jasmine.SpyObj<AssessmentOutbox> {
      const outbox = jasmine.createSpyObj<AssessmentOutbox>('AssessmentOutbox', ['submit']);
      outbox.submit.and.returnValue(of(outcome));
      return outbox;
    }

    it('sends through the outbox and says saved only for the server’s answer', () => {
      const assessment = anAssessment();
      const outbox = outboxAnswering({ kind: 'saved', key: 'k', assessment });
      expect(collect(effects.submitAssessment(actionsOf(submitted), outbox))).toEqual([
        AssessmentsApiActions.createSucceeded({
          patientId: PATIENT_ID,
          patientLabel: 'Okafor, Ada (MRN MRN-77)',
          key: 'k',
          assessment,
          returnUrl: '/worklist',
        }),
      ]);
      expect(outbox.submit).toHaveBeenCalledOnceWith(PATIENT_ID, 'Okafor, Ada (MRN MRN-77)', { backNrs: 7, legNrs: 8 });
    });

    it('reports a queued entry as queued', () => {
      const outbox = outboxAnswering({ kind: 'queued', key: 'k', reason: NETWORK_ERROR_MESSAGE });
      expect(collect(effects.submitAssessment(actionsOf(submitted), outbox))).toEqual([
        AssessmentsApiActions.createQueued({ patientId: PATIENT_ID, key: 'k', reason: NETWORK_ERROR_MESSAGE }),
      ]);
    });

    it('sends one submission at a time (a second Enter while sending is ignored)', () => {
      const answer = new Subject<SubmitOutcome>();
      const outbox = jasmine.createSpyObj<AssessmentOutbox>('AssessmentOutbox', ['submit']);
      outbox.submit.and.returnValue(answer);
      const actions = new Subject<Action>();
      collect(effects.submitAssessment(new Actions(actions), outbox));
      actions.next(submitted);
      actions.next(submitted);
      expect(outbox.submit).toHaveBeenCalledTimes(1);
    });

    it('turns the outbox’s later deliveries into actions', () => {
      const deliveries = new Subject<Delivery>();
      const outbox = { delivered$: deliveries.asObservable() } as unknown as AssessmentOutbox;
      const out = collect(effects.deliverFromOutbox(outbox));
      const assessment = anAssessment();
      deliveries.next({ entry: { key: 'k', patientId: PATIENT_ID, patientLabel: 'Okafor, Ada' } as OutboxEntry, assessment });
      expect(out).toEqual([OutboxActions.delivered({ patientId: PATIENT_ID, patientLabel: 'Okafor, Ada', key: 'k', assessment })]);
    });

    it('goes back where the user came from once saved, if still on the form', () => {
      const router = jasmine.createSpyObj<Router>('Router', ['navigateByUrl'], {
        url: `/patients/${PATIENT_ID}/assess?returnUrl=%2Fworklist`,
      });
      router.navigateByUrl.and.resolveTo(true);
      const saved = AssessmentsApiActions.createSucceeded({
        patientId: PATIENT_ID,
        patientLabel: 'x',
        key: 'k',
        assessment: anAssessment(),
        returnUrl: '/worklist',
      });
      collect(effects.returnAfterSave(actionsOf(saved), router));
      expect(router.navigateByUrl).toHaveBeenCalledOnceWith('/worklist');

      const elsewhere = jasmine.createSpyObj<Router>('Router', ['navigateByUrl'], { url: '/worklist' });
      collect(effects.returnAfterSave(actionsOf(saved), elsewhere));
      expect(elsewhere.navigateByUrl).not.toHaveBeenCalled();
    });

    it('announces saves only after the server has them', () => {
      const snackBar = jasmine.createSpyObj<MatSnackBar>('MatSnackBar', ['open']);
      collect(
        effects.announceSaved(
          actionsOf(
            AssessmentsApiActions.createQueued({ patientId: PATIENT_ID, key: 'k', reason: 'Offline' }),
            OutboxActions.delivered({ patientId: PATIENT_ID, patientLabel: 'Okafor, Ada', key: 'k', assessment: anAssessment() }),
          ),
          snackBar,
        ),
      );
      expect(snackBar.open).toHaveBeenCalledOnceWith('Pending assessment for Okafor, Ada sent and saved.', 'Dismiss', jasmine.any(Object));
    });
  });

  it('reloads the red flags after an entry that raised one', () => {
    const alert = anAlert();
    api.redFlags.and.returnValue(of([alert]));
    const saved = AssessmentsApiActions.createSucceeded({
      patientId: PATIENT_ID,
      patientLabel: 'x',
      key: 'k',
      assessment: anAssessment({ redFlagsScreened: true, redFlags: ['fever'] }),
      returnUrl: null,
    });
    expect(collect(effects.reloadAfterChange(actionsOf(saved), storeFor(PATIENT_ID), api))).toEqual([
      AssessmentsApiActions.redFlagsLoaded({ patientId: PATIENT_ID, alerts: [alert] }),
    ]);
    expect(collect(effects.reloadAfterChange(actionsOf(saved), storeFor(null), api))).toEqual([]);
  });

  it('marks an assessment entered in error and acknowledges red flags', () => {
    const entry = anAssessment({ enteredInError: true, enteredInErrorReason: 'Wrong patient', version: 2 });
    api.markEnteredInError.and.returnValue(of(entry));
    expect(
      collect(
        effects.markEnteredInError(
          actionsOf(
            CasePainPanelActions.enteredInErrorSubmitted({
              patientId: PATIENT_ID,
              assessmentId: entry.id,
              body: { version: 1, reason: 'Wrong patient' },
            }),
          ),
          api,
        ),
      ),
    ).toEqual([AssessmentsApiActions.enteredInErrorSucceeded({ assessment: entry })]);
    const alert = anAlert();
    api.acknowledge.and.returnValue(throwError(() => new ApiError(403, null, null)));
    expect(
      collect(
        effects.acknowledgeRedFlag(
          actionsOf(
            CasePainPanelActions.acknowledgeSubmitted({
              patientId: PATIENT_ID,
              alertId: alert.id,
              body: { version: 1, actionTaken: 'MRI booked' },
            }),
          ),
          api,
        ),
      ),
    ).toEqual([
      AssessmentsApiActions.acknowledgeFailed({
        alertId: alert.id,
        failure: { status: 403, message: 'The request failed (HTTP 403).', fieldErrors: [] },
      }),
    ]);
  });
});

import { PATIENT_ID, aPatientRecord, anAlert, anAssessment } from '../testing/builders';
import { AssessmentsApiActions } from './assessments-api.actions';
import { type AssessmentsState, assessmentsFeature, initialAssessmentsState } from './assessments.feature';
import { CasePainPanelActions } from './case-pain-panel.actions';
import { OutboxActions } from './outbox.actions';
import { RecordAssessmentPageActions } from './record-assessment-page.actions';

const OTHER_PATIENT = '00000000-0000-4000-8000-0000000000b2';

describe('assessmentsFeature', () => {
  const { reducer } = assessmentsFeature;
  const root = (state: AssessmentsState) => ({ assessments: state });

  function loaded(...assessments: ReturnType<typeof anAssessment>[]): AssessmentsState {
    const opened = reducer(initialAssessmentsState, CasePainPanelActions.opened({ patientId: PATIENT_ID }));
    return reducer(opened, AssessmentsApiActions.assessmentsLoaded({ patientId: PATIENT_ID, assessments }));
  }

  it('keeps the assessments oldest first and tells valid ones from those entered in error', () => {
    const late = anAssessment({ recordedAt: '2026-05-02T09:00:00.000Z' });
    const early = anAssessment({ recordedAt: '2026-05-01T09:00:00.000Z' });
    const retracted = anAssessment({ recordedAt: '2026-05-03T09:00:00.000Z', enteredInError: true });
    const state = root(loaded(late, retracted, early));
    expect(assessmentsFeature.selectAll(state).map((a) => a.id)).toEqual([early.id, late.id, retracted.id]);
    expect(assessmentsFeature.selectValid(state).map((a) => a.id)).toEqual([early.id, late.id]);
    expect(assessmentsFeature.selectEnteredInError(state).map((a) => a.id)).toEqual([retracted.id]);
    expect(assessmentsFeature.selectLatest(state)?.id).toBe(late.id);
  });

  it("drops another patient's data when a patient's panel opens", () => {
    const state = reducer(loaded(anAssessment()), CasePainPanelActions.opened({ patientId: OTHER_PATIENT }));
    expect(state.patientId).toBe(OTHER_PATIENT);
    expect(state.ids).toEqual([]);
    expect(state.alerts).toBeNull();
  });

  it('ignores answers for a patient no longer shown', () => {
    const state = loaded();
    expect(reducer(state, AssessmentsApiActions.assessmentsLoaded({ patientId: OTHER_PATIENT, assessments: [anAssessment()] }))).toBe(
      state,
    );
  });

  it('adds a saved assessment to the chart without a reload, whether sent at once or later from the outbox', () => {
    const first = anAssessment();
    const later = anAssessment({ recordedAt: '2026-05-05T09:00:00.000Z' });
    let state = reducer(
      loaded(),
      RecordAssessmentPageActions.submitted({ patientId: PATIENT_ID, patientLabel: 'x', body: {}, returnUrl: '/' }),
    );
    expect(state.submission.status).toBe('sending');
    state = reducer(
      state,
      AssessmentsApiActions.createSucceeded({ patientId: PATIENT_ID, patientLabel: 'x', key: 'k1', assessment: first, returnUrl: '/' }),
    );
    expect(state.submission).toEqual({ key: 'k1', status: 'saved', message: null, failure: null });
    state = reducer(state, OutboxActions.delivered({ patientId: PATIENT_ID, patientLabel: 'x', key: 'k2', assessment: later }));
    expect(state.ids).toEqual([first.id, later.id]);
  });

  it('turns a queued submission into saved when the outbox delivers it', () => {
    let state = reducer(loaded(), AssessmentsApiActions.createQueued({ patientId: PATIENT_ID, key: 'k', reason: 'Offline' }));
    expect(state.submission.status).toBe('queued');
    state = reducer(state, OutboxActions.delivered({ patientId: PATIENT_ID, patientLabel: 'x', key: 'k', assessment: anAssessment() }));
    expect(state.submission.status).toBe('saved');
  });

  it('keeps the refusal of a submission with its field errors', () => {
    const failure = { status: 400, message: 'Check the highlighted fields.', fieldErrors: [{ path: 'legNrs', message: 'Enter both' }] };
    const state = reducer(loaded(), AssessmentsApiActions.createRejected({ patientId: PATIENT_ID, key: 'k', failure }));
    expect(state.submission).toEqual({ key: 'k', status: 'rejected', message: failure.message, failure });
  });

  it('lists open red flags and closes one once acknowledged', () => {
    const open = anAlert();
    const other = anAlert({ acknowledgedAt: '2026-05-02T09:00:00.000Z', actionTaken: 'Seen' });
    let state = reducer(loaded(), AssessmentsApiActions.redFlagsLoaded({ patientId: PATIENT_ID, alerts: [open, other] }));
    expect(assessmentsFeature.selectOpenAlerts(root(state)).map((a) => a.id)).toEqual([open.id]);
    state = reducer(
      state,
      CasePainPanelActions.acknowledgeSubmitted({
        patientId: PATIENT_ID,
        alertId: open.id,
        body: { version: 1, actionTaken: 'MRI booked' },
      }),
    );
    expect(state.acknowledgement.pending).toBeTrue();
    state = reducer(
      state,
      AssessmentsApiActions.acknowledgeSucceeded({ alert: { ...open, acknowledgedAt: '2026-05-02T10:00:00.000Z', version: 2 } }),
    );
    expect(assessmentsFeature.selectOpenAlerts(root(state))).toEqual([]);
    expect(state.acknowledgement.done).toBe(1);
  });

  it('replaces an assessment marked entered in error (it leaves the chart, stays in the record)', () => {
    const entry = anAssessment();
    const state = reducer(
      loaded(entry),
      AssessmentsApiActions.enteredInErrorSucceeded({
        assessment: { ...entry, enteredInError: true, enteredInErrorReason: 'Wrong patient', version: 2 },
      }),
    );
    expect(assessmentsFeature.selectValid(root(state))).toEqual([]);
    expect(assessmentsFeature.selectEnteredInError(root(state))[0].enteredInErrorReason).toBe('Wrong patient');
    expect(state.retraction.done).toBe(1);
  });

  it('keeps the form’s patient header for the same patient and clears the submission when the form opens', () => {
    const patient = aPatientRecord();
    let state = reducer(initialAssessmentsState, AssessmentsApiActions.patientLoaded({ patient }));
    state = reducer(state, AssessmentsApiActions.createQueued({ patientId: PATIENT_ID, key: 'k', reason: 'Offline' }));
    state = reducer(state, RecordAssessmentPageActions.opened({ patientId: PATIENT_ID }));
    expect(state.patient).toBe(patient);
    expect(state.submission.status).toBe('idle');
    expect(reducer(state, RecordAssessmentPageActions.opened({ patientId: OTHER_PATIENT })).patient).toBeNull();
  });
});

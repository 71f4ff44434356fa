import { PlansApiActions } from '../../treatment-plan/state/plans-api.actions';
import { treatmentAnnotations } from '../case-pain-panel/pain-chart-data';
import { PATIENT_ID, aPatientRecord, aPlan, aPlanItem, anAlert, anAssessment } from '../testing/builders';
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
  describe('treatment plans saved in the plan panel (the chart follows without a reload)', () => {
    const physio = aPlanItem({ treatmentCode: 'PHYSIO', startedOn: '2026-03-01' });
    const plan = aPlan([physio]);

    function withPlans(...plans: ReturnType<typeof aPlan>[]): AssessmentsState {
      return reducer(loaded(), AssessmentsApiActions.plansLoaded({ patientId: PATIENT_ID, plans }));
    }
    const annotated = (state: AssessmentsState) =>
      treatmentAnnotations(assessmentsFeature.selectPlans(root(state)) ?? []).map((a) => [a.label, a.start, a.end]);

    it('adds a treatment added to the plan', () => {
      const trial = aPlanItem({ planId: plan.id, treatmentCode: 'SCS-TRIAL', status: 'planned', startedOn: null });
      let state = reducer(
        withPlans(plan),
        PlansApiActions.planSaved({ requestId: 'r1', patientId: PATIENT_ID, plan: { ...plan, items: [physio, trial] } }),
      );
      expect(assessmentsFeature.selectPlans(root(state))?.[0]?.items.length).toBe(2);
      expect(annotated(state)).toEqual([['Physiotherapy / exercise rehabilitation', '2026-03-01', null]]);
      // Started: it is drawn from its start date.
      const started = { ...trial, status: 'active' as const, startedOn: '2026-05-10', version: 2 };
      state = reducer(
        state,
        PlansApiActions.planSaved({ requestId: 'r2', patientId: PATIENT_ID, plan: { ...plan, items: [physio, started] } }),
      );
      expect(annotated(state)).toEqual([
        ['Physiotherapy / exercise rehabilitation', '2026-03-01', null],
        ['Spinal cord stimulation trial', '2026-05-10', null],
      ]);
    });

    it('follows a status change and a recorded trial result', () => {
      const trial = aPlanItem({ planId: plan.id, treatmentCode: 'SCS-TRIAL', startedOn: '2026-05-10' });
      const state = withPlans({ ...plan, items: [physio, trial] });
      const stopped = { ...physio, status: 'stopped' as const, endedOn: '2026-05-20', stopReason: 'No benefit', version: 2 };
      const result = {
        ...trial,
        status: 'completed' as const,
        endedOn: '2026-05-17',
        trialReliefPct: 60,
        trialDecision: 'success' as const,
        version: 2,
      };
      const after = reducer(
        state,
        PlansApiActions.planSaved({ requestId: 'r1', patientId: PATIENT_ID, plan: { ...plan, items: [stopped, result] } }),
      );
      expect(annotated(after)).toEqual([
        ['Physiotherapy / exercise rehabilitation', '2026-03-01', '2026-05-20'],
        ['Spinal cord stimulation trial', '2026-05-10', '2026-05-17'],
      ]);
      expect(assessmentsFeature.selectPlans(root(after))?.[0]?.items[1]?.trialDecision).toBe('success');
    });

    it('adds a new plan, then takes the reloaded list (the replaced plan as history)', () => {
      const next = aPlan([], { createdAt: '2026-05-01T09:00:00.000Z' });
      let state = reducer(withPlans(plan), PlansApiActions.planCreated({ requestId: 'r1', patientId: PATIENT_ID, plan: next }));
      expect(assessmentsFeature.selectPlans(root(state))?.map((p) => p.id)).toEqual([next.id, plan.id]);
      const history = { ...plan, status: 'completed' as const, version: 2 };
      state = reducer(state, PlansApiActions.plansLoadSucceeded({ patientId: PATIENT_ID, plans: [next, history] }));
      expect(assessmentsFeature.selectPlans(root(state))).toEqual([next, history]);
      expect(annotated(state)).toEqual([['Physiotherapy / exercise rehabilitation', '2026-03-01', null]]);
    });

    it("recovers the chart's treatments when the plan panel loads them after the panel's own request failed", () => {
      const failed = reducer(loaded(), AssessmentsApiActions.plansLoadFailed({ patientId: PATIENT_ID, error: 'Server down' }));
      expect(reducer(failed, PlansApiActions.planSaved({ requestId: 'r1', patientId: PATIENT_ID, plan }))).toBe(failed);
      const state = reducer(failed, PlansApiActions.plansLoadSucceeded({ patientId: PATIENT_ID, plans: [plan] }));
      expect(state.plans).toEqual([plan]);
      expect(state.plansError).toBeNull();
    });

    it("ignores another patient's plans", () => {
      const state = withPlans(plan);
      const theirs = aPlan([aPlanItem()], { patientId: OTHER_PATIENT });
      expect(reducer(state, PlansApiActions.planSaved({ requestId: 'r1', patientId: OTHER_PATIENT, plan: theirs }))).toBe(state);
      expect(reducer(state, PlansApiActions.planCreated({ requestId: 'r1', patientId: OTHER_PATIENT, plan: theirs }))).toBe(state);
      expect(reducer(state, PlansApiActions.plansLoadSucceeded({ patientId: OTHER_PATIENT, plans: [theirs] }))).toBe(state);
    });
  });
});

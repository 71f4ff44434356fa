import { CLINICIANS, aCase, aCauseTag, aNote } from '../case-fixtures';
import { IDLE_OPERATION, type SaveFailure } from '../operation';
import { CaseApiActions } from './case-api.actions';
import { CasePageActions } from './case-page.actions';
import { type CaseState, caseFeature, initialCaseState } from './case.feature';

describe('caseFeature', () => {
  const { reducer } = caseFeature;
  const patient = aCase();
  const failure = (status: number, extra: Partial<SaveFailure> = {}): SaveFailure => ({
    status,
    message: `failed ${String(status)}`,
    fieldErrors: [],
    current: null,
    ...extra,
  });

  function opened(): CaseState {
    let state = reducer(initialCaseState, CasePageActions.opened({ patientId: patient.id }));
    state = reducer(state, CaseApiActions.patientLoadSucceeded({ patient }));
    return state;
  }

  const root = (state: CaseState) => ({ case: state });

  it('starts empty', () => {
    expect(reducer(undefined, { type: '@@init' })).toEqual(initialCaseState);
  });

  it('loads the record, causes and notes of the patient it opened', () => {
    let state = reducer(initialCaseState, CasePageActions.opened({ patientId: patient.id }));
    expect(state.loading).toBeTrue();
    expect(state.causesLoading).toBeTrue();
    state = reducer(state, CaseApiActions.patientLoadSucceeded({ patient }));
    const psa = aCauseTag({ code: 'POST-PSA' });
    const dx = aCauseTag({ code: 'PRE-DX' });
    state = reducer(state, CaseApiActions.causesLoadSucceeded({ patientId: patient.id, causes: [psa, dx] }));
    state = reducer(state, CaseApiActions.notesLoadSucceeded({ patientId: patient.id, notes: [aNote()] }));
    expect(state.patient).toEqual(patient);
    expect(state.loading).toBeFalse();
    // Catalogue order: pre-operative causes first.
    expect(caseFeature.selectCauses(root(state)).map((c) => c.code)).toEqual(['PRE-DX', 'POST-PSA']);
    expect(state.notes?.length).toBe(1);
  });

  it('never shows the previous patient while another opens, and ignores late answers for them', () => {
    const other = aCase();
    let state = reducer(opened(), CasePageActions.opened({ patientId: other.id }));
    expect(state.patient).toBeNull();
    state = reducer(state, CaseApiActions.patientLoadSucceeded({ patient }));
    expect(state.patient).toBeNull();
    state = reducer(state, CaseApiActions.causesLoadSucceeded({ patientId: patient.id, causes: [aCauseTag()] }));
    expect(caseFeature.selectCauseCount(root(state))).toBe(0);
  });

  it('keeps the clinicians across patients', () => {
    let state = reducer(opened(), CaseApiActions.cliniciansLoadSucceeded({ clinicians: CLINICIANS }));
    state = reducer(state, CasePageActions.opened({ patientId: aCase().id }));
    expect(state.clinicians).toEqual(CLINICIANS);
  });

  it('tells a missing patient (404) from a failed load', () => {
    let state = reducer(initialCaseState, CasePageActions.opened({ patientId: patient.id }));
    state = reducer(state, CaseApiActions.patientLoadFailed({ patientId: patient.id, status: 404, error: 'No such patient.' }));
    expect(state.notFound).toBeTrue();
    state = reducer(state, CasePageActions.retryClicked());
    state = reducer(state, CaseApiActions.patientLoadFailed({ patientId: patient.id, status: 0, error: 'Offline' }));
    expect(state.notFound).toBeFalse();
    expect(state.error).toBe('Offline');
  });

  it('saves details: pending, then the new record and a saved count', () => {
    let state = reducer(opened(), CasePageActions.detailsSubmitted({ body: { version: 3, phone: '1' } }));
    expect(caseFeature.selectDetailsOperation(root(state)).pending).toBeTrue();
    const saved = { ...patient, phone: '1', version: 4 };
    state = reducer(state, CaseApiActions.detailsSaveSucceeded({ patient: saved }));
    expect(state.patient).toEqual(saved);
    expect(caseFeature.selectDetailsOperation(root(state))).toEqual({ ...IDLE_OPERATION, saved: 1 });
  });

  it('keeps field errors of a 400 for the form', () => {
    let state = reducer(opened(), CasePageActions.detailsSubmitted({ body: { version: 3, email: 'x' } }));
    state = reducer(
      state,
      CaseApiActions.detailsSaveFailed({ failure: failure(400, { fieldErrors: [{ path: 'email', message: 'Invalid email' }] }) }),
    );
    expect(caseFeature.selectDetailsOperation(root(state)).fieldErrors).toEqual([{ path: 'email', message: 'Invalid email' }]);
  });

  it('turns a 409 into a conflict saying who changed what; the record on screen stays as it was', () => {
    const current = { ...patient, phone: '0161 999', version: 4, updatedBy: 'Dr B Other' };
    let state = reducer(opened(), CasePageActions.detailsSubmitted({ body: { version: 3, phone: '0161 111' } }));
    state = reducer(state, CaseApiActions.detailsSaveFailed({ failure: failure(409, { current }) }));
    const operation = caseFeature.selectDetailsOperation(root(state));
    expect(operation.error).toBeNull();
    expect(operation.conflict?.changedBy).toBe('Dr B Other');
    expect(operation.conflict?.changes).toEqual([{ label: 'Phone', before: '0161 000 0000', after: '0161 999' }]);
    expect(state.patient).toEqual(patient);
    // Reload clears it and loads the record as it is now.
    state = reducer(state, CasePageActions.reloadClicked());
    expect(caseFeature.selectDetailsOperation(root(state))).toEqual(IDLE_OPERATION);
    expect(state.loading).toBeTrue();
  });

  it('a 409 without a readable record is still a conflict', () => {
    const state = reducer(opened(), CaseApiActions.statusChangeFailed({ failure: failure(409, { current: { nope: true } }) }));
    expect(caseFeature.selectStatusOperation(root(state)).conflict).toEqual({ changedBy: null, changedAt: null, changes: [] });
  });

  it('shows a refused status change (422) as a message', () => {
    let state = reducer(opened(), CasePageActions.statusChangeSubmitted({ body: { version: 3, to: 'treatment', reason: null } }));
    state = reducer(
      state,
      CaseApiActions.statusChangeFailed({ failure: failure(422, { message: 'A case in Triage cannot move to Treatment.' }) }),
    );
    expect(caseFeature.selectStatusOperation(root(state)).error).toBe('A case in Triage cannot move to Treatment.');
    state = reducer(state, CaseApiActions.statusChangeSucceeded({ patient: { ...patient, status: 'assessment' } }));
    expect(state.patient?.status).toBe('assessment');
  });

  it('adds, updates and retracts cause tags, each with its own save state', () => {
    const tag = aCauseTag();
    let state = reducer(
      opened(),
      CasePageActions.causeSubmitted({ body: { code: 'POST-PSA', status: 'provisional', evidenceNote: null }, idempotencyKey: 'k' }),
    );
    expect(caseFeature.selectAddCauseOperation(root(state)).pending).toBeTrue();
    state = reducer(state, CaseApiActions.causeAddSucceeded({ cause: tag }));
    expect(caseFeature.selectAddCauseOperation(root(state)).saved).toBe(1);
    state = reducer(state, CasePageActions.causeUpdateSubmitted({ causeId: tag.id, body: { version: 1, status: 'confirmed' } }));
    expect(state.operations[`cause:${tag.id}`]?.pending).toBeTrue();
    state = reducer(state, CaseApiActions.causeUpdateSucceeded({ cause: { ...tag, status: 'confirmed', version: 2 } }));
    expect(caseFeature.selectCauseEntities(root(state))[tag.id]?.status).toBe('confirmed');
    state = reducer(state, CaseApiActions.causeEnteredInErrorSucceeded({ causeId: tag.id }));
    expect(caseFeature.selectCauseCount(root(state))).toBe(0);
  });

  it('a stale cause update shows what changed on the tag', () => {
    const tag = aCauseTag();
    let state = reducer(opened(), CaseApiActions.causesLoadSucceeded({ patientId: patient.id, causes: [tag] }));
    const current = { ...tag, status: 'refuted' as const, version: 2, updatedBy: 'Dr B Other' };
    state = reducer(state, CaseApiActions.causeUpdateFailed({ causeId: tag.id, failure: failure(409, { current }) }));
    expect(state.operations[`cause:${tag.id}`]?.conflict?.changes).toEqual([
      { label: 'Verification status', before: 'Provisional', after: 'Refuted' },
    ]);
  });

  it('adds notes newest first and replaces a note marked entered in error', () => {
    const old = aNote({ body: 'old' });
    let state = reducer(opened(), CaseApiActions.notesLoadSucceeded({ patientId: patient.id, notes: [old] }));
    const added = aNote({ body: 'new' });
    state = reducer(state, CaseApiActions.noteAddSucceeded({ note: added }));
    expect(state.notes?.map((n) => n.body)).toEqual(['new', 'old']);
    state = reducer(state, CaseApiActions.noteEnteredInErrorSucceeded({ note: { ...old, enteredInError: true } }));
    expect(state.notes?.[1]?.enteredInError).toBeTrue();
  });

  it('forgets the errors of a dismissed form but keeps its saved count', () => {
    let state = reducer(opened(), CaseApiActions.detailsSaveSucceeded({ patient }));
    state = reducer(state, CaseApiActions.detailsSaveFailed({ failure: failure(500) }));
    state = reducer(state, CasePageActions.operationDismissed({ key: 'details' }));
    expect(caseFeature.selectDetailsOperation(root(state))).toEqual({ ...IDLE_OPERATION, saved: 1 });
  });
});

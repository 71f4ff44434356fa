import { type EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { CauseTag, type ClinicalNote, type Clinician, Patient } from '@shared/contracts/patients';
import { CAUSES } from '@shared/domain/causes';
import { causeConflict, patientConflict } from '../conflict';
import {
  type Conflict,
  IDLE_OPERATION,
  type Operation,
  type OperationKey,
  type SaveFailure,
  failed,
  started,
  succeeded,
} from '../operation';
import { CaseApiActions } from './case-api.actions';
import { CasePageActions } from './case-page.actions';

/** The case page: one patient's record, suspected causes (entities) and notes, and the state of each save. */
export interface CaseState extends EntityState<CauseTag> {
  patientId: string | null;
  patient: Patient | null;
  loading: boolean;
  /** The record could not be loaded (the page shows this with Retry). */
  error: string | null;
  /** 404: no such patient (no Retry). */
  notFound: boolean;
  causesLoading: boolean;
  causesError: string | null;
  /** Newest first, as the server sends them. */
  notes: ClinicalNote[] | null;
  notesLoading: boolean;
  notesError: string | null;
  clinicians: Clinician[] | null;
  operations: Partial<Record<OperationKey, Operation>>;
}

const CATALOGUE_ORDER = new Map<string, number>(CAUSES.map((cause, index) => [cause.code, index]));

/** Tags in catalogue order (pre-operative, operative, post-operative), as the catalogue groups them. */
export const causesAdapter = createEntityAdapter<CauseTag>({
  sortComparer: (a, b) => (CATALOGUE_ORDER.get(a.code) ?? 99) - (CATALOGUE_ORDER.get(b.code) ?? 99),
});

export const initialCaseState: CaseState = causesAdapter.getInitialState({
  patientId: null,
  patient: null,
  loading: false,
  error: null,
  notFound: false,
  causesLoading: false,
  causesError: null,
  notes: null,
  notesLoading: false,
  notesError: null,
  clinicians: null,
  operations: {},
});

function withOperation(state: CaseState, key: OperationKey, update: (operation: Operation | undefined) => Operation): CaseState {
  return { ...state, operations: { ...state.operations, [key]: update(state.operations[key]) } };
}

/** A conflict whose current record the server did not send (or sent in a shape we cannot read). */
const UNKNOWN_CONFLICT: Conflict = { changedBy: null, changedAt: null, changes: [] };

function patientFailure(state: CaseState, key: OperationKey, failure: SaveFailure): CaseState {
  let conflict: Conflict | null = null;
  if (failure.status === 409) {
    const current = Patient.safeParse(failure.current);
    conflict = current.success ? patientConflict(state.patient, current.data) : UNKNOWN_CONFLICT;
  }
  return withOperation(state, key, (op) => failed(op, failure, conflict));
}

export const caseFeature = createFeature({
  name: 'case',
  reducer: createReducer(
    initialCaseState,
    on(
      CasePageActions.opened,
      (state, { patientId }): CaseState =>
        // Another patient: nothing of the previous one may show, even for a moment. The same one: its
        // record stays on screen while it reloads, but the forms start afresh.
        state.patientId === patientId ? { ...state, operations: {} } : { ...initialCaseState, clinicians: state.clinicians, patientId },
    ),
    on(
      CasePageActions.opened,
      CasePageActions.retryClicked,
      CasePageActions.reloadClicked,
      (state): CaseState => ({
        ...state,
        loading: true,
        error: null,
        notFound: false,
        causesLoading: true,
        causesError: null,
        notesLoading: true,
        notesError: null,
      }),
    ),
    // Reloading after a conflict starts every form from the record as it is now.
    on(CasePageActions.reloadClicked, (state): CaseState => ({ ...state, operations: {} })),
    on(
      CaseApiActions.patientLoadSucceeded,
      (state, { patient }): CaseState => (patient.id === state.patientId ? { ...state, patient, loading: false, error: null } : state),
    ),
    on(
      CaseApiActions.patientLoadFailed,
      (state, { patientId, status, error }): CaseState =>
        patientId === state.patientId ? { ...state, loading: false, error, notFound: status === 404 } : state,
    ),
    on(
      CaseApiActions.causesLoadSucceeded,
      (state, { patientId, causes }): CaseState =>
        patientId === state.patientId ? causesAdapter.setAll(causes, { ...state, causesLoading: false, causesError: null }) : state,
    ),
    on(
      CaseApiActions.causesLoadFailed,
      (state, { patientId, error }): CaseState =>
        patientId === state.patientId ? { ...state, causesLoading: false, causesError: error } : state,
    ),
    on(
      CaseApiActions.notesLoadSucceeded,
      (state, { patientId, notes }): CaseState =>
        patientId === state.patientId ? { ...state, notes, notesLoading: false, notesError: null } : state,
    ),
    on(
      CaseApiActions.notesLoadFailed,
      (state, { patientId, error }): CaseState =>
        patientId === state.patientId ? { ...state, notesLoading: false, notesError: error } : state,
    ),
    on(CaseApiActions.cliniciansLoadSucceeded, (state, { clinicians }): CaseState => ({ ...state, clinicians })),

    // ---- details and assignment
    on(CasePageActions.detailsSubmitted, (state): CaseState => withOperation(state, 'details', started)),
    on(CaseApiActions.detailsSaveSucceeded, (state, { patient }): CaseState => withOperation({ ...state, patient }, 'details', succeeded)),
    on(CaseApiActions.detailsSaveFailed, (state, { failure }): CaseState => patientFailure(state, 'details', failure)),

    // ---- case status
    on(CasePageActions.statusChangeSubmitted, (state): CaseState => withOperation(state, 'status', started)),
    on(CaseApiActions.statusChangeSucceeded, (state, { patient }): CaseState => withOperation({ ...state, patient }, 'status', succeeded)),
    on(CaseApiActions.statusChangeFailed, (state, { failure }): CaseState => patientFailure(state, 'status', failure)),

    // ---- suspected causes
    on(CasePageActions.causeSubmitted, (state): CaseState => withOperation(state, 'addCause', started)),
    on(
      CaseApiActions.causeAddSucceeded,
      (state, { cause }): CaseState => withOperation(causesAdapter.upsertOne(cause, state), 'addCause', succeeded),
    ),
    on(CaseApiActions.causeAddFailed, (state, { failure }): CaseState => withOperation(state, 'addCause', (op) => failed(op, failure))),
    on(
      CasePageActions.causeUpdateSubmitted,
      CasePageActions.causeEnteredInErrorSubmitted,
      (state, { causeId }): CaseState => withOperation(state, `cause:${causeId}`, started),
    ),
    on(
      CaseApiActions.causeUpdateSucceeded,
      (state, { cause }): CaseState => withOperation(causesAdapter.upsertOne(cause, state), `cause:${cause.id}`, succeeded),
    ),
    on(
      CaseApiActions.causeEnteredInErrorSucceeded,
      (state, { causeId }): CaseState => withOperation(causesAdapter.removeOne(causeId, state), `cause:${causeId}`, succeeded),
    ),
    on(CaseApiActions.causeUpdateFailed, CaseApiActions.causeEnteredInErrorFailed, (state, { causeId, failure }): CaseState => {
      let conflict: Conflict | null = null;
      if (failure.status === 409) {
        const current = CauseTag.safeParse(failure.current);
        conflict = current.success ? causeConflict(state.entities[causeId], current.data) : UNKNOWN_CONFLICT;
      }
      return withOperation(state, `cause:${causeId}`, (op) => failed(op, failure, conflict));
    }),

    // ---- clinical notes
    on(CasePageActions.noteSubmitted, (state): CaseState => withOperation(state, 'addNote', started)),
    on(
      CaseApiActions.noteAddSucceeded,
      (state, { note }): CaseState =>
        withOperation({ ...state, notes: [note, ...(state.notes ?? []).filter((n) => n.id !== note.id)] }, 'addNote', succeeded),
    ),
    on(CaseApiActions.noteAddFailed, (state, { failure }): CaseState => withOperation(state, 'addNote', (op) => failed(op, failure))),
    on(CasePageActions.noteEnteredInErrorSubmitted, (state, { noteId }): CaseState => withOperation(state, `note:${noteId}`, started)),
    on(
      CaseApiActions.noteEnteredInErrorSucceeded,
      (state, { note }): CaseState =>
        withOperation({ ...state, notes: (state.notes ?? []).map((n) => (n.id === note.id ? note : n)) }, `note:${note.id}`, succeeded),
    ),
    on(
      CaseApiActions.noteEnteredInErrorFailed,
      (state, { noteId, failure }): CaseState =>
        // Notes are immutable: a 409 means someone marked it entered-in-error first (current is not sent).
        withOperation(state, `note:${noteId}`, (op) => failed(op, failure, failure.status === 409 ? UNKNOWN_CONFLICT : null)),
    ),

    on(CasePageActions.operationDismissed, (state, { key }): CaseState => {
      const operation = state.operations[key];
      if (!operation) return state;
      return withOperation(state, key, () => ({ ...IDLE_OPERATION, saved: operation.saved }));
    }),
  ),
  extraSelectors: ({ selectCaseState, selectOperations }) => {
    const { selectAll, selectEntities, selectTotal } = causesAdapter.getSelectors(selectCaseState);
    return {
      selectCauses: selectAll,
      selectCauseEntities: selectEntities,
      selectCauseCount: selectTotal,
      selectDetailsOperation: createSelector(selectOperations, (ops) => ops.details ?? IDLE_OPERATION),
      selectStatusOperation: createSelector(selectOperations, (ops) => ops.status ?? IDLE_OPERATION),
      selectAddCauseOperation: createSelector(selectOperations, (ops) => ops.addCause ?? IDLE_OPERATION),
      selectAddNoteOperation: createSelector(selectOperations, (ops) => ops.addNote ?? IDLE_OPERATION),
    };
  },
});

import { Actions } from '@ngrx/effects';
import type { Store } from '@ngrx/store';
import { type Observable, Subject, of, throwError } from 'rxjs';
import { ApiError } from '../../core/http/api-error';
import type { CaseApi } from '../case-api';
import { CLINICIANS, aCase, aCauseTag, aNote } from '../case-fixtures';
import { CaseApiActions } from './case-api.actions';
import { CasePageActions } from './case-page.actions';
import * as effects from './case.effects';
import { caseFeature } from './case.feature';

function storeWith(state: { patientId: string | null; clinicians?: unknown }): Store {
  const select = (selector: unknown): Observable<unknown> => {
    if (selector === caseFeature.selectPatientId) return of(state.patientId);
    if (selector === caseFeature.selectClinicians) return of(state.clinicians ?? null);
    throw new Error('unexpected selector');
  };
  return { select } as unknown as Store;
}

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

const problem = (status: number, extra: object = {}) => ({
  type: 'x',
  title: 'Problem',
  status,
  detail: `detail ${String(status)}`,
  ...extra,
});

describe('case effects', () => {
  const patient = aCase();
  const id = patient.id;
  let api: jasmine.SpyObj<CaseApi>;
  const store = storeWith({ patientId: id });

  beforeEach(() => {
    api = jasmine.createSpyObj<CaseApi>('CaseApi', [
      'getPatient',
      'updatePatient',
      'changeStatus',
      'listCauses',
      'addCause',
      'updateCause',
      'causeEnteredInError',
      'listNotes',
      'addNote',
      'noteEnteredInError',
      'listClinicians',
    ]);
  });

  describe('loading', () => {
    it('loads the record when the page opens, on Retry and on Reload', () => {
      api.getPatient.and.returnValue(of(patient));
      const actions = new Actions(
        of(CasePageActions.opened({ patientId: id }), CasePageActions.retryClicked(), CasePageActions.reloadClicked()),
      );
      expect(collect(effects.loadPatient(actions, store, api))).toEqual([
        CaseApiActions.patientLoadSucceeded({ patient }),
        CaseApiActions.patientLoadSucceeded({ patient }),
        CaseApiActions.patientLoadSucceeded({ patient }),
      ]);
      expect(api.getPatient).toHaveBeenCalledWith(id);
    });

    it('reports a missing patient with its status', () => {
      api.getPatient.and.returnValue(throwError(() => new ApiError(404, problem(404, { detail: 'No such patient.' }), null)));
      expect(collect(effects.loadPatient(new Actions(of(CasePageActions.opened({ patientId: id }))), store, api))).toEqual([
        CaseApiActions.patientLoadFailed({ patientId: id, status: 404, error: 'No such patient.' }),
      ]);
    });

    it('does nothing without an open case', () => {
      collect(effects.loadPatient(new Actions(of(CasePageActions.retryClicked())), storeWith({ patientId: null }), api));
      expect(api.getPatient).not.toHaveBeenCalled();
    });

    it('cancels an older load when a newer one starts', () => {
      const slow = new Subject<never>();
      api.getPatient.and.returnValues(slow, of(patient));
      const actions = new Subject<ReturnType<typeof CasePageActions.retryClicked>>();
      collect(effects.loadPatient(new Actions(actions), store, api));
      actions.next(CasePageActions.retryClicked());
      expect(slow.observed).toBeTrue();
      actions.next(CasePageActions.retryClicked());
      expect(slow.observed).toBeFalse();
    });

    it('loads causes and notes for the patient', () => {
      const tags = [aCauseTag()];
      api.listCauses.and.returnValue(of(tags));
      api.listNotes.and.returnValue(throwError(() => new ApiError(0, null, null)));
      const open = () => new Actions(of(CasePageActions.opened({ patientId: id })));
      expect(collect(effects.loadCauses(open(), store, api))).toEqual([
        CaseApiActions.causesLoadSucceeded({ patientId: id, causes: tags }),
      ]);
      const [failed] = collect(effects.loadNotes(open(), store, api)) as ReturnType<typeof CaseApiActions.notesLoadFailed>[];
      expect(failed.type).toBe(CaseApiActions.notesLoadFailed.type);
    });

    it('loads the clinicians once', () => {
      api.listClinicians.and.returnValue(of(CLINICIANS));
      const open = () => new Actions(of(CasePageActions.opened({ patientId: id })));
      expect(collect(effects.loadClinicians(open(), store, api))).toEqual([
        CaseApiActions.cliniciansLoadSucceeded({ clinicians: CLINICIANS }),
      ]);
      expect(collect(effects.loadClinicians(open(), storeWith({ patientId: id, clinicians: CLINICIANS }), api))).toEqual([]);
    });
  });

  describe('saving', () => {
    it('saves details and ends with the saved record', () => {
      const saved = { ...patient, version: 4 };
      api.updatePatient.and.returnValue(of(saved));
      const actions = new Actions(of(CasePageActions.detailsSubmitted({ body: { version: 3, phone: '1' } })));
      expect(collect(effects.saveDetails(actions, store, api))).toEqual([CaseApiActions.detailsSaveSucceeded({ patient: saved })]);
      expect(api.updatePatient).toHaveBeenCalledOnceWith(id, { version: 3, phone: '1' });
    });

    it('passes on the current record of a 409', () => {
      const current = { ...patient, version: 4, updatedBy: 'Dr B' };
      api.updatePatient.and.returnValue(throwError(() => new ApiError(409, problem(409, { current }), null)));
      const actions = new Actions(of(CasePageActions.detailsSubmitted({ body: { version: 3, phone: '1' } })));
      expect(collect(effects.saveDetails(actions, store, api))).toEqual([
        CaseApiActions.detailsSaveFailed({ failure: { status: 409, message: 'detail 409', fieldErrors: [], current } }),
      ]);
    });

    it('passes on the message of a refused status change (422)', () => {
      api.changeStatus.and.returnValue(
        throwError(() => new ApiError(422, problem(422, { detail: 'A case in Triage cannot move to Treatment.' }), null)),
      );
      const actions = new Actions(of(CasePageActions.statusChangeSubmitted({ body: { version: 3, to: 'treatment', reason: null } })));
      const [action] = collect(effects.changeStatus(actions, store, api)) as ReturnType<typeof CaseApiActions.statusChangeFailed>[];
      expect(action.failure.status).toBe(422);
      expect(action.failure.message).toBe('A case in Triage cannot move to Treatment.');
    });

    it('ignores a second submit while one is saving (exhaustMap)', () => {
      const pending = new Subject<never>();
      api.changeStatus.and.returnValue(pending);
      const submit = CasePageActions.statusChangeSubmitted({ body: { version: 3, to: 'assessment', reason: null } });
      collect(effects.changeStatus(new Actions(of(submit, submit)), store, api));
      expect(api.changeStatus).toHaveBeenCalledTimes(1);
    });

    it('adds a cause with its Idempotency-Key', () => {
      const tag = aCauseTag();
      api.addCause.and.returnValue(of(tag));
      const body = { code: 'POST-PSA' as const, status: 'provisional' as const, evidenceNote: 'CT' };
      const actions = new Actions(of(CasePageActions.causeSubmitted({ body, idempotencyKey: 'key-1' })));
      expect(collect(effects.addCause(actions, store, api))).toEqual([CaseApiActions.causeAddSucceeded({ cause: tag })]);
      expect(api.addCause).toHaveBeenCalledOnceWith(id, body, 'key-1');
    });

    it('updates and retracts tags, reporting failures per tag', () => {
      const tag = aCauseTag();
      api.updateCause.and.returnValue(of({ ...tag, status: 'confirmed' as const }));
      api.causeEnteredInError.and.returnValue(throwError(() => new ApiError(0, null, null)));
      expect(
        collect(
          effects.updateCause(
            new Actions(of(CasePageActions.causeUpdateSubmitted({ causeId: tag.id, body: { version: 1, status: 'confirmed' } }))),
            store,
            api,
          ),
        ),
      ).toEqual([CaseApiActions.causeUpdateSucceeded({ cause: { ...tag, status: 'confirmed' } })]);
      const [failed] = collect(
        effects.causeEnteredInError(
          new Actions(of(CasePageActions.causeEnteredInErrorSubmitted({ causeId: tag.id, body: { version: 1, reason: 'Wrong patient' } }))),
          store,
          api,
        ),
      ) as ReturnType<typeof CaseApiActions.causeEnteredInErrorFailed>[];
      expect(failed.causeId).toBe(tag.id);
      expect(failed.failure.status).toBe(0);
    });

    it('adds a note and marks one entered in error', () => {
      const note = aNote();
      api.addNote.and.returnValue(of(note));
      api.noteEnteredInError.and.returnValue(of({ ...note, enteredInError: true }));
      expect(
        collect(effects.addNote(new Actions(of(CasePageActions.noteSubmitted({ body: 'x', idempotencyKey: 'k' }))), store, api)),
      ).toEqual([CaseApiActions.noteAddSucceeded({ note })]);
      expect(
        collect(
          effects.noteEnteredInError(
            new Actions(
              of(CasePageActions.noteEnteredInErrorSubmitted({ noteId: note.id, body: { version: 1, reason: 'Wrong patient' } })),
            ),
            store,
            api,
          ),
        ),
      ).toEqual([CaseApiActions.noteEnteredInErrorSucceeded({ note: { ...note, enteredInError: true } })]);
    });
  });
});

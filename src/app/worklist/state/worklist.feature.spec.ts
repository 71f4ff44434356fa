import { aPage, aPatient } from '../../testing/fixtures';
import { DEFAULT_WORKLIST_QUERY, type WorklistQuery } from '../worklist-query';
import { PatientsApiActions } from './patients-api.actions';
import { type WorklistState, initialWorklistState, worklistFeature } from './worklist.feature';

describe('worklistFeature', () => {
  const { reducer } = worklistFeature;
  const query: WorklistQuery = { ...DEFAULT_WORKLIST_QUERY, q: 'smith' };
  const other: WorklistQuery = { ...DEFAULT_WORKLIST_QUERY, page: 2 };
  const first = aPatient({ familyName: 'Smith' });
  const second = aPatient({ familyName: 'Smithers' });

  function loaded(): WorklistState {
    const started = reducer(initialWorklistState, PatientsApiActions.loadStarted({ query }));
    return reducer(started, PatientsApiActions.loadSucceeded({ query, response: aPage([second, first], { total: 42 }) }));
  }

  it('starts empty', () => {
    expect(reducer(undefined, { type: '@@init' })).toEqual(initialWorklistState);
    expect(initialWorklistState).toEqual({
      ids: [],
      entities: {},
      query: null,
      total: null,
      loading: false,
      error: null,
      overdueCount: null,
    });
  });

  it('is loading once a request starts', () => {
    const state = reducer(initialWorklistState, PatientsApiActions.loadStarted({ query }));
    expect(state.loading).toBeTrue();
    expect(state.query).toEqual(query);
  });

  it("keeps the server's order and total", () => {
    const state = loaded();
    expect(state.ids).toEqual([second.id, first.id]);
    expect(state.total).toBe(42);
    expect(state.loading).toBeFalse();
  });

  it('ignores the answer to a superseded query', () => {
    const state = reducer(loaded(), PatientsApiActions.loadStarted({ query: other }));
    const after = reducer(state, PatientsApiActions.loadSucceeded({ query, response: aPage([aPatient()]) }));
    expect(after).toBe(state);
  });

  it('records a failure and drops stale rows', () => {
    const started = reducer(loaded(), PatientsApiActions.loadStarted({ query: other }));
    const state = reducer(started, PatientsApiActions.loadFailed({ query: other, error: 'Server down' }));
    expect(state.error).toBe('Server down');
    expect(state.loading).toBeFalse();
    expect(state.ids).toEqual([]);
    expect(state.total).toBeNull();
  });

  it('selects rows through the entity adapter', () => {
    const root = { worklist: loaded() };
    expect(worklistFeature.selectAll(root).map((p) => p.familyName)).toEqual(['Smithers', 'Smith']);
    expect(worklistFeature.selectPageCount(root)).toBe(2);
    expect(worklistFeature.selectTotal(root)).toBe(42);
    expect(worklistFeature.selectEntities(root)[first.id]).toEqual(first);
  });

  describe('overdue count', () => {
    it('keeps the count once loaded, apart from the list', () => {
      const started = reducer(loaded(), PatientsApiActions.overdueCountStarted());
      expect(started.overdueCount).toBeNull();
      const state = reducer(started, PatientsApiActions.overdueCountSucceeded({ count: 37 }));
      expect(state.overdueCount).toBe(37);
      expect(worklistFeature.selectOverdueCount({ worklist: state })).toBe(37);
      expect(state.ids).toEqual([second.id, first.id]);
      expect(state.total).toBe(42);
      expect(state.loading).toBeFalse();
    });

    it('keeps a count of zero (nothing is waiting)', () => {
      const state = reducer(initialWorklistState, PatientsApiActions.overdueCountSucceeded({ count: 0 }));
      expect(state.overdueCount).toBe(0);
    });

    it('has no number while it reloads', () => {
      const known = reducer(initialWorklistState, PatientsApiActions.overdueCountSucceeded({ count: 37 }));
      expect(reducer(known, PatientsApiActions.overdueCountStarted()).overdueCount).toBeNull();
    });

    it('drops the number on failure without touching the list or its error', () => {
      const known = reducer(loaded(), PatientsApiActions.overdueCountSucceeded({ count: 37 }));
      const state = reducer(known, PatientsApiActions.overdueCountFailed({ error: 'Server down' }));
      expect(state.overdueCount).toBeNull();
      expect(state.error).toBeNull();
      expect(state.ids).toEqual([second.id, first.id]);
      expect(state.total).toBe(42);
    });

    it('survives a list load and a list failure', () => {
      const known = reducer(initialWorklistState, PatientsApiActions.overdueCountSucceeded({ count: 37 }));
      const started = reducer(known, PatientsApiActions.loadStarted({ query }));
      expect(started.overdueCount).toBe(37);
      expect(reducer(started, PatientsApiActions.loadFailed({ query, error: 'Server down' })).overdueCount).toBe(37);
    });
  });
});

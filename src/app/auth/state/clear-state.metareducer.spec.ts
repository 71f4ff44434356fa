import { type ActionReducer, combineReducers } from '@ngrx/store';
import { AuthApiActions } from './auth-api.actions';
import { clearStateOnSessionEnd } from './clear-state.metareducer';
import { SessionActions } from './session.actions';

describe('clearStateOnSessionEnd', () => {
  interface State {
    router: { url: string };
    worklist: { patients: string[] };
  }
  const reducer = clearStateOnSessionEnd(
    combineReducers({
      router: (state: { url: string } = { url: '/' }) => state,
      worklist: (state: { patients: string[] } = { patients: [] }) => state,
    }) as unknown as ActionReducer<State>,
  );
  const before: State = { router: { url: '/worklist' }, worklist: { patients: ['Smith, Jo'] } };

  it('forgets patient data when the user signs out', () => {
    const after = reducer(before, AuthApiActions.signedOut({ reason: 'signed-out', returnUrl: null }));
    expect(after.worklist.patients).toEqual([]);
    expect(after.router).toEqual({ url: '/worklist' });
  });

  it('forgets patient data when the session expires', () => {
    expect(reducer(before, SessionActions.expired({ returnUrl: '/worklist' })).worklist.patients).toEqual([]);
  });

  it('keeps state for other actions', () => {
    expect(reducer(before, { type: 'other' })).toBe(before);
  });
});

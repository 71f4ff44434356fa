import type { Action, ActionReducer } from '@ngrx/store';
import { AuthApiActions } from './auth-api.actions';
import { SessionActions } from './session.actions';

/** Actions after which nothing of the previous user's data may stay in memory. */
const SESSION_ENDS: ReadonlySet<string> = new Set([
  AuthApiActions.signedOut.type,
  AuthApiActions.passwordChanged.type,
  SessionActions.expired.type,
]);

/**
 * Resets every feature's state (patient lists, case data) to its initial value when the session ends,
 * so that no patient data of one user is left for the next person at the workstation. Only the router
 * state survives.
 */
export function clearStateOnSessionEnd<S extends object>(reducer: ActionReducer<S>): ActionReducer<S> {
  return (state: S | undefined, action: Action): S => {
    if (state && SESSION_ENDS.has(action.type)) {
      const kept = 'router' in state ? { router: state.router } : {};
      return reducer(kept as S, action);
    }
    return reducer(state, action);
  };
}

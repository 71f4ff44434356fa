import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { SessionUser } from '@shared/contracts/auth';
import { ROLE_LABELS } from '@shared/domain/permissions';
import { AuthApiActions } from './auth-api.actions';
import { AuthPageActions } from './auth-page.actions';
import { SessionActions } from './session.actions';

export type AuthStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface AuthState {
  user: SessionUser | null;
  idleTimeoutSeconds: number | null;
  /** When the session ends at the latest (ISO 8601). */
  expiresAt: string | null;
  status: AuthStatus;
  error: string | null;
  pending: boolean;
}

export const initialAuthState: AuthState = {
  user: null,
  idleTimeoutSeconds: null,
  expiresAt: null,
  status: 'unknown',
  error: null,
  pending: false,
};

const signedOut: AuthState = { ...initialAuthState, status: 'signed-out' };

export const authFeature = createFeature({
  name: 'auth',
  reducer: createReducer(
    initialAuthState,
    on(
      AuthApiActions.sessionLoaded,
      AuthApiActions.signInSucceeded,
      AuthApiActions.sessionRefreshed,
      (state, { session }): AuthState => ({
        ...state,
        user: session.user,
        idleTimeoutSeconds: session.idleTimeoutSeconds,
        expiresAt: session.expiresAt,
        status: 'signed-in',
        error: null,
        pending: false,
      }),
    ),
    on(AuthApiActions.sessionMissing, (): AuthState => signedOut),
    on(AuthApiActions.sessionLoadFailed, (_state, { error }): AuthState => ({ ...signedOut, error })),
    on(
      AuthPageActions.signInSubmitted,
      AuthPageActions.changePasswordSubmitted,
      (state): AuthState => ({
        ...state,
        pending: true,
        error: null,
      }),
    ),
    on(AuthApiActions.signInFailed, (state, { error }): AuthState => ({ ...state, status: 'signed-out', pending: false, error })),
    on(AuthApiActions.passwordChangeFailed, (state, { error }): AuthState => ({ ...state, pending: false, error })),
    // Signing out (by hand or after the idle timeout) ends with Signed Out once the server answered.
    on(AuthPageActions.signOutClicked, SessionActions.idleTimedOut, (state): AuthState => ({ ...state, pending: true })),
    on(AuthApiActions.signedOut, AuthApiActions.passwordChanged, SessionActions.expired, (): AuthState => signedOut),
  ),
  extraSelectors: ({ selectUser }) => ({
    selectRole: createSelector(selectUser, (user) => user?.role ?? null),
    selectRoleLabel: createSelector(selectUser, (user) => (user ? ROLE_LABELS[user.role] : null)),
  }),
});

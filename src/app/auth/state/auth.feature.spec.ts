import { aSession, aUser } from '../../testing/fixtures';
import { AuthApiActions } from './auth-api.actions';
import { AuthPageActions } from './auth-page.actions';
import { type AuthState, authFeature, initialAuthState } from './auth.feature';
import { SessionActions } from './session.actions';

describe('authFeature', () => {
  const { reducer } = authFeature;
  const session = aSession({ role: 'specialist' }, { idleTimeoutSeconds: 600, expiresAt: '2030-01-01T20:00:00.000Z' });
  const signedIn: AuthState = {
    user: session.user,
    idleTimeoutSeconds: 600,
    expiresAt: '2030-01-01T20:00:00.000Z',
    status: 'signed-in',
    error: null,
    pending: false,
  };

  it('starts unknown (the session check has not answered)', () => {
    expect(reducer(undefined, { type: '@@init' })).toEqual(initialAuthState);
    expect(initialAuthState.status).toBe('unknown');
  });

  it('is signed in once the session is loaded', () => {
    expect(reducer(initialAuthState, AuthApiActions.sessionLoaded({ session }))).toEqual(signedIn);
  });

  it('is signed out when there is no session', () => {
    expect(reducer(initialAuthState, AuthApiActions.sessionMissing()).status).toBe('signed-out');
  });

  it('keeps the error when the session check failed', () => {
    const state = reducer(initialAuthState, AuthApiActions.sessionLoadFailed({ error: 'Down' }));
    expect(state.status).toBe('signed-out');
    expect(state.error).toBe('Down');
  });

  it('is pending while signing in, and clears the last error', () => {
    const failed = reducer(initialAuthState, AuthApiActions.signInFailed({ error: 'Wrong username or password.' }));
    const state = reducer(failed, AuthPageActions.signInSubmitted({ credentials: { username: 'a', password: 'b' }, returnUrl: null }));
    expect(state.pending).toBeTrue();
    expect(state.error).toBeNull();
  });

  it('records a failed sign-in', () => {
    const pending = { ...initialAuthState, status: 'signed-out' as const, pending: true };
    const state = reducer(pending, AuthApiActions.signInFailed({ error: 'Too many attempts.' }));
    expect(state).toEqual({ ...pending, pending: false, error: 'Too many attempts.' });
  });

  it('is signed in after signing in', () => {
    expect(reducer(initialAuthState, AuthApiActions.signInSucceeded({ session, returnUrl: null }))).toEqual(signedIn);
  });

  it('takes the refreshed expiry from a keep-alive', () => {
    const refreshed = { ...session, expiresAt: '2030-01-01T21:00:00.000Z' };
    expect(reducer(signedIn, AuthApiActions.sessionRefreshed({ session: refreshed })).expiresAt).toBe('2030-01-01T21:00:00.000Z');
  });

  for (const [name, action] of [
    ['signed out', AuthApiActions.signedOut({ reason: 'signed-out', returnUrl: null })],
    ['password changed', AuthApiActions.passwordChanged()],
    ['session expired', SessionActions.expired({ returnUrl: '/worklist' })],
  ] as const) {
    it(`forgets the user when ${name}`, () => {
      expect(reducer(signedIn, action)).toEqual({ ...initialAuthState, status: 'signed-out' });
    });
  }

  it('stays signed in (pending) until the idle sign-out has reached the server', () => {
    const state = reducer(signedIn, SessionActions.idleTimedOut({ returnUrl: '/worklist' }));
    expect(state.status).toBe('signed-in');
    expect(state.pending).toBeTrue();
  });

  it('records a failed password change without signing out', () => {
    const state = reducer(signedIn, AuthApiActions.passwordChangeFailed({ error: 'Current password is wrong.' }));
    expect(state.status).toBe('signed-in');
    expect(state.error).toBe('Current password is wrong.');
  });

  it('selects the role and its label', () => {
    const root = { auth: { ...signedIn, user: aUser({ role: 'manager' }) } };
    expect(authFeature.selectRole(root)).toBe('manager');
    expect(authFeature.selectRoleLabel(root)).toBe('Manager');
    expect(authFeature.selectRoleLabel({ auth: initialAuthState })).toBeNull();
  });
});

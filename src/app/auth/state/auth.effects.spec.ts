import type { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import type { Action } from '@ngrx/store';
import { PROBLEM_TYPES } from '@shared/contracts/problem';
import { type Observable, Subject, of, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import type { IdleEnd, IdleService } from '../../core/idle/idle';
import { aSession } from '../../testing/fixtures';
import { type AuthApi, SESSION_CHECK_FAILED } from '../auth-api';
import { AuthApiActions } from './auth-api.actions';
import { AuthPageActions } from './auth-page.actions';
import * as effects from './auth.effects';
import { SessionActions } from './session.actions';

function actionsOf(...actions: Action[]): Actions {
  return new Actions(of(...actions));
}

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

function apiError(status: number, detail?: string): ApiError {
  return new ApiError(status, detail ? { type: PROBLEM_TYPES[401], title: 'Problem', status, detail } : null, '/api/x');
}

describe('auth effects', () => {
  let api: jasmine.SpyObj<AuthApi>;
  let router: jasmine.SpyObj<Router>;

  beforeEach(() => {
    api = jasmine.createSpyObj<AuthApi>('AuthApi', ['me', 'login', 'logout', 'touch', 'changePassword']);
    router = jasmine.createSpyObj<Router>('Router', ['navigate', 'navigateByUrl'], { url: '/worklist?page=2' });
    router.navigate.and.resolveTo(true);
    router.navigateByUrl.and.resolveTo(true);
  });

  describe('loadSession', () => {
    it('loads the session at start-up', () => {
      api.me.and.returnValue(of(aSession()));
      expect(collect(effects.loadSession(actionsOf(SessionActions.appStarted()), api))).toEqual([
        AuthApiActions.sessionLoaded({ session: aSession() }),
      ]);
    });

    it('knows there is no session on 401', () => {
      api.me.and.returnValue(throwError(() => apiError(401)));
      expect(collect(effects.loadSession(actionsOf(SessionActions.appStarted()), api))).toEqual([AuthApiActions.sessionMissing()]);
    });

    it('reports an unreachable server', () => {
      api.me.and.returnValue(throwError(() => apiError(0)));
      expect(collect(effects.loadSession(actionsOf(SessionActions.appStarted()), api))).toEqual([
        AuthApiActions.sessionLoadFailed({ error: NETWORK_ERROR_MESSAGE }),
      ]);
    });

    it('reports other failures plainly', () => {
      api.me.and.returnValue(throwError(() => apiError(404)));
      expect(collect(effects.loadSession(actionsOf(SessionActions.appStarted()), api))).toEqual([
        AuthApiActions.sessionLoadFailed({ error: SESSION_CHECK_FAILED }),
      ]);
    });
  });

  describe('signIn', () => {
    const submitted = AuthPageActions.signInSubmitted({
      credentials: { username: 'nurse.jones', password: 'pw' },
      returnUrl: '/worklist',
    });

    it('signs in', () => {
      api.login.and.returnValue(of(aSession()));
      expect(collect(effects.signIn(actionsOf(submitted), api))).toEqual([
        AuthApiActions.signInSucceeded({ session: aSession(), returnUrl: '/worklist' }),
      ]);
      expect(api.login).toHaveBeenCalledWith({ username: 'nurse.jones', password: 'pw' });
    });

    it("shows the server's explanation of a wrong password (401)", () => {
      api.login.and.returnValue(throwError(() => apiError(401, 'Wrong username or password.')));
      expect(collect(effects.signIn(actionsOf(submitted), api))).toEqual([
        AuthApiActions.signInFailed({ error: 'Wrong username or password.' }),
      ]);
    });

    it("shows the server's explanation of a lock-out (429)", () => {
      api.login.and.returnValue(throwError(() => apiError(429, 'Too many attempts. Try again in 15 minutes.')));
      expect(collect(effects.signIn(actionsOf(submitted), api))).toEqual([
        AuthApiActions.signInFailed({ error: 'Too many attempts. Try again in 15 minutes.' }),
      ]);
    });
  });

  describe('redirectAfterSignIn', () => {
    it('returns to the page the user was going to', () => {
      collect(
        effects.redirectAfterSignIn(
          actionsOf(AuthApiActions.signInSucceeded({ session: aSession(), returnUrl: '/worklist?q=smith' })),
          router,
        ),
      );
      expect(router.navigateByUrl).toHaveBeenCalledWith('/worklist?q=smith');
    });

    it("goes to the role's home page without a (safe) return URL", () => {
      collect(
        effects.redirectAfterSignIn(
          actionsOf(AuthApiActions.signInSucceeded({ session: aSession({ role: 'manager' }), returnUrl: 'https://evil.example' })),
          router,
        ),
      );
      expect(router.navigateByUrl).toHaveBeenCalledWith('/outcomes');
    });

    it('sends a user who must change the password to that page', () => {
      collect(
        effects.redirectAfterSignIn(
          actionsOf(AuthApiActions.signInSucceeded({ session: aSession({ mustChangePassword: true }), returnUrl: '/worklist' })),
          router,
        ),
      );
      expect(router.navigate).toHaveBeenCalledWith(['/change-password'], { queryParams: { returnUrl: '/worklist' } });
    });
  });

  describe('signing out', () => {
    it('signs out', () => {
      api.logout.and.returnValue(of(undefined));
      expect(collect(effects.signOut(actionsOf(AuthPageActions.signOutClicked()), api))).toEqual([
        AuthApiActions.signedOut({ reason: 'signed-out', returnUrl: null }),
      ]);
    });

    it('signs out even when the request fails', () => {
      api.logout.and.returnValue(throwError(() => apiError(0)));
      expect(collect(effects.signOut(actionsOf(AuthPageActions.signOutClicked()), api))).toEqual([
        AuthApiActions.signedOut({ reason: 'signed-out', returnUrl: null }),
      ]);
    });

    it('signs out after the idle timeout, ignoring errors, and keeps the way back', () => {
      api.logout.and.returnValue(throwError(() => apiError(401)));
      expect(collect(effects.idleSignOut(actionsOf(SessionActions.idleTimedOut({ returnUrl: '/worklist?page=2' })), api))).toEqual([
        AuthApiActions.signedOut({ reason: 'idle', returnUrl: '/worklist?page=2' }),
      ]);
    });
  });

  describe('showSignInPage', () => {
    it('after the idle timeout: back to the page, with the reason', () => {
      collect(effects.showSignInPage(actionsOf(AuthApiActions.signedOut({ reason: 'idle', returnUrl: '/worklist?page=2' })), router));
      expect(router.navigate).toHaveBeenCalledWith(['/login'], {
        queryParams: { returnUrl: '/worklist?page=2', reason: 'idle' },
      });
    });

    it('after a 401: back to the page', () => {
      collect(effects.showSignInPage(actionsOf(SessionActions.expired({ returnUrl: '/worklist' })), router));
      expect(router.navigate).toHaveBeenCalledWith(['/login'], {
        queryParams: { returnUrl: '/worklist', reason: 'expired' },
      });
    });

    it('after a password change: sign in again', () => {
      collect(effects.showSignInPage(actionsOf(AuthApiActions.passwordChanged()), router));
      expect(router.navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reason: 'password-changed' } });
    });
  });

  describe('changePassword', () => {
    const submitted = AuthPageActions.changePasswordSubmitted({
      body: { currentPassword: 'old one', newPassword: 'a long new passphrase' },
    });

    it('changes the password', () => {
      api.changePassword.and.returnValue(of(undefined));
      expect(collect(effects.changePassword(actionsOf(submitted), api))).toEqual([AuthApiActions.passwordChanged()]);
    });

    it("shows the server's reason for refusing", () => {
      api.changePassword.and.returnValue(throwError(() => apiError(400, 'The current password is not correct.')));
      expect(collect(effects.changePassword(actionsOf(submitted), api))).toEqual([
        AuthApiActions.passwordChangeFailed({ error: 'The current password is not correct.' }),
      ]);
    });
  });

  describe('idle watch', () => {
    let idle: jasmine.SpyObj<IdleService> & { timedOut$: Subject<IdleEnd>; keepAliveNeeded$: Subject<void> };

    beforeEach(() => {
      idle = Object.assign(jasmine.createSpyObj<IdleService>('IdleService', ['start', 'stop']), {
        timedOut$: new Subject<IdleEnd>(),
        keepAliveNeeded$: new Subject<void>(),
      });
    });

    it('starts with a session and stops when it ends', () => {
      collect(
        effects.watchIdle(
          actionsOf(
            AuthApiActions.sessionLoaded({ session: aSession() }),
            AuthApiActions.signedOut({ reason: 'signed-out', returnUrl: null }),
          ),
          idle,
        ),
      );
      expect(idle.start).toHaveBeenCalledOnceWith(aSession());
      expect(idle.stop).toHaveBeenCalledTimes(1);
    });

    it("turns the watch's verdicts into actions with the current page", () => {
      const out = collect(effects.idleTimeouts(idle, router));
      idle.timedOut$.next('idle');
      idle.timedOut$.next('expired');
      expect(out).toEqual([
        SessionActions.idleTimedOut({ returnUrl: '/worklist?page=2' }),
        SessionActions.expired({ returnUrl: '/worklist?page=2' }),
      ]);
    });

    it('asks for keep-alives', () => {
      const out = collect(effects.requestKeepAlive(idle));
      idle.keepAliveNeeded$.next();
      expect(out).toEqual([SessionActions.keepAliveRequested()]);
    });

    it('keeps the session alive with POST /api/auth/touch', () => {
      api.touch.and.returnValue(of(aSession()));
      expect(collect(effects.keepAlive(actionsOf(SessionActions.keepAliveRequested()), api))).toEqual([
        AuthApiActions.sessionRefreshed({ session: aSession() }),
      ]);
    });

    it('reports a failed keep-alive', () => {
      api.touch.and.returnValue(throwError(() => apiError(0)));
      expect(collect(effects.keepAlive(actionsOf(SessionActions.keepAliveRequested()), api))).toEqual([
        AuthApiActions.sessionRefreshFailed({ error: NETWORK_ERROR_MESSAGE }),
      ]);
    });
  });
});

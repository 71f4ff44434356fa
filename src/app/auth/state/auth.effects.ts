import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { homePath } from '@shared/domain/permissions';
import { catchError, exhaustMap, map, merge, of, tap } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE, errorMessage } from '../../core/http/api-error';
import { IdleService } from '../../core/idle/idle';
import { AuthApi, SESSION_CHECK_FAILED } from '../auth-api';
import { safeReturnUrl } from '../return-url';
import { AuthApiActions, type SignOutReason } from './auth-api.actions';
import { AuthPageActions } from './auth-page.actions';
import { SessionActions } from './session.actions';

function sessionCheckMessage(error: unknown): string {
  return error instanceof ApiError && error.status === 0 ? NETWORK_ERROR_MESSAGE : SESSION_CHECK_FAILED;
}

/** Start-up: is the session cookie still valid? */
export const loadSession = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) => {
    return actions$.pipe(
      ofType(SessionActions.appStarted),
      exhaustMap(() =>
        api.me().pipe(
          map((session) => AuthApiActions.sessionLoaded({ session })),
          catchError((error: unknown) =>
            of(
              error instanceof ApiError && error.status === 401
                ? AuthApiActions.sessionMissing()
                : AuthApiActions.sessionLoadFailed({ error: sessionCheckMessage(error) }),
            ),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

export const signIn = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) => {
    return actions$.pipe(
      ofType(AuthPageActions.signInSubmitted),
      exhaustMap(({ credentials, returnUrl }) =>
        api.login(credentials).pipe(
          map((session) => AuthApiActions.signInSucceeded({ session, returnUrl })),
          catchError((error: unknown) => of(AuthApiActions.signInFailed({ error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** After signing in: the password page if it must change, else where the user was going, else home. */
export const redirectAfterSignIn = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) => {
    return actions$.pipe(
      ofType(AuthApiActions.signInSucceeded),
      tap(({ session, returnUrl }) => {
        const target = safeReturnUrl(returnUrl);
        if (session.user.mustChangePassword) {
          void router.navigate(['/change-password'], { queryParams: target ? { returnUrl: target } : {} });
        } else {
          void router.navigateByUrl(target ?? homePath(session.user.role));
        }
      }),
    );
  },
  { functional: true, dispatch: false },
);

export const signOut = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) => {
    return actions$.pipe(
      ofType(AuthPageActions.signOutClicked),
      exhaustMap(() =>
        api.logout().pipe(
          // Signing out always succeeds for the user; a failed request only leaves a session the server ends anyway.
          catchError(() => of(undefined)),
          map(() => AuthApiActions.signedOut({ reason: 'signed-out', returnUrl: null })),
        ),
      ),
    );
  },
  { functional: true },
);

export const idleSignOut = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) => {
    return actions$.pipe(
      ofType(SessionActions.idleTimedOut),
      exhaustMap(({ returnUrl }) =>
        api.logout().pipe(
          catchError(() => of(undefined)),
          map(() => AuthApiActions.signedOut({ reason: 'idle', returnUrl })),
        ),
      ),
    );
  },
  { functional: true },
);

export const changePassword = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) => {
    return actions$.pipe(
      ofType(AuthPageActions.changePasswordSubmitted),
      exhaustMap(({ body }) =>
        api.changePassword(body).pipe(
          map(() => AuthApiActions.passwordChanged()),
          catchError((error: unknown) => of(AuthApiActions.passwordChangeFailed({ error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Every way out of a session ends on the sign-in page, with the reason and where to return. */
export const showSignInPage = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) => {
    return merge(
      actions$.pipe(
        ofType(AuthApiActions.signedOut),
        map(({ reason, returnUrl }) => ({ reason, returnUrl })),
      ),
      actions$.pipe(
        ofType(SessionActions.expired),
        map(({ returnUrl }) => ({ reason: 'expired' as SignOutReason, returnUrl })),
      ),
      actions$.pipe(
        ofType(AuthApiActions.passwordChanged),
        map(() => ({ reason: 'password-changed' as SignOutReason, returnUrl: null })),
      ),
    ).pipe(
      tap(({ reason, returnUrl }) => {
        const target = safeReturnUrl(returnUrl);
        void router.navigate(['/login'], { queryParams: target ? { returnUrl: target, reason } : { reason } });
      }),
    );
  },
  { functional: true, dispatch: false },
);

/** The idle watch runs while a session exists. */
export const watchIdle = createEffect(
  (actions$ = inject(Actions), idle = inject(IdleService)) => {
    return merge(
      actions$.pipe(
        ofType(AuthApiActions.sessionLoaded, AuthApiActions.signInSucceeded, AuthApiActions.sessionRefreshed),
        tap(({ session }) => {
          idle.start(session);
        }),
      ),
      actions$.pipe(
        ofType(AuthApiActions.signedOut, AuthApiActions.passwordChanged, SessionActions.expired),
        tap(() => {
          idle.stop();
        }),
      ),
    );
  },
  { functional: true, dispatch: false },
);

/** The idle watch's verdicts, as actions. */
export const idleTimeouts = createEffect(
  (idle = inject(IdleService), router = inject(Router)) => {
    return idle.timedOut$.pipe(
      map((end) =>
        end === 'idle' ? SessionActions.idleTimedOut({ returnUrl: router.url }) : SessionActions.expired({ returnUrl: router.url }),
      ),
    );
  },
  { functional: true },
);

export const requestKeepAlive = createEffect(
  (idle = inject(IdleService)) => {
    return idle.keepAliveNeeded$.pipe(map(() => SessionActions.keepAliveRequested()));
  },
  { functional: true },
);

/** POST /api/auth/touch; a 401 is handled by the problem interceptor (session expired). */
export const keepAlive = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) => {
    return actions$.pipe(
      ofType(SessionActions.keepAliveRequested),
      exhaustMap(() =>
        api.touch().pipe(
          map((session) => AuthApiActions.sessionRefreshed({ session })),
          catchError((error: unknown) => of(AuthApiActions.sessionRefreshFailed({ error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

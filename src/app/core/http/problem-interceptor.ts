import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { catchError, throwError } from 'rxjs';
import { SessionActions } from '../../auth/state/session.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { ApiError } from './api-error';
import { isApiUrl, pathOf } from './api-url';

/**
 * 401 answers from these endpoints are expected (a wrong password, no session yet, signing out of an
 * ended session) and must not be treated as "your session has expired".
 */
const SESSION_ENDPOINTS = new Set(['/api/auth/login', '/api/auth/me', '/api/auth/logout']);

/**
 * Turns HTTP failures into {@link ApiError}s carrying the problem+json body, and sends the user to the
 * sign-in page (with a return URL) when the server says the session has ended.
 */
export const problemInterceptor: HttpInterceptorFn = (req, next) => {
  const store = inject(Store);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      const apiError = ApiError.fromResponse(error);
      if (error.status === 401 && isApiUrl(req.url) && !SESSION_ENDPOINTS.has(pathOf(req.url))) {
        // Only the first 401 of a signed-in session counts; parallel requests fail the same way.
        if (store.selectSignal(authFeature.selectStatus)() === 'signed-in') {
          store.dispatch(SessionActions.expired({ returnUrl: currentUrl(router) }));
        }
      }
      return throwError(() => apiError);
    }),
  );
};

/** The URL the user is on, or is going to when a navigation is under way (e.g. a resolver's request). */
function currentUrl(router: Router): string {
  const target = router.currentNavigation()?.finalUrl;
  return target ? router.serializeUrl(target) : router.url;
}

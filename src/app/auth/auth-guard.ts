import { inject } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { Store } from '@ngrx/store';
import { type Permission, can, homePath } from '@shared/domain/permissions';
import { type Observable, filter, map, take } from 'rxjs';
import { type AuthState, authFeature } from './state/auth.feature';

/** The auth state once the start-up session check has answered. */
function settledAuth(): Observable<AuthState> {
  return inject(Store)
    .select(authFeature.selectAuthState)
    .pipe(
      filter((auth) => auth.status !== 'unknown'),
      take(1),
    );
}

/**
 * Pages for signed-in staff. Signed-out users go to the sign-in page, which returns them here;
 * users who must change their password go to that page first.
 */
export const authGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return settledAuth().pipe(
    map((auth): boolean | UrlTree => {
      if (auth.status !== 'signed-in' || !auth.user) {
        return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
      }
      if (auth.user.mustChangePassword) {
        return router.createUrlTree(['/change-password'], { queryParams: { returnUrl: state.url } });
      }
      return true;
    }),
  );
};

/** The change-password page: any signed-in user, including one who must change the password. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return settledAuth().pipe(
    map((auth) => (auth.status === 'signed-in' ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } }))),
  );
};

/** The sign-in page: someone already signed in goes to their home page instead. */
export const signedOutGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settledAuth().pipe(map((auth) => (auth.status === 'signed-in' && auth.user ? router.parseUrl(homePath(auth.user.role)) : true)));
};

/** A page that needs a permission (src/shared/domain/permissions.ts); others see "Not permitted". */
export function permissionGuard(permission: Permission): CanActivateFn {
  return () => {
    const router = inject(Router);
    return settledAuth().pipe(map((auth) => (can(auth.user?.role, permission) ? true : router.createUrlTree(['/forbidden']))));
  };
}

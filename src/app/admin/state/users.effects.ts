import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, concatMap, filter, map, of, switchMap } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { AdminApi } from '../admin-api';
import { DEFAULT_AUDIT_QUERY } from '../audit-query';
import { type ChangeFailure, changeFailure } from './change-failure';
import { UsersApiActions } from './users-api.actions';
import { UsersPageActions } from './users-page.actions';

/** Loads the users when the page opens, on Retry, and after a conflict (to show what others changed). */
export const loadUsers = createEffect(
  (actions$ = inject(Actions), api = inject(AdminApi)) => {
    return actions$.pipe(
      ofType(UsersPageActions.opened, UsersPageActions.retryClicked, UsersPageActions.conflictReloadClicked),
      switchMap(() =>
        api.listUsers().pipe(
          map((users) => UsersApiActions.loadSucceeded({ users })),
          catchError((error: unknown) => of(UsersApiActions.loadFailed({ error: errorMessage(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Creates a user (one change at a time, in the order asked). */
export const createUser = createEffect(
  (actions$ = inject(Actions), api = inject(AdminApi)) => {
    return actions$.pipe(
      ofType(UsersPageActions.createSubmitted),
      concatMap(({ requestId, body }) =>
        api.createUser(body).pipe(
          map((user) => UsersApiActions.createSucceeded({ requestId, user })),
          catchError((error: unknown) => of(UsersApiActions.createFailed({ failure: changeFailure(requestId, error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Changes a role or the active flag, conditional on the version the administrator saw. */
export const updateUser = createEffect(
  (actions$ = inject(Actions), api = inject(AdminApi)) => {
    return actions$.pipe(
      ofType(UsersPageActions.roleChangeConfirmed, UsersPageActions.activeChangeConfirmed),
      concatMap((action) => {
        const { requestId, user } = action;
        const change = action.type === UsersPageActions.roleChangeConfirmed.type ? { role: action.role } : { active: action.active };
        return api.updateUser(user.id, { version: user.version, ...change }).pipe(
          map((updated) => UsersApiActions.updateSucceeded({ requestId, user: updated })),
          catchError((error: unknown) => of(UsersApiActions.updateFailed({ failure: changeFailure(requestId, error) }))),
        );
      }),
    );
  },
  { functional: true },
);

export const resetPassword = createEffect(
  (actions$ = inject(Actions), api = inject(AdminApi)) => {
    return actions$.pipe(
      ofType(UsersPageActions.passwordResetSubmitted),
      concatMap(({ requestId, user, password }) =>
        api.resetPassword(user.id, { version: user.version, password }).pipe(
          map((updated) => UsersApiActions.passwordResetSucceeded({ requestId, user: updated })),
          catchError((error: unknown) => of(UsersApiActions.passwordResetFailed({ failure: changeFailure(requestId, error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** How far back the audit log is searched for the change behind a conflict. */
export const CONFLICT_LOOKUP_PAGE_SIZE = 100;

/**
 * After a 409, finds who changed the user in the meantime: the newest update of that user in the audit
 * log (the 409's `current` record does not say who changed it).
 */
export const lookUpConflictAuthor = createEffect(
  (actions$ = inject(Actions), api = inject(AdminApi)) => {
    return actions$.pipe(
      ofType(UsersApiActions.updateFailed, UsersApiActions.passwordResetFailed),
      map(({ failure }) => failure),
      filter(
        (failure): failure is ChangeFailure & { current: NonNullable<ChangeFailure['current']> } =>
          failure.status === 409 && failure.current !== null,
      ),
      switchMap(({ requestId, current }) =>
        api.auditEvents({ ...DEFAULT_AUDIT_QUERY, action: 'update', pageSize: CONFLICT_LOOKUP_PAGE_SIZE }).pipe(
          map((page) => {
            const event = page.items.find((e) => e.entityType === 'User' && e.entityId === current.id);
            return UsersApiActions.conflictAuthorLookedUp({
              requestId,
              changedBy: event ? { username: event.username, recordedAt: event.recordedAt } : null,
            });
          }),
          // Not knowing who changed it must not hide the conflict itself.
          catchError(() => of(UsersApiActions.conflictAuthorLookedUp({ requestId, changedBy: null }))),
        ),
      ),
    );
  },
  { functional: true },
);

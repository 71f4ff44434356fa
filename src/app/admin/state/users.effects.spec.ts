import { Actions } from '@ngrx/effects';
import type { Action } from '@ngrx/store';
import { PROBLEM_TYPES } from '@shared/contracts/problem';
import { type Observable, Subject, of, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import type { AdminApi } from '../admin-api';
import { aUserSummary, anAuditEvent, anAuditPage } from '../admin-fixtures';
import { DEFAULT_AUDIT_QUERY } from '../audit-query';
import { UsersApiActions } from './users-api.actions';
import { UsersPageActions } from './users-page.actions';
import { CONFLICT_LOOKUP_PAGE_SIZE, createUser, loadUsers, lookUpConflictAuthor, resetPassword, updateUser } from './users.effects';

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

const actionsOf = (...actions: Action[]): Actions => new Actions(of(...actions));

describe('users effects', () => {
  let api: jasmine.SpyObj<AdminApi>;
  const zoe = aUserSummary({ username: 'zoe', version: 3 });

  beforeEach(() => {
    api = jasmine.createSpyObj<AdminApi>('AdminApi', ['listUsers', 'createUser', 'updateUser', 'resetPassword', 'auditEvents']);
  });

  describe('loadUsers', () => {
    it('loads when the page opens, on Retry and after a conflict', () => {
      api.listUsers.and.returnValue(of([zoe]));
      const out = collect(
        loadUsers(
          actionsOf(UsersPageActions.opened(), UsersPageActions.retryClicked(), UsersPageActions.conflictReloadClicked({ current: null })),
          api,
        ),
      );
      expect(out).toEqual([
        UsersApiActions.loadSucceeded({ users: [zoe] }),
        UsersApiActions.loadSucceeded({ users: [zoe] }),
        UsersApiActions.loadSucceeded({ users: [zoe] }),
      ]);
    });

    it('ends in Load Failed with a message for staff', () => {
      api.listUsers.and.returnValue(throwError(() => new ApiError(0, null, '/api/admin/users')));
      expect(collect(loadUsers(actionsOf(UsersPageActions.opened()), api))).toEqual([
        UsersApiActions.loadFailed({ error: NETWORK_ERROR_MESSAGE }),
      ]);
    });
  });

  describe('createUser', () => {
    const body = { username: 'new.nurse', displayName: 'New Nurse', role: 'nurse' as const, password: 'initial password 1' };

    it('creates and reports the new user', () => {
      const created = aUserSummary({ username: 'new.nurse', mustChangePassword: true });
      api.createUser.and.returnValue(of(created));
      expect(collect(createUser(actionsOf(UsersPageActions.createSubmitted({ requestId: 'r1', body })), api))).toEqual([
        UsersApiActions.createSucceeded({ requestId: 'r1', user: created }),
      ]);
      expect(api.createUser).toHaveBeenCalledOnceWith(body);
    });

    it('reports a taken username as a field error', () => {
      const problem = {
        type: PROBLEM_TYPES[400],
        title: 'The request has invalid fields',
        status: 400,
        detail: 'That username is taken.',
        errors: [{ path: 'username', message: 'That username is taken' }],
      };
      api.createUser.and.returnValue(throwError(() => new ApiError(400, problem, '/api/admin/users')));
      const [action] = collect(createUser(actionsOf(UsersPageActions.createSubmitted({ requestId: 'r1', body })), api)) as ReturnType<
        typeof UsersApiActions.createFailed
      >[];
      expect(action.type).toBe(UsersApiActions.createFailed.type);
      expect(action.failure.fieldErrors).toEqual([{ path: 'username', message: 'That username is taken' }]);
      expect(action.failure.requestId).toBe('r1');
    });
  });

  describe('updateUser', () => {
    it('sends the version the administrator saw with the new role', () => {
      api.updateUser.and.returnValue(of({ ...zoe, role: 'specialist', version: 4 }));
      collect(updateUser(actionsOf(UsersPageActions.roleChangeConfirmed({ requestId: 'r2', user: zoe, role: 'specialist' })), api));
      expect(api.updateUser).toHaveBeenCalledOnceWith(zoe.id, { version: 3, role: 'specialist' });
    });

    it('deactivates and reports the updated user', () => {
      const off = { ...zoe, active: false, version: 4 };
      api.updateUser.and.returnValue(of(off));
      expect(
        collect(updateUser(actionsOf(UsersPageActions.activeChangeConfirmed({ requestId: 'r3', user: zoe, active: false })), api)),
      ).toEqual([UsersApiActions.updateSucceeded({ requestId: 'r3', user: off })]);
      expect(api.updateUser).toHaveBeenCalledOnceWith(zoe.id, { version: 3, active: false });
    });

    it('reports a rule the server applies (422)', () => {
      const problem = { type: PROBLEM_TYPES[422], title: 'Not allowed', status: 422, detail: 'You cannot deactivate your own account.' };
      api.updateUser.and.returnValue(throwError(() => new ApiError(422, problem, null)));
      const [action] = collect(
        updateUser(actionsOf(UsersPageActions.activeChangeConfirmed({ requestId: 'r4', user: zoe, active: false })), api),
      ) as ReturnType<typeof UsersApiActions.updateFailed>[];
      expect(action.failure).toEqual(
        jasmine.objectContaining({ requestId: 'r4', status: 422, message: 'You cannot deactivate your own account.' }),
      );
    });

    it('handles changes one at a time, in order', () => {
      const first = new Subject<typeof zoe>();
      api.updateUser.and.returnValues(first, of(zoe));
      const actions = new Subject<Action>();
      const out = collect(updateUser(new Actions(actions), api));
      actions.next(UsersPageActions.activeChangeConfirmed({ requestId: 'a', user: zoe, active: false }));
      actions.next(UsersPageActions.roleChangeConfirmed({ requestId: 'b', user: zoe, role: 'manager' }));
      expect(api.updateUser).toHaveBeenCalledTimes(1);
      first.next(zoe);
      first.complete();
      expect(api.updateUser).toHaveBeenCalledTimes(2);
      expect(out.length).toBe(2);
    });
  });

  describe('resetPassword', () => {
    it('sends the version and the new password', () => {
      const reset = { ...zoe, mustChangePassword: true, version: 4 };
      api.resetPassword.and.returnValue(of(reset));
      expect(
        collect(
          resetPassword(
            actionsOf(UsersPageActions.passwordResetSubmitted({ requestId: 'r5', user: zoe, password: 'a new long password' })),
            api,
          ),
        ),
      ).toEqual([UsersApiActions.passwordResetSucceeded({ requestId: 'r5', user: reset })]);
      expect(api.resetPassword).toHaveBeenCalledOnceWith(zoe.id, { version: 3, password: 'a new long password' });
    });
  });

  describe('lookUpConflictAuthor', () => {
    const current = { ...zoe, role: 'specialist' as const, version: 4 };
    const conflict = UsersApiActions.updateFailed({
      failure: { requestId: 'r6', status: 409, message: 'Changed by someone else', fieldErrors: [], current, changedBy: null },
    });

    it('finds the newest update of that user in the audit log', () => {
      api.auditEvents.and.returnValue(
        of(
          anAuditPage([
            anAuditEvent({ action: 'update', entityType: 'User', entityId: 'someone-else', username: 'x' }),
            anAuditEvent({
              action: 'update',
              entityType: 'User',
              entityId: zoe.id,
              username: 'admin2',
              recordedAt: '2025-05-02T09:00:00.000Z',
            }),
            anAuditEvent({
              action: 'update',
              entityType: 'User',
              entityId: zoe.id,
              username: 'older',
              recordedAt: '2025-05-01T09:00:00.000Z',
            }),
          ]),
        ),
      );
      expect(collect(lookUpConflictAuthor(actionsOf(conflict), api))).toEqual([
        UsersApiActions.conflictAuthorLookedUp({
          requestId: 'r6',
          changedBy: { username: 'admin2', recordedAt: '2025-05-02T09:00:00.000Z' },
        }),
      ]);
      expect(api.auditEvents).toHaveBeenCalledOnceWith({ ...DEFAULT_AUDIT_QUERY, action: 'update', pageSize: CONFLICT_LOOKUP_PAGE_SIZE });
    });

    it('says "unknown" rather than fail when the audit log does not tell', () => {
      api.auditEvents.and.returnValue(throwError(() => new ApiError(500, null, null)));
      expect(collect(lookUpConflictAuthor(actionsOf(conflict), api))).toEqual([
        UsersApiActions.conflictAuthorLookedUp({ requestId: 'r6', changedBy: null }),
      ]);
    });

    it('looks nothing up for other failures', () => {
      const refused = UsersApiActions.updateFailed({
        failure: { requestId: 'r7', status: 422, message: 'No', fieldErrors: [], current: null, changedBy: null },
      });
      expect(collect(lookUpConflictAuthor(actionsOf(refused), api))).toEqual([]);
      expect(api.auditEvents).not.toHaveBeenCalled();
    });
  });
});

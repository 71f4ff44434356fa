import { aUserSummary } from '../admin-fixtures';
import type { ChangeFailure } from './change-failure';
import { UsersApiActions } from './users-api.actions';
import { UsersPageActions } from './users-page.actions';
import { type UsersState, initialUsersState, usersFeature } from './users.feature';

describe('usersFeature', () => {
  const { reducer } = usersFeature;
  const zoe = aUserSummary({ username: 'zoe', role: 'nurse' });
  const amy = aUserSummary({ username: 'amy', role: 'admin' });
  const bob = aUserSummary({ username: 'bob', role: 'admin', active: false });

  function loaded(): UsersState {
    const opened = reducer(initialUsersState, UsersPageActions.opened());
    return reducer(opened, UsersApiActions.loadSucceeded({ users: [zoe, amy, bob] }));
  }

  const failure = (requestId: string, overrides: Partial<ChangeFailure> = {}): ChangeFailure => ({
    requestId,
    status: 422,
    message: 'You cannot deactivate your own account.',
    fieldErrors: [],
    current: null,
    changedBy: null,
    ...overrides,
  });

  it('starts empty and not loaded', () => {
    expect(reducer(undefined, { type: '@@init' })).toEqual(initialUsersState);
    expect(initialUsersState).toEqual({
      ids: [],
      entities: {},
      loaded: false,
      loading: false,
      error: null,
      pending: null,
      completed: null,
      failure: null,
      notice: null,
    });
  });

  it('is loading once the page opens, and keeps users by username', () => {
    expect(reducer(initialUsersState, UsersPageActions.opened()).loading).toBeTrue();
    const state = loaded();
    expect(state.ids).toEqual([amy.id, bob.id, zoe.id]);
    expect(state.loaded).toBeTrue();
    expect(state.loading).toBeFalse();
  });

  it('records a failure to load, and Retry clears it', () => {
    const failed = reducer(reducer(initialUsersState, UsersPageActions.opened()), UsersApiActions.loadFailed({ error: 'Server down' }));
    expect(failed.error).toBe('Server down');
    expect(failed.loading).toBeFalse();
    const retried = reducer(failed, UsersPageActions.retryClicked());
    expect(retried.error).toBeNull();
    expect(retried.loading).toBeTrue();
  });

  it('tracks a change from request to success, with a notice', () => {
    const body = { username: 'new.nurse', displayName: 'New Nurse', role: 'nurse' as const, password: 'initial password 1' };
    const pending = reducer(loaded(), UsersPageActions.createSubmitted({ requestId: 'r1', body }));
    expect(pending.pending).toBe('r1');
    const created = aUserSummary({ username: 'new.nurse', mustChangePassword: true });
    const done = reducer(pending, UsersApiActions.createSucceeded({ requestId: 'r1', user: created }));
    expect(done.pending).toBeNull();
    expect(done.completed).toBe('r1');
    expect(done.entities[created.id]).toEqual(created);
    expect(done.notice).toBe('new.nurse was created as Nurse. They must change the password at first sign-in.');
  });

  it('says what an update did', () => {
    const off = reducer(
      reducer(loaded(), UsersPageActions.activeChangeConfirmed({ requestId: 'r2', user: zoe, active: false })),
      UsersApiActions.updateSucceeded({ requestId: 'r2', user: { ...zoe, active: false, version: 2 } }),
    );
    expect(off.notice).toBe('zoe was deactivated; their sessions have ended.');
    expect(off.entities[zoe.id]?.active).toBeFalse();
    const on = reducer(off, UsersApiActions.updateSucceeded({ requestId: 'r3', user: { ...zoe, active: true, version: 3 } }));
    expect(on.notice).toBe('zoe was reactivated and can sign in again.');
    const role = reducer(on, UsersApiActions.updateSucceeded({ requestId: 'r4', user: { ...zoe, role: 'specialist', version: 4 } }));
    expect(role.notice).toBe('zoe is now Pain specialist; their sessions have ended.');
    const reset = reducer(
      role,
      UsersApiActions.passwordResetSucceeded({ requestId: 'r5', user: { ...zoe, mustChangePassword: true, version: 5 } }),
    );
    expect(reset.notice).toContain('The password of zoe was reset');
    expect(reset.entities[zoe.id]?.mustChangePassword).toBeTrue();
  });

  it('keeps the failure of the change in flight, and ignores one for another request', () => {
    const pending = reducer(loaded(), UsersPageActions.activeChangeConfirmed({ requestId: 'r6', user: amy, active: false }));
    expect(reducer(pending, UsersApiActions.updateFailed({ failure: failure('other') }))).toBe(pending);
    const failed = reducer(pending, UsersApiActions.updateFailed({ failure: failure('r6') }));
    expect(failed.pending).toBeNull();
    expect(failed.failure?.message).toBe('You cannot deactivate your own account.');
    expect(failed.entities[amy.id]).toEqual(amy);
  });

  it('adds who changed the record to a conflict, once known', () => {
    const current = { ...zoe, role: 'specialist' as const, version: 2 };
    const pending = reducer(loaded(), UsersPageActions.roleChangeConfirmed({ requestId: 'r7', user: zoe, role: 'manager' }));
    const conflict = reducer(pending, UsersApiActions.updateFailed({ failure: failure('r7', { status: 409, current }) }));
    const changedBy = { username: 'admin2', recordedAt: '2025-05-01T10:00:00.000Z' };
    const known = reducer(conflict, UsersApiActions.conflictAuthorLookedUp({ requestId: 'r7', changedBy }));
    expect(known.failure?.changedBy).toEqual(changedBy);
    expect(reducer(known, UsersApiActions.conflictAuthorLookedUp({ requestId: 'r0', changedBy: null }))).toBe(known);
  });

  it('shows the current record after a conflict when asked to reload, never the stale one', () => {
    const current = { ...zoe, role: 'specialist' as const, version: 2 };
    const conflict = reducer(
      reducer(loaded(), UsersPageActions.roleChangeConfirmed({ requestId: 'r8', user: zoe, role: 'manager' })),
      UsersApiActions.updateFailed({ failure: failure('r8', { status: 409, current }) }),
    );
    const reloading = reducer(conflict, UsersPageActions.conflictReloadClicked({ current }));
    expect(reloading.entities[zoe.id]).toEqual(current);
    expect(reloading.failure).toBeNull();
    expect(reloading.loading).toBeTrue();
  });

  it('dismisses the notice', () => {
    const state = { ...loaded(), notice: 'Done.' };
    expect(reducer(state, UsersPageActions.noticeDismissed()).notice).toBeNull();
  });

  it('selects users alphabetically and counts the active administrators', () => {
    const root = { adminUsers: loaded() };
    expect(usersFeature.selectAll(root).map((u) => u.username)).toEqual(['amy', 'bob', 'zoe']);
    expect(usersFeature.selectActiveAdminCount(root)).toBe(1);
    expect(usersFeature.selectEntities(root)[zoe.id]).toEqual(zoe);
  });
});

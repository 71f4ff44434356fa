import { type EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { UserSummary } from '@shared/contracts/admin';
import { ROLE_LABELS } from '@shared/domain/permissions';
import type { ChangeFailure } from './change-failure';
import { UsersApiActions } from './users-api.actions';
import { UsersPageActions } from './users-page.actions';

export interface UsersState extends EntityState<UserSummary> {
  /** The list has been loaded at least once. */
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** The request id of the change in flight. */
  pending: string | null;
  /** The request id of the last change that succeeded (its dialog closes). */
  completed: string | null;
  /** The last change the server refused. */
  failure: ChangeFailure | null;
  /** What the last change did, for the page's status line. */
  notice: string | null;
}

/** Alphabetical by username, whatever order changes arrive in. */
export const usersAdapter = createEntityAdapter<UserSummary>({
  sortComparer: (a, b) => a.username.localeCompare(b.username),
});

export const initialUsersState: UsersState = usersAdapter.getInitialState({
  loaded: false,
  loading: false,
  error: null,
  pending: null,
  completed: null,
  failure: null,
  notice: null,
});

/** What an update did, comparing the record before and after. */
function describeUpdate(before: UserSummary | undefined, after: UserSummary): string {
  if (before && before.active !== after.active) {
    return after.active
      ? `${after.username} was reactivated and can sign in again.`
      : `${after.username} was deactivated; their sessions have ended.`;
  }
  if (before && before.role !== after.role) {
    return `${after.username} is now ${ROLE_LABELS[after.role]}; their sessions have ended.`;
  }
  return `${after.username} was updated.`;
}

function failed(state: UsersState, failure: ChangeFailure): UsersState {
  return state.pending === failure.requestId ? { ...state, pending: null, failure } : state;
}

export const usersFeature = createFeature({
  name: 'adminUsers',
  reducer: createReducer(
    initialUsersState,
    on(UsersPageActions.opened, UsersPageActions.retryClicked, (state): UsersState => ({ ...state, loading: true, error: null })),
    on(
      UsersApiActions.loadSucceeded,
      (state, { users }): UsersState => usersAdapter.setAll(users, { ...state, loaded: true, loading: false, error: null }),
    ),
    on(UsersApiActions.loadFailed, (state, { error }): UsersState => ({ ...state, loading: false, error })),
    on(
      UsersPageActions.createSubmitted,
      UsersPageActions.roleChangeConfirmed,
      UsersPageActions.activeChangeConfirmed,
      UsersPageActions.passwordResetSubmitted,
      (state, { requestId }): UsersState => ({ ...state, pending: requestId, failure: null, notice: null }),
    ),
    on(
      UsersApiActions.createSucceeded,
      (state, { requestId, user }): UsersState =>
        usersAdapter.upsertOne(user, {
          ...state,
          pending: state.pending === requestId ? null : state.pending,
          completed: requestId,
          notice: `${user.username} was created as ${ROLE_LABELS[user.role]}. They must change the password at first sign-in.`,
        }),
    ),
    on(
      UsersApiActions.updateSucceeded,
      (state, { requestId, user }): UsersState =>
        usersAdapter.upsertOne(user, {
          ...state,
          pending: state.pending === requestId ? null : state.pending,
          completed: requestId,
          notice: describeUpdate(state.entities[user.id], user),
        }),
    ),
    on(
      UsersApiActions.passwordResetSucceeded,
      (state, { requestId, user }): UsersState =>
        usersAdapter.upsertOne(user, {
          ...state,
          pending: state.pending === requestId ? null : state.pending,
          completed: requestId,
          notice: `The password of ${user.username} was reset. They must change it at next sign-in; their sessions have ended.`,
        }),
    ),
    on(
      UsersApiActions.createFailed,
      UsersApiActions.updateFailed,
      UsersApiActions.passwordResetFailed,
      (state, { failure }): UsersState => failed(state, failure),
    ),
    on(
      UsersApiActions.conflictAuthorLookedUp,
      (state, { requestId, changedBy }): UsersState =>
        state.failure?.requestId === requestId ? { ...state, failure: { ...state.failure, changedBy } } : state,
    ),
    on(UsersPageActions.conflictReloadClicked, (state, { current }): UsersState => {
      const cleared: UsersState = { ...state, failure: null, loading: true, error: null };
      return current ? usersAdapter.upsertOne(current, cleared) : cleared;
    }),
    on(UsersPageActions.noticeDismissed, (state): UsersState => ({ ...state, notice: null })),
  ),
  extraSelectors: ({ selectAdminUsersState }) => {
    const { selectAll, selectEntities, selectIds, selectTotal } = usersAdapter.getSelectors(selectAdminUsersState);
    return {
      selectAll,
      selectEntities,
      selectIds,
      selectTotal,
      /** Active administrators: the server refuses to remove the last one. */
      selectActiveAdminCount: createSelector(selectAll, (users) => users.filter((u) => u.role === 'admin' && u.active).length),
    };
  },
});

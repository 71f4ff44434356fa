import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { CreateUserBody, UserSummary } from '@shared/contracts/admin';
import type { Role } from '@shared/domain/permissions';

/**
 * The users page and its dialogs. Each change carries a `requestId` chosen by the dialog that asked for
 * it, so that the dialog can tell its own answer (close on success, show the problem otherwise).
 * `user` is the record as the administrator saw it: its `version` makes the server refuse a stale change.
 */
export const UsersPageActions = createActionGroup({
  source: 'Users Page',
  events: {
    Opened: emptyProps(),
    'Retry Clicked': emptyProps(),
    'Create Submitted': props<{ requestId: string; body: CreateUserBody }>(),
    'Role Change Confirmed': props<{ requestId: string; user: UserSummary; role: Role }>(),
    'Active Change Confirmed': props<{ requestId: string; user: UserSummary; active: boolean }>(),
    'Password Reset Submitted': props<{ requestId: string; user: UserSummary; password: string }>(),
    /** After a 409: show the record as it is now (and reload the list) instead of overwriting it. */
    'Conflict Reload Clicked': props<{ current: UserSummary | null }>(),
    'Notice Dismissed': emptyProps(),
  },
});

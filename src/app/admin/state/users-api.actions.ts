import { createActionGroup, props } from '@ngrx/store';
import type { UserSummary } from '@shared/contracts/admin';
import type { ChangeFailure, ChangedBy } from './change-failure';

export const UsersApiActions = createActionGroup({
  source: 'Users API',
  events: {
    'Load Succeeded': props<{ users: UserSummary[] }>(),
    'Load Failed': props<{ error: string }>(),
    'Create Succeeded': props<{ requestId: string; user: UserSummary }>(),
    'Create Failed': props<{ failure: ChangeFailure }>(),
    'Update Succeeded': props<{ requestId: string; user: UserSummary }>(),
    'Update Failed': props<{ failure: ChangeFailure }>(),
    'Password Reset Succeeded': props<{ requestId: string; user: UserSummary }>(),
    'Password Reset Failed': props<{ failure: ChangeFailure }>(),
    /** After a 409: who made the change the administrator did not see (null when the audit log does not say). */
    'Conflict Author Looked Up': props<{ requestId: string; changedBy: ChangedBy | null }>(),
  },
});

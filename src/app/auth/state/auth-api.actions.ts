import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { SessionInfo } from '@shared/contracts/auth';

/** Why the user is on the sign-in page; shown there as a message. */
export type SignOutReason = 'signed-out' | 'idle' | 'expired' | 'password-changed';

export const AuthApiActions = createActionGroup({
  source: 'Auth API',
  events: {
    'Session Loaded': props<{ session: SessionInfo }>(),
    'Session Missing': emptyProps(),
    'Session Load Failed': props<{ error: string }>(),
    'Sign In Succeeded': props<{ session: SessionInfo; returnUrl: string | null }>(),
    'Sign In Failed': props<{ error: string }>(),
    'Session Refreshed': props<{ session: SessionInfo }>(),
    'Session Refresh Failed': props<{ error: string }>(),
    'Signed Out': props<{ reason: SignOutReason; returnUrl: string | null }>(),
    'Password Changed': emptyProps(),
    'Password Change Failed': props<{ error: string }>(),
  },
});

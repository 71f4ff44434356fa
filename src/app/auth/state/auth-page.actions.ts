import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { ChangePasswordBody, LoginBody } from '@shared/contracts/auth';

/** What staff do on the sign-in, change-password and shell pages. */
export const AuthPageActions = createActionGroup({
  source: 'Auth Page',
  events: {
    'Sign In Submitted': props<{ credentials: LoginBody; returnUrl: string | null }>(),
    'Change Password Submitted': props<{ body: ChangePasswordBody }>(),
    'Sign Out Clicked': emptyProps(),
  },
});

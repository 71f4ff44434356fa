import { createActionGroup, emptyProps, props } from '@ngrx/store';

/** Session events that come from the app itself (start-up, idle timer, API answers). */
export const SessionActions = createActionGroup({
  source: 'Session',
  events: {
    /** The app started: find out whether a session cookie is still valid. */
    'App Started': emptyProps(),
    /** An API call answered 401: the server ended the session. */
    Expired: props<{ returnUrl: string }>(),
    /** The idle timeout ran out (HIPAA 164.312(a)(2)(iii) automatic logoff). */
    'Idle Timed Out': props<{ returnUrl: string }>(),
    /** The user is active but no request reached the server for a while: keep the session alive. */
    'Keep Alive Requested': emptyProps(),
  },
});

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ChangePasswordBody, LoginBody, SessionInfo } from '@shared/contracts/auth';
import { type Observable, map } from 'rxjs';

/** Shown when the start-up session check fails for another reason than "not signed in". */
export const SESSION_CHECK_FAILED = 'Signing in is not available right now. Try again in a moment.';

/** The session endpoints (`/api/auth/*`); responses are parsed with the shared contract. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** 200 with the session, or an ApiError with status 401 when there is none. */
  me(): Observable<SessionInfo> {
    return this.http.get<unknown>('/api/auth/me').pipe(map((body) => SessionInfo.parse(body)));
  }

  /** 401 (wrong username or password) and 429 (locked out) come back as ApiErrors with a problem detail. */
  login(credentials: LoginBody): Observable<SessionInfo> {
    return this.http.post<unknown>('/api/auth/login', LoginBody.parse(credentials)).pipe(map((body) => SessionInfo.parse(body)));
  }

  logout(): Observable<void> {
    return this.http.post<unknown>('/api/auth/logout', null).pipe(map(() => undefined));
  }

  /** Keeps the session alive; the server answers with the refreshed session. */
  touch(): Observable<SessionInfo> {
    return this.http.post<unknown>('/api/auth/touch', null).pipe(map((body) => SessionInfo.parse(body)));
  }

  /** 204; the server then ends every session of the user, this one included. */
  changePassword(body: ChangePasswordBody): Observable<void> {
    return this.http.post<unknown>('/api/auth/password', ChangePasswordBody.parse(body)).pipe(map(() => undefined));
  }
}

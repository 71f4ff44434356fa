import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AuditEventPage,
  type CreateUserBody,
  type ResetPasswordBody,
  type UpdateUserBody,
  UserListResponse,
  UserSummary,
} from '@shared/contracts/admin';
import { type Observable, map } from 'rxjs';
import { type AuditQuery, toApiParams } from './audit-query';

/** `/api/admin/...`: user administration and the audit log; responses are parsed with the shared contract. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  listUsers(): Observable<UserSummary[]> {
    return this.http.get<unknown>('/api/admin/users').pipe(map((body) => UserListResponse.parse(body).items));
  }

  /** 201 with the new user (who must change the password at first sign-in); 400 `username` when taken. */
  createUser(body: CreateUserBody): Observable<UserSummary> {
    return this.http.post<unknown>('/api/admin/users', body).pipe(map((res) => UserSummary.parse(res)));
  }

  /** Role or active flag; 409 with `current` on a stale version, 422 for self-deactivation or the last administrator. */
  updateUser(id: string, body: UpdateUserBody): Observable<UserSummary> {
    return this.http.patch<unknown>(`/api/admin/users/${encodeURIComponent(id)}`, body).pipe(map((res) => UserSummary.parse(res)));
  }

  /** Sets a password chosen by the administrator; the user must change it at next sign-in. */
  resetPassword(id: string, body: ResetPasswordBody): Observable<UserSummary> {
    return this.http.post<unknown>(`/api/admin/users/${encodeURIComponent(id)}/password`, body).pipe(map((res) => UserSummary.parse(res)));
  }

  /** One page of audit events, newest first, filtered on the server. */
  auditEvents(query: AuditQuery): Observable<AuditEventPage> {
    const params = new HttpParams({ fromObject: toApiParams(query) });
    return this.http.get<unknown>('/api/admin/audit-events', { params }).pipe(map((body) => AuditEventPage.parse(body)));
  }
}

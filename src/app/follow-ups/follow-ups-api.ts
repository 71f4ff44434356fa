import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { FollowUpDuePage } from '@shared/contracts/plans';
import { type Observable, map } from 'rxjs';
import { type FollowUpsQuery, toApiParams } from './follow-ups-query';

/** `/api/follow-ups`: outstanding follow-ups with the counts due this week and overdue; parsed with the shared contract. */
@Injectable({ providedIn: 'root' })
export class FollowUpsApi {
  private readonly http = inject(HttpClient);

  list(query: FollowUpsQuery): Observable<FollowUpDuePage> {
    const params = new HttpParams({ fromObject: toApiParams(query) });
    return this.http.get<unknown>('/api/follow-ups', { params }).pipe(map((body) => FollowUpDuePage.parse(body)));
  }
}

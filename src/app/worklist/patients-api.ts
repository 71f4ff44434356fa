import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PatientListResponse } from '@shared/contracts/patients';
import { type Observable, map } from 'rxjs';
import { DEFAULT_WORKLIST_QUERY, type WorklistQuery, toApiParams } from './worklist-query';

/** `/api/patients`; responses are parsed with the shared contract. */
@Injectable({ providedIn: 'root' })
export class PatientsApi {
  private readonly http = inject(HttpClient);

  /** The worklist: `{ items, total, page, pageSize }`; repeated `status`/`cause` parameters mean "any of". */
  list(query: WorklistQuery): Observable<PatientListResponse> {
    const params = new HttpParams({ fromObject: toApiParams(query) });
    return this.http.get<unknown>('/api/patients', { params }).pipe(map((body) => PatientListResponse.parse(body)));
  }

  /**
   * How many patients have an overdue follow-up (the window around the due date has closed), clinic-wide:
   * the `total` of `overdue=true` with a one-row page.
   */
  countOverdue(): Observable<number> {
    return this.list({ ...DEFAULT_WORKLIST_QUERY, overdue: true, pageSize: 1 }).pipe(map((response) => response.total));
  }
}

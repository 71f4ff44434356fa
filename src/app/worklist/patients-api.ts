import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PatientListResponse } from '@shared/contracts/patients';
import { type Observable, map } from 'rxjs';
import { type WorklistQuery, toApiParams } from './worklist-query';

/** `/api/patients`; responses are parsed with the shared contract. */
@Injectable({ providedIn: 'root' })
export class PatientsApi {
  private readonly http = inject(HttpClient);

  /** The worklist: `{ items, total, page, pageSize }`; repeated `status`/`cause` parameters mean "any of". */
  list(query: WorklistQuery): Observable<PatientListResponse> {
    const params = new HttpParams({ fromObject: toApiParams(query) });
    return this.http.get<unknown>('/api/patients', { params }).pipe(map((body) => PatientListResponse.parse(body)));
  }
}

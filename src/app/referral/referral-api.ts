import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MrnCheckResponse, type RegisterReferralBody, RegisterReferralResponse } from '@shared/contracts/patients';
import { type Observable, map } from 'rxjs';

/** Registering referrals (`POST /api/patients`) and checking whether an MRN is known. */
@Injectable({ providedIn: 'root' })
export class ReferralApi {
  private readonly http = inject(HttpClient);

  /** Whether a patient with this MRN exists (case-insensitive). */
  checkMrn(mrn: string): Observable<MrnCheckResponse> {
    return this.http
      .get<unknown>('/api/patients/mrn-check', { params: new HttpParams({ fromObject: { mrn } }) })
      .pipe(map((body) => MrnCheckResponse.parse(body)));
  }

  /**
   * 201 with a new patient, or 200 (`createdPatient: false`) when the MRN was known and a new referral
   * episode was added. The Idempotency-Key makes a retry of the same submission safe.
   */
  register(body: RegisterReferralBody, idempotencyKey: string): Observable<RegisterReferralResponse> {
    return this.http
      .post<unknown>('/api/patients', body, { headers: { 'Idempotency-Key': idempotencyKey } })
      .pipe(map((response) => RegisterReferralResponse.parse(response)));
  }
}

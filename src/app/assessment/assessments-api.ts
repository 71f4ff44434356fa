import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AcknowledgeRedFlagBody,
  Assessment,
  AssessmentList,
  type NewAssessmentBody,
  RedFlagAlert,
  RedFlagAlertList,
} from '@shared/contracts/assessments';
import type { EnteredInErrorBody } from '@shared/contracts/common';
import { Patient } from '@shared/contracts/patients';
import { type TreatmentPlan, TreatmentPlanList } from '@shared/contracts/plans';
import { type Observable, map } from 'rxjs';

/** A created assessment, and whether the server answered from its idempotency record (a replay). */
export interface CreatedAssessment {
  readonly assessment: Assessment;
  readonly replayed: boolean;
}

function patientUrl(patientId: string): string {
  return `/api/patients/${encodeURIComponent(patientId)}`;
}

/**
 * `/api/patients/:id/assessments` and `/red-flags`, plus the patient header and treatment plans the
 * assessment pages show. Responses are parsed with the shared contracts.
 */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  /** Every assessment of the patient, oldest first, including those marked entered-in-error. */
  list(patientId: string): Observable<Assessment[]> {
    return this.http.get<unknown>(`${patientUrl(patientId)}/assessments`).pipe(map((body) => AssessmentList.parse(body).items));
  }

  /**
   * Records an assessment. `idempotencyKey` identifies the submission: a retry with the same key (and
   * body) is answered with the first answer and never creates a second assessment.
   */
  create(patientId: string, body: NewAssessmentBody, idempotencyKey: string): Observable<CreatedAssessment> {
    const headers = new HttpHeaders({ 'Idempotency-Key': idempotencyKey });
    return this.http.post<unknown>(`${patientUrl(patientId)}/assessments`, body, { headers, observe: 'response' }).pipe(
      map((response) => ({
        assessment: Assessment.parse(response.body),
        replayed: response.headers.get('idempotent-replayed') === 'true',
      })),
    );
  }

  /** Corrections never edit an assessment: it is marked entered-in-error, with the reason. */
  markEnteredInError(patientId: string, assessmentId: string, body: EnteredInErrorBody): Observable<Assessment> {
    return this.http
      .post<unknown>(`${patientUrl(patientId)}/assessments/${encodeURIComponent(assessmentId)}/entered-in-error`, body)
      .pipe(map((response) => Assessment.parse(response)));
  }

  redFlags(patientId: string): Observable<RedFlagAlert[]> {
    return this.http.get<unknown>(`${patientUrl(patientId)}/red-flags`).pipe(map((body) => RedFlagAlertList.parse(body).items));
  }

  acknowledge(patientId: string, alertId: string, body: AcknowledgeRedFlagBody): Observable<RedFlagAlert> {
    return this.http
      .post<unknown>(`${patientUrl(patientId)}/red-flags/${encodeURIComponent(alertId)}/acknowledge`, body)
      .pipe(map((response) => RedFlagAlert.parse(response)));
  }

  /** The patient (for the form's header: name and MRN). */
  patient(patientId: string): Observable<Patient> {
    return this.http.get<unknown>(patientUrl(patientId)).pipe(map((body) => Patient.parse(body)));
  }

  /** Treatment plans with their items (for the chart's treatment annotations and the baseline). */
  plans(patientId: string): Observable<TreatmentPlan[]> {
    return this.http.get<unknown>(`${patientUrl(patientId)}/plans`).pipe(map((body) => TreatmentPlanList.parse(body).items));
  }
}

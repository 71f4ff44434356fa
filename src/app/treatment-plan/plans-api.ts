import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CauseTagList, type CauseTag, type Clinician, ClinicianListResponse } from '@shared/contracts/patients';
import {
  type AddPlanItemBody,
  type PlanGoal,
  type PlanItemOutcome,
  PlanOutcomeList,
  TreatmentPlan,
  TreatmentPlanList,
  type UpdatePlanItemBody,
} from '@shared/contracts/plans';
import { type Observable, map } from 'rxjs';

const base = (patientId: string): string => `/api/patients/${encodeURIComponent(patientId)}`;

/** Body of PATCH /api/patients/:id/plans/:planId (UpdatePlanBody). */
export interface UpdatePlanChange {
  readonly version: number;
  readonly goals?: PlanGoal[];
  readonly status?: 'completed' | 'revoked';
}

/**
 * Treatment plans of a case (`/api/patients/:id/plans`, `/plan-items/:itemId`, `/plan-outcomes`), plus the case's
 * suspected causes and the clinicians the plan editor offers. Responses are parsed with the shared contracts.
 */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  /** Every plan of the case, the active one first, each with its items, follow-ups and history. */
  list(patientId: string): Observable<TreatmentPlan[]> {
    return this.http.get<unknown>(`${base(patientId)}/plans`).pipe(map((body) => TreatmentPlanList.parse(body).items));
  }

  /** A new plan (422 when one is active and `replaceActive` is false); the Idempotency-Key makes a retry safe. */
  create(patientId: string, body: { goals: PlanGoal[]; replaceActive: boolean }, idempotencyKey: string): Observable<TreatmentPlan> {
    return this.http
      .post<unknown>(`${base(patientId)}/plans`, body, { headers: { 'Idempotency-Key': idempotencyKey } })
      .pipe(map((response) => TreatmentPlan.parse(response)));
  }

  /** Goals or status of the active plan, conditional on `version` (409 with the current plan when stale). */
  updatePlan(patientId: string, planId: string, body: UpdatePlanChange): Observable<TreatmentPlan> {
    return this.http
      .patch<unknown>(`${base(patientId)}/plans/${encodeURIComponent(planId)}`, body)
      .pipe(map((response) => TreatmentPlan.parse(response)));
  }

  /** Adds a treatment from the catalogue to the active plan; answers with the whole plan. */
  addItem(patientId: string, planId: string, body: AddPlanItemBody, idempotencyKey: string): Observable<TreatmentPlan> {
    return this.http
      .post<unknown>(`${base(patientId)}/plans/${encodeURIComponent(planId)}/items`, body, {
        headers: { 'Idempotency-Key': idempotencyKey },
      })
      .pipe(map((response) => TreatmentPlan.parse(response)));
  }

  /** Status, dates and details of one item (422 for a transition the shared rules refuse, 409 when stale). */
  updateItem(patientId: string, itemId: string, body: UpdatePlanItemBody): Observable<TreatmentPlan> {
    return this.http
      .patch<unknown>(`${base(patientId)}/plan-items/${encodeURIComponent(itemId)}`, body)
      .pipe(map((response) => TreatmentPlan.parse(response)));
  }

  /** Baseline, each follow-up, change and responder category for every started item. */
  outcomes(patientId: string): Observable<PlanItemOutcome[]> {
    return this.http.get<unknown>(`${base(patientId)}/plan-outcomes`).pipe(map((body) => PlanOutcomeList.parse(body).items));
  }

  /** The case's suspected causes (what a treatment can address). */
  causes(patientId: string): Observable<CauseTag[]> {
    return this.http.get<unknown>(`${base(patientId)}/causes`).pipe(map((body) => CauseTagList.parse(body).items));
  }

  /** Active nurses and specialists; only specialists can be responsible for a treatment. */
  clinicians(): Observable<Clinician[]> {
    return this.http.get<unknown>('/api/clinicians').pipe(map((body) => ClinicianListResponse.parse(body).items));
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EnteredInErrorBody } from '@shared/contracts/common';
import {
  type AddCauseBody,
  CauseTag,
  CauseTagList,
  type ChangeStatusBody,
  ClinicalNote,
  ClinicalNoteList,
  type Clinician,
  ClinicianListResponse,
  Patient,
  type UpdateCauseBody,
  type UpdatePatientBody,
} from '@shared/contracts/patients';
import { type Observable, map } from 'rxjs';

const base = (patientId: string): string => `/api/patients/${encodeURIComponent(patientId)}`;

/** The case record's endpoints under `/api/patients/:id`; responses are parsed with the shared contracts. */
@Injectable({ providedIn: 'root' })
export class CaseApi {
  private readonly http = inject(HttpClient);

  getPatient(patientId: string): Observable<Patient> {
    return this.http.get<unknown>(base(patientId)).pipe(map((body) => Patient.parse(body)));
  }

  /** Details and assignment; conditional on `version` (409 with the current record when stale). */
  updatePatient(patientId: string, body: UpdatePatientBody): Observable<Patient> {
    return this.http.patch<unknown>(base(patientId), body).pipe(map((response) => Patient.parse(response)));
  }

  /** A move through the shared state machine (422 when the move is not allowed, 409 when stale). */
  changeStatus(patientId: string, body: ChangeStatusBody): Observable<Patient> {
    return this.http.post<unknown>(`${base(patientId)}/status`, body).pipe(map((response) => Patient.parse(response)));
  }

  listCauses(patientId: string): Observable<CauseTag[]> {
    return this.http.get<unknown>(`${base(patientId)}/causes`).pipe(map((body) => CauseTagList.parse(body).items));
  }

  /** Tags a suspected cause; the Idempotency-Key makes a retried submission safe. */
  addCause(patientId: string, body: AddCauseBody, idempotencyKey: string): Observable<CauseTag> {
    return this.http
      .post<unknown>(`${base(patientId)}/causes`, body, { headers: { 'Idempotency-Key': idempotencyKey } })
      .pipe(map((response) => CauseTag.parse(response)));
  }

  updateCause(patientId: string, causeId: string, body: UpdateCauseBody): Observable<CauseTag> {
    return this.http
      .patch<unknown>(`${base(patientId)}/causes/${encodeURIComponent(causeId)}`, body)
      .pipe(map((response) => CauseTag.parse(response)));
  }

  causeEnteredInError(patientId: string, causeId: string, body: EnteredInErrorBody): Observable<void> {
    return this.http.post(`${base(patientId)}/causes/${encodeURIComponent(causeId)}/entered-in-error`, body).pipe(map(() => undefined));
  }

  listNotes(patientId: string): Observable<ClinicalNote[]> {
    return this.http.get<unknown>(`${base(patientId)}/notes`).pipe(map((body) => ClinicalNoteList.parse(body).items));
  }

  addNote(patientId: string, body: string, idempotencyKey: string): Observable<ClinicalNote> {
    return this.http
      .post<unknown>(`${base(patientId)}/notes`, { body }, { headers: { 'Idempotency-Key': idempotencyKey } })
      .pipe(map((response) => ClinicalNote.parse(response)));
  }

  noteEnteredInError(patientId: string, noteId: string, body: EnteredInErrorBody): Observable<ClinicalNote> {
    return this.http
      .post<unknown>(`${base(patientId)}/notes/${encodeURIComponent(noteId)}/entered-in-error`, body)
      .pipe(map((response) => ClinicalNote.parse(response)));
  }

  /** Active nurses and specialists who can be assigned to a case. */
  listClinicians(): Observable<Clinician[]> {
    return this.http.get<unknown>('/api/clinicians').pipe(map((body) => ClinicianListResponse.parse(body).items));
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { OutcomesDashboard } from '@shared/contracts/outcomes';
import type { OUTCOME_TABLES } from '@shared/contracts/outcomes';
import { type Clinician, ClinicianListResponse } from '@shared/contracts/patients';
import { type Observable, map } from 'rxjs';
import { type OutcomesFilters, toParams } from './outcomes-query';

/** A table of the dashboard (each chart has one); the `table` of GET /api/outcomes/export. */
export type OutcomeTable = (typeof OUTCOME_TABLES)[number];

/** What a recorded browser-side export was: a chart image, or a print of the whole dashboard. */
export type BrowserExport = { format: 'png'; chart: OutcomeTable } | { format: 'print'; chart: 'dashboard' };

/** `/api/outcomes/*`: de-identified aggregates; responses are parsed with the shared contract. */
@Injectable({ providedIn: 'root' })
export class OutcomesApi {
  private readonly http = inject(HttpClient);

  dashboard(filters: OutcomesFilters): Observable<OutcomesDashboard> {
    const params = new HttpParams({ fromObject: toParams(filters) });
    return this.http.get<unknown>('/api/outcomes/dashboard', { params }).pipe(map((body) => OutcomesDashboard.parse(body)));
  }

  /** The specialists managers may filter by (GET /api/outcomes/clinicians: staff names only, no patient data). */
  clinicians(): Observable<Clinician[]> {
    return this.http.get<unknown>('/api/outcomes/clinicians').pipe(map((body) => ClinicianListResponse.parse(body).items));
  }

  /**
   * Records a chart image or a print made in the browser (POST /api/outcomes/export-events), so that
   * every export is in the audit trail. CSV exports are recorded by the server as it sends them.
   */
  recordExport(event: BrowserExport, filters: OutcomesFilters): Observable<void> {
    return this.http.post('/api/outcomes/export-events', { ...event, filters }).pipe(map(() => undefined));
  }
}

/** The CSV download of one table with the current filters (GET, so a plain link; the server audits it). */
export function csvExportHref(table: OutcomeTable, filters: OutcomesFilters): string {
  const params = new HttpParams({ fromObject: { table, ...toParams(filters) } });
  return `/api/outcomes/export?${params.toString()}`;
}

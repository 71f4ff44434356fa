import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { FHIR_JSON_CONTENT_TYPE, FhirImportPreview, FhirImportReport } from '@shared/contracts/fhir';
import { type Observable, filter, map } from 'rxjs';

/** What `importBundle` reports: bytes sent so far, then the server's report. */
export type FhirImportProgress =
  | { readonly kind: 'upload'; readonly loaded: number; readonly total: number }
  | { readonly kind: 'done'; readonly report: FhirImportReport };

/**
 * `/api/fhir-import[/preview]`: the bundle goes to the server as the text of the file, unchanged (the server
 * judges its structure and explains what is wrong). Responses are parsed with the shared contract.
 */
@Injectable({ providedIn: 'root' })
export class FhirImportApi {
  private readonly http = inject(HttpClient);

  /** What an import of this bundle would do; nothing is written. */
  preview(bundle: string): Observable<FhirImportPreview> {
    return this.http
      .post<unknown>('/api/fhir-import/preview', bundle, { headers: { 'Content-Type': FHIR_JSON_CONTENT_TYPE } })
      .pipe(map((body) => FhirImportPreview.parse(body)));
  }

  /**
   * Imports the bundle (one transaction on the server), reporting upload progress. The same `idempotencyKey`
   * for a retry of the same import makes the server answer it once.
   */
  importBundle(bundle: string, idempotencyKey: string): Observable<FhirImportProgress> {
    return this.http
      .post<unknown>('/api/fhir-import', bundle, {
        headers: { 'Content-Type': FHIR_JSON_CONTENT_TYPE, 'Idempotency-Key': idempotencyKey },
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        map((event): FhirImportProgress | null => {
          switch (event.type) {
            case HttpEventType.UploadProgress:
              return { kind: 'upload', loaded: event.loaded, total: event.total ?? event.loaded };
            case HttpEventType.Response:
              return { kind: 'done', report: FhirImportReport.parse(event.body) };
            default:
              return null;
          }
        }),
        filter((progress): progress is FhirImportProgress => progress !== null),
      );
  }
}

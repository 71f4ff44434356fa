import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { FHIR_JSON_CONTENT_TYPE } from '@shared/contracts/fhir';
import { type Observable, map } from 'rxjs';
import { filenameFromContentDisposition } from './save-file';

export interface FhirExport {
  readonly blob: Blob;
  /** From Content-Disposition; null when the server did not name the file. */
  readonly filename: string | null;
}

/** `GET /api/patients/:id/fhir`: the case as a FHIR R4 Bundle (type collection), as a file to save. */
@Injectable({ providedIn: 'root' })
export class FhirExportApi {
  private readonly http = inject(HttpClient);

  exportBundle(patientId: string): Observable<FhirExport> {
    return this.http
      .get(`/api/patients/${encodeURIComponent(patientId)}/fhir`, {
        observe: 'response',
        responseType: 'blob',
        headers: { Accept: FHIR_JSON_CONTENT_TYPE },
      })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob([], { type: FHIR_JSON_CONTENT_TYPE }),
          filename: filenameFromContentDisposition(response.headers.get('Content-Disposition')),
        })),
      );
  }
}

import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Store } from '@ngrx/store';
import { can } from '@shared/domain/permissions';
import { firstValueFrom } from 'rxjs';
import { authFeature } from '../../auth/state/auth.feature';
import { ApiError, errorMessage } from '../../core/http/api-error';
import { FhirExportApi } from '../fhir-export-api';
import { FileSaver } from '../save-file';

let nextId = 0;

/**
 * "Export as FHIR" on the case page (roles with 'fhir.export'): downloads the case as a FHIR R4 Bundle of type
 * collection, under the name the server gives (else `fbss-<mrn>.fhir.json`). A one-off download with nothing to
 * share, so it keeps its own state (busy, error) instead of a store feature.
 */
@Component({
  selector: 'app-fhir-export-button',
  imports: [MatButton, MatIcon],
  templateUrl: './fhir-export-button.html',
  styleUrl: './fhir-export-button.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FhirExportButton {
  // The API (and with it HttpClient) is looked up on the first click: the button sits in the case header, whose
  // page and specs need no HTTP for it otherwise.
  private readonly injector = inject(Injector);
  private readonly role = inject(Store).selectSignal(authFeature.selectRole);

  readonly patientId = input.required<string>();
  /** For the file name when the server gives none. */
  readonly mrn = input<string | null>(null);

  protected readonly visible = computed(() => can(this.role(), 'fhir.export'));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Announced once the download has been handed to the browser. */
  protected readonly done = signal('');
  protected readonly errorId = `fhir-export-error-${String(nextId++)}`;

  protected export(): void {
    if (this.busy()) return;
    void this.download();
  }

  private async download(): Promise<void> {
    const patientId = this.patientId();
    this.busy.set(true);
    this.error.set(null);
    this.done.set('');
    try {
      const { blob, filename } = await firstValueFrom(this.injector.get(FhirExportApi).exportBundle(patientId));
      const name = filename ?? `fbss-${this.mrn() ?? patientId}.fhir.json`;
      this.injector.get(FileSaver).save(blob, name);
      this.done.set(`FHIR bundle downloaded as ${name}.`);
    } catch (error) {
      this.error.set(exportFailure(error));
    } finally {
      this.busy.set(false);
    }
  }
}

function exportFailure(error: unknown): string {
  // The error body of a file download is not read as problem+json, so 4xx answers are explained here.
  if (error instanceof ApiError && error.status === 403) return 'You are not permitted to export this record.';
  if (error instanceof ApiError && error.status === 404) return 'The export failed: this patient record was not found.';
  return `The export failed. ${errorMessage(error, 'Try again.')}`;
}

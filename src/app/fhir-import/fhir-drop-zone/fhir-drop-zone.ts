import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { FHIR_IMPORT_BUNDLE_TYPES, FHIR_IMPORT_MAX_MB } from '@shared/contracts/fhir';

/** What the file input offers in the system's file dialog (a dropped file is not filtered: its content is checked). */
export const BUNDLE_FILE_ACCEPT = '.json,application/json,application/fhir+json';

/**
 * Where the bundle file comes from: dropped on the zone, or chosen with "Choose a FHIR bundle file", the keyboard
 * path: a visually hidden file input (focusable; Enter or Space opens the file dialog) whose visible label is
 * drawn as a button and shows the input's focus.
 */
@Component({
  selector: 'app-fhir-drop-zone',
  imports: [MatIcon],
  templateUrl: './fhir-drop-zone.html',
  styleUrl: './fhir-drop-zone.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FhirDropZone {
  /** Why the last file was refused (shown under the zone). */
  readonly error = input<string | null>(null);
  readonly fileChosen = output<File>();
  /** Several files dropped at once: how many. */
  readonly severalFiles = output<number>();

  protected readonly accept = BUNDLE_FILE_ACCEPT;
  protected readonly maxMb = FHIR_IMPORT_MAX_MB;
  protected readonly bundleTypes = FHIR_IMPORT_BUNDLE_TYPES.join(', ');
  /** A file is being dragged over the zone. */
  protected readonly dragging = signal(false);
  /** dragenter/dragleave also fire for the zone's children: count them so the highlight does not flicker. */
  private depth = 0;

  protected dragEnter(event: DragEvent): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.depth++;
    this.dragging.set(true);
  }

  protected dragOver(event: DragEvent): void {
    if (!carriesFiles(event)) return;
    // Without this the browser refuses the drop (and would open the file instead).
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  }

  protected dragLeave(): void {
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.dragging.set(false);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.depth = 0;
    this.dragging.set(false);
    this.take(event.dataTransfer?.files ?? null);
  }

  protected picked(inputElement: HTMLInputElement): void {
    this.take(inputElement.files);
    // Choosing the same file again (after fixing it, or after starting over) must fire `change` again.
    inputElement.value = '';
  }

  private take(files: FileList | null): void {
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      this.severalFiles.emit(files.length);
      return;
    }
    const file = files.item(0);
    if (file) this.fileChosen.emit(file);
  }
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

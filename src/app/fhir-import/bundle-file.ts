import { Injectable } from '@angular/core';
import { Observable } from 'rxjs';

/** Name and size of the chosen file: what the store keeps of it (a File is not serializable). */
export interface BundleFileInfo {
  readonly name: string;
  /** Bytes. */
  readonly size: number;
}

export function fileInfo(file: File): BundleFileInfo {
  return { name: file.name, size: file.size };
}

/**
 * The file the user chose or dropped, on its way from the page to the effect that reads it. Actions carry only
 * its name and size (the store's runtime checks refuse non-serializable values); the effect takes the file here.
 */
@Injectable({ providedIn: 'root' })
export class ChosenBundleFile {
  private file: File | null = null;

  set(file: File): void {
    this.file = file;
  }

  /** The chosen file, once: it is not kept after reading. */
  take(): File | null {
    const file = this.file;
    this.file = null;
    return file;
  }
}

export type FileReadEvent =
  | { readonly kind: 'progress'; readonly loaded: number; readonly total: number }
  | { readonly kind: 'loaded'; readonly text: string };

/** Reads a file as UTF-8 text (a byte-order mark is dropped), reporting progress; unsubscribing aborts the read. */
@Injectable({ providedIn: 'root' })
export class BundleFileReader {
  read(file: Blob): Observable<FileReadEvent> {
    return new Observable<FileReadEvent>((subscriber) => {
      const reader = new FileReader();
      reader.onprogress = (event) => {
        subscriber.next({ kind: 'progress', loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
      };
      reader.onload = () => {
        subscriber.next({ kind: 'loaded', text: typeof reader.result === 'string' ? reader.result : '' });
        subscriber.complete();
      };
      reader.onerror = () => {
        subscriber.error(reader.error ?? new Error('The file could not be read.'));
      };
      reader.readAsText(file, 'utf-8');
      return () => {
        if (reader.readyState === FileReader.LOADING) reader.abort();
      };
    });
  }
}

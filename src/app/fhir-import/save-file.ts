import { DOCUMENT, Injectable, inject } from '@angular/core';

/**
 * The file name a Content-Disposition header gives (`filename*=UTF-8''...` preferred over `filename="..."`),
 * without any folder part; null when there is none.
 */
export function filenameFromContentDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return safeFilename(decodeURIComponent(extended[2].trim()));
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
  const value = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return value ? safeFilename(value) : null;
}

function safeFilename(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? null : base;
}

/** Saves a Blob as a download (an object URL on a temporary link), then releases the URL. */
@Injectable({ providedIn: 'root' })
export class FileSaver {
  private readonly document = inject(DOCUMENT);

  save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    link.style.display = 'none';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    // Released after the click has been handled (revoking at once can cancel the download in some browsers).
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 10_000);
  }
}

import { FHIR_IMPORT_MAX_BYTES, FHIR_IMPORT_MAX_MB } from '@shared/contracts/fhir';
import type { BundleFileInfo } from './bundle-file';

/**
 * Checks made in the browser before anything is sent: the size limit and whether the text is JSON at all.
 * Whether the JSON is a FHIR Bundle the server decides (it explains what is wrong), so the text is sent as it is.
 */

/** Why the file cannot be sent, or null. */
export function fileProblem(file: BundleFileInfo, maxBytes: number = FHIR_IMPORT_MAX_BYTES): string | null {
  if (file.size === 0) return `${file.name} is empty. Choose a FHIR bundle file (JSON).`;
  if (file.size > maxBytes) {
    const limit = maxBytes === FHIR_IMPORT_MAX_BYTES ? `${String(FHIR_IMPORT_MAX_MB)} MB` : formatBytes(maxBytes);
    return `${file.name} is ${formatBytes(file.size)}; bundles of up to ${limit} can be imported. Export the patient's resources in a smaller bundle.`;
  }
  return null;
}

/** Why the text is not JSON, or null. */
export function jsonProblem(text: string): string | null {
  const start = text.trimStart();
  if (start === '') return 'The file is empty. Choose a FHIR bundle file (JSON).';
  if (start.startsWith('<')) {
    return 'This file looks like XML. Only FHIR JSON can be imported: export the bundle as JSON and choose that file.';
  }
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const reason = e instanceof Error ? ` (${e.message})` : '';
    return `This file is not valid JSON${reason}. Check that it is a complete FHIR bundle exported as JSON.`;
  }
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 1536 -> "1.5 KB" (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? 'bytes'}`;
}

/**
 * Reading untrusted FHIR JSON without trusting its shape: every accessor checks the type it returns, so a
 * malformed element gives "absent" (and a per-entry message where it matters) instead of an exception.
 */
import type { Coding } from './codes';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-blank string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function obj(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

/** The objects of an array element (other members are ignored). */
export function objects(v: unknown): JsonObject[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : [];
}

export function codingsOf(cc: unknown): Coding[] {
  const o = obj(cc);
  if (!o) return [];
  return objects(o['coding']).map((c) => ({ system: str(c['system'])?.trim(), code: str(c['code'])?.trim(), display: str(c['display']) }));
}

export function allCodings(ccs: unknown): Coding[] {
  return (Array.isArray(ccs) ? ccs : [ccs]).flatMap(codingsOf);
}

/** CodeableConcept.text, else the first coding's display. */
export function conceptText(cc: unknown): string | undefined {
  const o = obj(cc);
  if (!o) return undefined;
  return (
    str(o['text']) ??
    codingsOf(o)
      .map((c) => c.display)
      .find((d) => d !== undefined)
  );
}

export function hasCoding(codings: readonly Coding[], system: string, code: string): boolean {
  return codings.some((c) => c.system === system && c.code === code);
}

/** A finite number, else undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

// ---- Dates (FHIR R4 date / dateTime / instant) ----

export interface FhirTime {
  /** The calendar date as written (YYYY-MM-DD; month and day default to 01 for partial dates). */
  date: string;
  /** The instant: as written when a time is given; noon UTC of the date otherwise (keeps the same calendar day in any clinic time zone from UTC-11 to UTC+11). */
  instant: Date;
  /** A date without time (or a partial date). */
  dateOnly: boolean;
  /** Only a year or a year and month. */
  partial: boolean;
}

const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** Parses a FHIR date, dateTime or instant; null when it is not one (R4 requires a zone whenever a time is given). */
export function parseFhirTime(v: unknown): FhirTime | null {
  const s = str(v)?.trim();
  if (!s) return null;
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [, y, mo, d, hh] = m;
  const month = mo ?? '01';
  const day = d ?? '01';
  const date = `${y}-${month}-${day}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return null;
  if (hh === undefined) return { date, instant: new Date(`${date}T12:00:00Z`), dateOnly: true, partial: d === undefined };
  const instant = new Date(s);
  if (Number.isNaN(instant.getTime())) return null;
  return { date, instant, dateOnly: false, partial: false };
}

/** The first of several FHIR time elements that is present and valid, e.g. effectiveDateTime, then effectivePeriod.start. */
export function firstTime(...candidates: unknown[]): FhirTime | null {
  for (const c of candidates) {
    const t = parseFhirTime(c);
    if (t) return t;
  }
  return null;
}

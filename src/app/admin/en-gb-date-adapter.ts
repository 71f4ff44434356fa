import { Injectable, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, type MatDateFormats, NativeDateAdapter } from '@angular/material/core';

/** dd/mm/yyyy (also with - or .), as staff in the clinic type dates. */
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The native adapter reads typed dates with `Date.parse`, which takes 01/05/2025 as 5 January. This one reads
 * day/month/year (and ISO dates) and refuses anything else, whatever the browser's language.
 */
@Injectable()
export class EnGbDateAdapter extends NativeDateAdapter {
  override parse(value: unknown): Date | null {
    if (value instanceof Date) return value;
    if (typeof value !== 'string') return null;
    const text = value.trim();
    if (!text) return null;
    const dmy = DAY_MONTH_YEAR.exec(text);
    const iso = dmy ? null : ISO_DATE.exec(text);
    const [year, month, day] = dmy ? [dmy[3], dmy[2], dmy[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
    if (year === undefined || month === undefined || day === undefined) return this.invalid();
    const date = new Date(Number(year), Number(month) - 1, Number(day));
    // 31/02/2025 would roll over into March: refuse it.
    return date.getDate() === Number(day) && date.getMonth() === Number(month) - 1 ? date : this.invalid();
  }
}

export const EN_GB_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: null },
  display: {
    dateInput: { day: '2-digit', month: '2-digit', year: 'numeric' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** Material datepickers that show and read dates as dd/mm/yyyy (en-GB). */
export function provideEnGbDates(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'en-GB' },
    { provide: DateAdapter, useClass: EnGbDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: EN_GB_DATE_FORMATS },
  ];
}

/** A local calendar date as YYYY-MM-DD. */
export function toIsoDate(date: Date): string {
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear())}-${mm}-${dd}`;
}

/** YYYY-MM-DD as a local calendar date. */
export function fromIsoDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

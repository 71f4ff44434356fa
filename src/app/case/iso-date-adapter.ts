import { Injectable, type Provider, inject } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { addDays, addMonthsClamped, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate } from '@shared/domain/follow-up';
import { CLOCK, localIsoDate } from '../core/clock';

/**
 * Material datepickers on clinical dates: the model value is the API's calendar date ('YYYY-MM-DD', no
 * time, no time zone), and people read and type dates the British way (DD/MM/YYYY) whatever the
 * browser's language. Typed dates are parsed strictly: "07/08/1975" is 7 August, never July 8.
 * Arithmetic uses the shared calendar helpers (src/shared/domain/follow-up.ts).
 */

type DisplayFormat = 'input' | 'monthYear' | 'dateA11y' | 'monthYearA11y';

export const GB_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: 'input' satisfies DisplayFormat },
  display: {
    dateInput: 'input' satisfies DisplayFormat,
    monthYearLabel: 'monthYear' satisfies DisplayFormat,
    dateA11yLabel: 'dateA11y' satisfies DisplayFormat,
    monthYearA11yLabel: 'monthYearA11y' satisfies DisplayFormat,
  },
};

const INVALID = 'invalid-date';
const INTL: Record<Exclude<DisplayFormat, 'input'>, Intl.DateTimeFormat> = {
  monthYear: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  dateA11y: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  monthYearA11y: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

function utc(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/** `2025-05-01` as `1 May 2025` (en-GB), without time-zone arithmetic. */
export function formatIsoDateGb(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc(date));
}

/** DD/MM/YYYY (also with - or . between), or YYYY-MM-DD; null for anything else or an impossible date. */
export function parseGbDate(text: string): string | null {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return null;
  const iso = formatIsoDate({ year: Number(match[3]), month: Number(match[2]), day: Number(match[1]) });
  return isIsoDate(iso) ? iso : null;
}

@Injectable()
export class IsoDateAdapter extends DateAdapter<string> {
  private readonly clock = inject(CLOCK);

  getYear(date: string): number {
    return parseIsoDate(date).year;
  }

  getMonth(date: string): number {
    return parseIsoDate(date).month - 1;
  }

  getDate(date: string): number {
    return parseIsoDate(date).day;
  }

  getDayOfWeek(date: string): number {
    return utc(date).getUTCDay();
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = new Intl.DateTimeFormat('en-GB', { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2017, i, 1))));
  }

  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }

  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = new Intl.DateTimeFormat('en-GB', { weekday: style, timeZone: 'UTC' });
    // 1 January 2017 was a Sunday: Material counts days of the week from Sunday (0).
    return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2017, 0, i + 1))));
  }

  getYearName(date: string): string {
    return String(this.getYear(date));
  }

  /** Monday, as in the UK. */
  getFirstDayOfWeek(): number {
    return 1;
  }

  getNumDaysInMonth(date: string): number {
    const { year, month } = parseIsoDate(date);
    return daysInMonth(year, month);
  }

  clone(date: string): string {
    return date;
  }

  createDate(year: number, month: number, date: number): string {
    const iso = formatIsoDate({ year, month: month + 1, day: date });
    if (!isIsoDate(iso)) throw new Error(`Invalid date: year ${String(year)}, month index ${String(month)}, day ${String(date)}`);
    return iso;
  }

  today(): string {
    return localIsoDate(this.clock.now());
  }

  parse(value: unknown): string | null {
    if (value == null || value === '') return null;
    if (typeof value !== 'string') return this.invalid();
    return parseGbDate(value) ?? this.invalid();
  }

  format(date: string, displayFormat: unknown): string {
    if (!this.isValid(date)) throw new Error('IsoDateAdapter: cannot format an invalid date.');
    if (displayFormat === 'input' || typeof displayFormat !== 'string' || !(displayFormat in INTL)) {
      const { year, month, day } = parseIsoDate(date);
      return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year)}`;
    }
    return INTL[displayFormat as keyof typeof INTL].format(utc(date));
  }

  addCalendarYears(date: string, years: number): string {
    return addMonthsClamped(date, years * 12);
  }

  addCalendarMonths(date: string, months: number): string {
    return addMonthsClamped(date, months);
  }

  addCalendarDays(date: string, days: number): string {
    return addDays(date, days);
  }

  toIso8601(date: string): string {
    return date;
  }

  isDateInstance(obj: unknown): boolean {
    return typeof obj === 'string';
  }

  isValid(date: string): boolean {
    return isIsoDate(date);
  }

  invalid(): string {
    return INVALID;
  }
}

/** Datepickers with 'YYYY-MM-DD' values shown as DD/MM/YYYY: add to a lazy route's providers. */
export function provideIsoDates(): Provider[] {
  return [
    { provide: DateAdapter, useClass: IsoDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: GB_DATE_FORMATS },
  ];
}

/**
 * Follow-up scheduling on calendar dates ('YYYY-MM-DD' strings).
 *
 * All arithmetic is on year/month/day integers (and Date.UTC for day counts), never on local-time Date
 * objects, so the result does not depend on the machine's time zone or daylight saving.
 *
 * Schedule: "baseline, 1, 3, 6, 12, 24 months after each major intervention, then yearly"
 * (fbss-domain.md §5, recommended app schedule); the months per treatment are in ./treatments.
 */

export interface CalendarDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written as YYYY-MM-DD (2023-02-29 is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses YYYY-MM-DD; throws RangeError for anything else, including impossible dates. */
export function parseIsoDate(date: string): CalendarDate {
  if (!isIsoDate(date)) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${what} must be a whole number; got ${String(value)}`);
}

/**
 * Adds calendar months, clamping the day to the end of the target month:
 * 2023-01-31 + 1 = 2023-02-28, 2024-01-31 + 1 = 2024-02-29, 2024-02-29 + 12 = 2025-02-28.
 * Negative months go back. Throws RangeError for a bad date or a non-integer number of months.
 */
export function addMonthsClamped(date: string, months: number): string {
  assertInteger(months, 'Months');
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

function utcDayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Adds (or with a negative number subtracts) days. */
export function addDays(date: string, days: number): string {
  assertInteger(days, 'Days');
  const d = new Date((utcDayNumber(date) + days) * MS_PER_DAY);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return utcDayNumber(to) - utcDayNumber(from);
}

/**
 * Whole calendar months from `from` to `to`, counted the way addMonthsClamped counts them: the largest
 * n with addMonthsClamped(from, n) <= to (negative when `to` is earlier). E.g. 2024-01-31 to 2024-02-29
 * is 1 month; 2024-01-15 to 2024-04-14 is 2 months.
 */
export function completedMonthsBetween(from: string, to: string): number {
  if (to < from) return -completedMonthsBetween(to, from);
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let n = (b.year - a.year) * 12 + (b.month - a.month);
  while (n > 0 && addMonthsClamped(from, n) > to) n -= 1;
  return n;
}

/**
 * ICD-11 chronic postsurgical pain: pain lasting at least 3 months after surgery
 * (fbss-domain.md §0.1) [src]. The app flags patients under this threshold.
 */
export const CHRONIC_POSTSURGICAL_PAIN_MONTHS = 3;

/** True while `today` is less than 3 calendar months after the surgery date. */
export function isUnderChronicPainThreshold(surgeryDate: string, today: string): boolean {
  return today < addMonthsClamped(surgeryDate, CHRONIC_POSTSURGICAL_PAIN_MONTHS);
}

// ---- Schedule ----

export interface FollowUpDue {
  readonly month: number;
  readonly dueOn: string;
}

/**
 * Due dates for follow-ups `months` after `startDate`. Each date is computed from the start date (not
 * from the previous follow-up), so month-end clamping never drifts: 2024-01-31 with [1, 3] gives
 * 2024-02-29 and 2024-04-30.
 */
export function followUpSchedule(startDate: string, months: readonly number[]): FollowUpDue[] {
  return months.map((month) => ({ month, dueOn: addMonthsClamped(startDate, month) }));
}

/** An assessment within 14 days either side of the due date counts for that follow-up (local decision). */
export const FOLLOW_UP_WINDOW_DAYS = 14;

/** True when `assessedOn` is within `windowDays` days (inclusive) before or after `dueOn`. */
export function withinWindow(dueOn: string, assessedOn: string, windowDays: number = FOLLOW_UP_WINDOW_DAYS): boolean {
  if (!(windowDays >= 0)) throw new RangeError(`Window must be 0 days or more; got ${String(windowDays)}`);
  return Math.abs(daysBetween(dueOn, assessedOn)) <= windowDays;
}

export const FOLLOW_UP_STATES = ['upcoming', 'due', 'overdue'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_STATE_LABELS: Readonly<Record<FollowUpState, string>> = {
  upcoming: 'Upcoming',
  due: 'Due',
  overdue: 'Overdue',
};

/**
 * State of an outstanding follow-up on `today`: 'upcoming' before its window opens, 'due' inside the
 * window, 'overdue' once the window has closed.
 */
export function followUpState(dueOn: string, today: string, windowDays: number = FOLLOW_UP_WINDOW_DAYS): FollowUpState {
  const d = daysBetween(dueOn, today);
  if (d < -windowDays) return 'upcoming';
  if (d > windowDays) return 'overdue';
  return 'due';
}

// ---- Today in the clinic's time zone ----

/**
 * The calendar date at instant `now` in an IANA time zone (e.g. CLINIC_TZ = 'Europe/London'), as
 * YYYY-MM-DD. Uses Intl, so it works the same in the browser and on Node. Throws RangeError for an
 * unknown time zone.
 */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: part('year'), month: part('month'), day: part('day') });
}

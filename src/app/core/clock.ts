import { InjectionToken } from '@angular/core';

/** The current time, injectable so that specs can control it. */
export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
}

export const CLOCK = new InjectionToken<Clock>('CLOCK', {
  providedIn: 'root',
  factory: () => ({ now: () => Date.now() }),
});

/** The local calendar date of an instant as `YYYY-MM-DD` (clinical dates are dates, shown in the clinic's time zone). */
export function localIsoDate(epochMs: number): string {
  const d = new Date(epochMs);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${String(d.getFullYear())}-${mm}-${dd}`;
}

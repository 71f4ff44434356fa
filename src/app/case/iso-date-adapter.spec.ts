import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { CLOCK } from '../core/clock';
import { type IsoDateAdapter, formatIsoDateGb, parseGbDate, provideIsoDates } from './iso-date-adapter';

describe('IsoDateAdapter', () => {
  let adapter: IsoDateAdapter;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideIsoDates(), { provide: CLOCK, useValue: { now: () => new Date(2025, 5, 1, 12).getTime() } }],
    });
    adapter = TestBed.inject(DateAdapter) as IsoDateAdapter;
  });

  it('reads dates the British way, strictly', () => {
    expect(parseGbDate('07/08/1975')).toBe('1975-08-07');
    expect(parseGbDate('7.8.1975')).toBe('1975-08-07');
    expect(parseGbDate('1975-08-07')).toBe('1975-08-07');
    expect(parseGbDate('31/02/2024')).toBeNull();
    expect(parseGbDate('08/07/75')).toBeNull();
    expect(parseGbDate('July 8 1975')).toBeNull();
    expect(adapter.parse('')).toBeNull();
    expect(adapter.isValid(adapter.parse('13/13/2020') ?? '')).toBeFalse();
  });

  it('shows DD/MM/YYYY in the field and en-GB words for screen readers', () => {
    expect(adapter.format('1975-08-07', 'input')).toBe('07/08/1975');
    expect(adapter.format('1975-08-07', 'dateA11y')).toBe('7 August 1975');
    expect(adapter.format('1975-08-07', 'monthYear')).toBe('Aug 1975');
    expect(formatIsoDateGb('2025-05-01')).toBe('1 May 2025');
  });

  it('does calendar arithmetic on calendar dates', () => {
    expect(adapter.addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(adapter.addCalendarYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(adapter.addCalendarDays('2025-03-30', 2)).toBe('2025-04-01');
    expect(adapter.getDayOfWeek('2025-06-02')).toBe(1);
    expect(adapter.getNumDaysInMonth('2024-02-10')).toBe(29);
    expect(adapter.createDate(2025, 0, 31)).toBe('2025-01-31');
    expect(() => adapter.createDate(2025, 1, 30)).toThrowError();
    expect(adapter.compareDate('2025-01-02', '2025-01-01')).toBeGreaterThan(0);
  });

  it("knows today from the clinic's clock and starts weeks on Monday", () => {
    expect(adapter.today()).toBe('2025-06-01');
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(adapter.getDayOfWeekNames('short')[0]).toBe('Sun');
    expect(adapter.getMonthNames('long')[11]).toBe('December');
  });
});

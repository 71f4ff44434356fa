import { TestBed } from '@angular/core/testing';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { EnGbDateAdapter, fromIsoDate, provideEnGbDates, toIsoDate } from './en-gb-date-adapter';

describe('en-GB dates', () => {
  let adapter: DateAdapter<Date>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideEnGbDates()] });
    adapter = TestBed.inject<DateAdapter<Date>>(DateAdapter);
  });

  it('reads day/month/year, the way the clinic writes dates', () => {
    expect(adapter).toBeInstanceOf(EnGbDateAdapter);
    expect(toIsoDate(adapter.parse('01/05/2025', null)!)).toBe('2025-05-01');
    expect(toIsoDate(adapter.parse(' 1.5.2025 ', null)!)).toBe('2025-05-01');
    expect(toIsoDate(adapter.parse('2025-05-01', null)!)).toBe('2025-05-01');
  });

  it('refuses dates that do not exist or are not dates', () => {
    expect(adapter.isValid(adapter.parse('31/02/2025', null)!)).toBeFalse();
    expect(adapter.isValid(adapter.parse('May 5', null)!)).toBeFalse();
    expect(adapter.parse('', null)).toBeNull();
  });

  it('shows dates as dd/mm/yyyy', () => {
    const formats = TestBed.inject<MatDateFormats>(MAT_DATE_FORMATS);
    expect(adapter.format(new Date(2025, 4, 1), formats.display.dateInput)).toBe('01/05/2025');
  });

  it('converts to and from the API dates', () => {
    expect(toIsoDate(fromIsoDate('2025-12-31'))).toBe('2025-12-31');
  });
});

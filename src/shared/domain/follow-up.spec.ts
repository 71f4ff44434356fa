import {
  CHRONIC_POSTSURGICAL_PAIN_MONTHS,
  FOLLOW_UP_WINDOW_DAYS,
  addDays,
  addMonthsClamped,
  completedMonthsBetween,
  daysBetween,
  daysInMonth,
  followUpSchedule,
  followUpState,
  isIsoDate,
  isLeapYear,
  isUnderChronicPainThreshold,
  parseIsoDate,
  todayInZone,
  withinWindow,
  type FollowUpState,
} from './follow-up';

describe('calendar basics', () => {
  it('knows leap years (Gregorian rules)', () => {
    expect([2023, 2024, 1900, 2000, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  const valid: [unknown, boolean][] = [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-04-31', false],
    ['2023-1-1', false],
    ['2023-01-01T00:00:00Z', false],
    [20230101, false],
  ];
  for (const [value, ok] of valid) {
    it(`isIsoDate(${JSON.stringify(value)}) is ${ok}`, () => expect(isIsoDate(value)).toBe(ok));
  }

  it('parses and rejects', () => {
    expect(parseIsoDate('2024-03-05')).toEqual({ year: 2024, month: 3, day: 5 });
    expect(() => parseIsoDate('2023-02-29')).toThrowError(RangeError);
  });
});

describe('addMonthsClamped', () => {
  const cases: [string, number, string][] = [
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2023-03-31', 1, '2023-04-30'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-01-15', 24, '2026-01-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-10', -1, '2023-12-10'],
    ['2024-05-17', 0, '2024-05-17'],
  ];
  for (const [date, months, expected] of cases) {
    it(`${date} + ${months} months = ${expected}`, () => expect(addMonthsClamped(date, months)).toBe(expected));
  }

  it('rejects bad input', () => {
    expect(() => addMonthsClamped('2023-02-29', 1)).toThrowError(RangeError);
    expect(() => addMonthsClamped('31/01/2023', 1)).toThrowError(RangeError);
    expect(() => addMonthsClamped('2023-01-31', 1.5)).toThrowError(RangeError);
  });
});

describe('days', () => {
  const between: [string, string, number][] = [
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-01-01', '2023-12-31', -1],
    ['2024-03-30', '2024-04-02', 3], // across European DST change
    ['2024-01-01', '2025-01-01', 366],
  ];
  for (const [a, b, d] of between) {
    it(`${a} to ${b} is ${d} days`, () => expect(daysBetween(a, b)).toBe(d));
  }

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-01-01', 14)).toBe('2024-01-15');
  });
});

describe('followUpSchedule (baseline, 1, 3, 6, 12, 24 months; fbss-domain.md §5)', () => {
  it('computes each due date from the start date, clamping month ends without drift', () => {
    expect(followUpSchedule('2024-01-31', [1, 3, 6, 12, 24])).toEqual([
      { month: 1, dueOn: '2024-02-29' },
      { month: 3, dueOn: '2024-04-30' },
      { month: 6, dueOn: '2024-07-31' },
      { month: 12, dueOn: '2025-01-31' },
      { month: 24, dueOn: '2026-01-31' },
    ]);
  });

  it('handles a start in a non-leap year and an empty list', () => {
    expect(followUpSchedule('2023-01-31', [1])).toEqual([{ month: 1, dueOn: '2023-02-28' }]);
    expect(followUpSchedule('2023-01-31', [])).toEqual([]);
  });
});

describe('follow-up window', () => {
  it('is 14 days either side', () => expect(FOLLOW_UP_WINDOW_DAYS).toBe(14));

  const cases: [string, string, number | undefined, boolean][] = [
    ['2024-03-01', '2024-03-01', undefined, true],
    ['2024-03-01', '2024-03-15', undefined, true],
    ['2024-03-01', '2024-02-16', undefined, true], // 14 days before, across Feb 29
    ['2024-03-01', '2024-02-15', undefined, false],
    ['2024-03-01', '2024-03-16', undefined, false],
    ['2024-12-25', '2025-01-08', undefined, true],
    ['2024-03-01', '2024-03-02', 0, false],
    ['2024-03-01', '2024-03-01', 0, true],
    ['2024-03-01', '2024-03-31', 30, true],
  ];
  for (const [due, assessed, window, ok] of cases) {
    it(`due ${due}, assessed ${assessed}, window ${String(window ?? 'default')}: ${ok ? 'within' : 'outside'}`, () => {
      expect(withinWindow(due, assessed, window)).toBe(ok);
    });
  }

  const states: [string, string, FollowUpState][] = [
    ['2024-03-01', '2024-02-15', 'upcoming'],
    ['2024-03-01', '2024-02-16', 'due'],
    ['2024-03-01', '2024-03-15', 'due'],
    ['2024-03-01', '2024-03-16', 'overdue'],
  ];
  for (const [due, today, state] of states) {
    it(`due ${due} on ${today} is ${state}`, () => expect(followUpState(due, today)).toBe(state));
  }
});

describe('months since surgery (ICD-11 chronic postsurgical pain: at least 3 months)', () => {
  const cases: [string, string, number][] = [
    ['2024-01-15', '2024-04-14', 2],
    ['2024-01-15', '2024-04-15', 3],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2023-05-10', '2024-05-10', 12],
    ['2024-05-10', '2024-05-10', 0],
    ['2024-04-15', '2024-01-15', -3],
  ];
  for (const [from, to, months] of cases) {
    it(`${from} to ${to} is ${months} completed months`, () => expect(completedMonthsBetween(from, to)).toBe(months));
  }

  it('flags patients under 3 months after surgery', () => {
    expect(CHRONIC_POSTSURGICAL_PAIN_MONTHS).toBe(3);
    expect(isUnderChronicPainThreshold('2024-01-15', '2024-04-14')).toBeTrue();
    expect(isUnderChronicPainThreshold('2024-01-15', '2024-04-15')).toBeFalse();
    expect(isUnderChronicPainThreshold('2023-11-30', '2024-02-28')).toBeTrue();
    expect(isUnderChronicPainThreshold('2023-11-30', '2024-02-29')).toBeFalse();
  });
});

describe('todayInZone', () => {
  const cases: [string, string, string][] = [
    // Just before midnight UTC: New Zealand is already on the next day.
    ['2024-06-30T23:30:00Z', 'Pacific/Auckland', '2024-07-01'], // NZST, UTC+12
    ['2024-06-30T23:30:00Z', 'America/Los_Angeles', '2024-06-30'], // PDT, UTC-7
    ['2024-06-30T23:30:00Z', 'UTC', '2024-06-30'],
    // Just after midnight UTC on New Year: Los Angeles is still in the old year.
    ['2024-01-01T00:30:00Z', 'America/Los_Angeles', '2023-12-31'], // PST, UTC-8
    ['2024-01-01T00:30:00Z', 'Pacific/Auckland', '2024-01-01'], // NZDT, UTC+13
    ['2023-12-31T10:59:59Z', 'Pacific/Auckland', '2023-12-31'],
    ['2023-12-31T11:00:00Z', 'Pacific/Auckland', '2024-01-01'],
    ['2024-02-29T11:00:00Z', 'Pacific/Auckland', '2024-03-01'],
    ['2024-03-01T07:59:59Z', 'America/Los_Angeles', '2024-02-29'],
    ['2024-03-01T08:00:00Z', 'America/Los_Angeles', '2024-03-01'],
  ];
  for (const [instant, zone, expected] of cases) {
    it(`${instant} in ${zone} is ${expected}`, () => {
      expect(todayInZone(zone, new Date(instant))).toBe(expected);
    });
  }

  it('defaults to now and returns a valid date', () => {
    expect(isIsoDate(todayInZone('Europe/London'))).toBeTrue();
  });

  it('rejects an unknown time zone', () => {
    expect(() => todayInZone('Mars/Olympus_Mons', new Date())).toThrowError(RangeError);
  });
});

import fc from 'fast-check';
import {
  addDays,
  addYears,
  anniversaryDay,
  dayOf,
  daysInclusive,
  daysInYear,
  formatDate,
  fromDay,
  fullYearsBetween,
  isCalendarDate,
  isLeapYear,
  toDay,
  yearsBetween,
} from './calendar-date';

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
    expect(isCalendarDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20240101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('knows leap years by the Gregorian rule', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2026)).toBe(365);
  });

  it('counts days across a leap day and a year end', () => {
    expect(toDay('2024-03-01') - toDay('2024-02-28')).toBe(2);
    expect(toDay('2023-03-01') - toDay('2023-02-28')).toBe(1);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysInclusive(toDay('2026-01-01'), toDay('2026-12-31'))).toBe(365);
    expect(daysInclusive(toDay('2026-01-02'), toDay('2026-01-01'))).toBe(0);
  });

  it('round-trips every day between 1900 and 2200', () => {
    fc.assert(fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2200-12-31') }), (day) => toDay(fromDay(day)) === day));
  });

  it('agrees with the platform calendar, including years before 100 (which Date.UTC would read as 19xx)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        expect(fromDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }),
    );
    expect(toDay('0099-12-31') + 1).toBe(toDay('0100-01-01'));
    expect(fromDay(toDay('0001-01-01'))).toBe('0001-01-01');
    expect(toDay('1970-01-01')).toBe(0);
  });

  it('writes any day number, beyond year 9999 and before year 0 as ISO extended years, never throwing', () => {
    expect(fromDay(toDay('9999-12-31') + 1)).toBe('+010000-01-01');
    expect(fromDay(toDay('0000-01-01') - 1)).toBe('-000001-12-31');
    expect(() => fromDay(1e9)).not.toThrow();
    expect(() => fromDay(-1e9)).not.toThrow();
    expect(formatDate(12345, 3, 4)).toBe('+012345-03-04');
    expect(formatDate(-4, 1, 1)).toBe('-000004-01-01');
    expect(formatDate(7, 11, 30)).toBe('0007-11-30');
  });

  it('numbers days of years before 100 as written (Date.UTC would read 0050 as 1950)', () => {
    expect(dayOf(50, 1, 1)).toBe(toDay('0050-01-01'));
    expect(dayOf(2026, 9, 1)).toBe(toDay('2026-09-01'));
    fc.assert(
      fc.property(fc.integer({ min: toDay('0001-01-01'), max: toDay('9999-12-31') }), (day) => {
        const date = fromDay(day);
        expect(dayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))).toBe(day);
      }),
    );
  });

  it('throws on a string that is not a date', () => {
    expect(() => toDay('2023-02-29')).toThrow(RangeError);
  });

  it('counts full years by anniversaries, Feb 29 falling on Feb 28', () => {
    expect(fullYearsBetween('2021-09-01', '2026-08-31')).toBe(4);
    expect(fullYearsBetween('2021-09-01', '2026-09-01')).toBe(5);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(fullYearsBetween('2024-02-29', '2025-02-27')).toBe(0);
    expect(fullYearsBetween('2024-02-29', '2025-02-28')).toBe(1);
    expect(fullYearsBetween('2026-01-01', '2025-01-01')).toBe(0);
    expect(fullYearsBetween('2023-02-28', '2024-02-28')).toBe(1);
    expect(fullYearsBetween('2024-02-28', '2028-02-29')).toBe(4);
    expect(fullYearsBetween('2024-02-29', '2028-02-28')).toBe(3);
    expect(fullYearsBetween('2024-02-29', '2028-02-29')).toBe(4);
  });

  it('counts full years as the anniversaries addYears writes, and places anniversaries on the day addYears writes', () => {
    const day = fc.integer({ min: toDay('1950-01-01'), max: toDay('2100-12-31') }).map(fromDay);
    fc.assert(
      fc.property(day, day, (from, to) => {
        // Full years: the most anniversaries passed by `to`, as addYears places them.
        let expected = 0;
        while (to >= from && addYears(from, expected + 1) <= to) expected += 1;
        expect(fullYearsBetween(from, to)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (date, years) => anniversaryDay(date, years) === toDay(addYears(date, years))),
      { numRuns: 2000 },
    );
  });

  it('gives decimal years with the elapsed share of the running year', () => {
    expect(yearsBetween('2020-01-01', '2020-01-01')).toBe(0);
    expect(yearsBetween('2020-01-01', '2021-01-01')).toBe(1);
    expect(yearsBetween('2021-01-01', '2021-07-02')).toBeCloseTo(182 / 365, 10);
    expect(yearsBetween('2026-01-01', '2025-01-01')).toBe(0);
  });
});

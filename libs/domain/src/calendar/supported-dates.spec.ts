import fc from 'fast-check';
import { addDays, toDay } from './calendar-date';
import { EARLIEST_SUPPORTED_DATE, isSupportedDate, LATEST_SUPPORTED_DATE, supportedDateProblem } from './supported-dates';

describe('supported dates', () => {
  it('spans 1900-01-01 to 2199-12-31, both ends included', () => {
    expect([EARLIEST_SUPPORTED_DATE, LATEST_SUPPORTED_DATE]).toEqual(['1900-01-01', '2199-12-31']);
    expect(isSupportedDate('1900-01-01')).toBe(true);
    expect(isSupportedDate('2199-12-31')).toBe(true);
    expect(isSupportedDate('1899-12-31')).toBe(false);
    expect(isSupportedDate('2200-01-01')).toBe(false);
    expect(isSupportedDate('0000-01-01')).toBe(false);
    expect(isSupportedDate('9999-12-31')).toBe(false);
  });

  it('accepts only calendar dates', () => {
    expect(isSupportedDate('2023-02-29')).toBe(false);
    expect(isSupportedDate('2026-9-1')).toBe(false);
    expect(isSupportedDate(20260901)).toBe(false);
    expect(isSupportedDate(null)).toBe(false);
  });

  it('agrees with the day numbers: a date is supported exactly when its day lies between the two ends', () => {
    const first = toDay(EARLIEST_SUPPORTED_DATE);
    const last = toDay(LATEST_SUPPORTED_DATE);
    fc.assert(
      fc.property(fc.integer({ min: first - 5000, max: last + 5000 }), (offset) => {
        const date = addDays(EARLIEST_SUPPORTED_DATE, offset - first);
        expect(isSupportedDate(date)).toBe(offset >= first && offset <= last);
      }),
    );
  });

  it('says what is wrong with a value', () => {
    expect(supportedDateProblem('2026-09-01')).toBeNull();
    expect(supportedDateProblem('2026-02-30')).toBe('must be a date YYYY-MM-DD');
    expect(supportedDateProblem(42)).toBe('must be a date YYYY-MM-DD');
    expect(supportedDateProblem('0000-01-01')).toBe('must lie between 1900-01-01 and 2199-12-31');
  });
});

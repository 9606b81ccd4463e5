import fc from 'fast-check';
import { addDays } from '../calendar/calendar-date';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import {
  cycleOf,
  cycleOfYear,
  employedSpan,
  expectedHoursToDate,
  requiredHours,
  roundUpToStep,
  trainingStatus,
  completionRate,
  trainingSummary,
} from './training-cycle';

const policy = JIANGSU_2024_POLICY.parameters.training;

describe('training cycles', () => {
  it('aligns five-year cycles on 2021: 2021–2025, 2026–2030, and backwards 2016–2020', () => {
    expect(cycleOf('2021-01-01', policy)).toEqual({ startYear: 2021, start: '2021-01-01', end: '2025-12-31', days: 1826 });
    expect(cycleOf('2025-12-31', policy).startYear).toBe(2021);
    expect(cycleOf('2026-01-01', policy)).toEqual({ startYear: 2026, start: '2026-01-01', end: '2030-12-31', days: 1826 });
    expect(cycleOf('2020-12-31', policy).startYear).toBe(2016);
    expect(cycleOfYear(2031, policy).startYear).toBe(2031);
  });

  it('counts leap days: a cycle with two leap years has 1827 days', () => {
    expect(cycleOfYear(1996, policy)).toMatchObject({ start: '1996-01-01', end: '2000-12-31', days: 1827 });
    expect(cycleOfYear(2096, policy).days).toBe(1826); // 2100 is not a leap year
  });

  it('answers for any year instead of throwing (0000 and 9999 reach past the four-digit years)', () => {
    expect(cycleOf('0000-01-01', policy)).toEqual({ startYear: -4, start: '-000004-01-01', end: '0000-12-31', days: 1827 });
    expect(cycleOf('9999-12-31', policy)).toEqual({ startYear: 9996, start: '9996-01-01', end: '+010000-12-31', days: 1827 });
    expect(cycleOf('1900-01-01', policy)).toMatchObject({ start: '1896-01-01', end: '1900-12-31', days: 1826 });
    expect(cycleOf('2199-12-31', policy)).toMatchObject({ start: '2196-01-01', end: '2200-12-31', days: 1826 });
  });

  it('follows the anchor and length of the policy', () => {
    expect(cycleOf('2026-06-01', { cycleAnchorYear: 2024, cycleYears: 3 })).toMatchObject({ start: '2024-01-01', end: '2026-12-31' });
  });

  it('puts every day in exactly one cycle, with consecutive cycles touching', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const day = addDays('1950-01-01', offset);
        const cycle = cycleOf(day, policy);
        expect(cycle.start <= day && day <= cycle.end).toBe(true);
        expect(cycleOf(addDays(cycle.end, 1), policy).start).toBe(addDays(cycle.end, 1));
      }),
    );
  });
});

describe('hours owed in a cycle', () => {
  const cycle = cycleOfYear(2026, policy);

  it('is the full 360 for a teacher hired before the cycle, and 0 for one hired after it', () => {
    expect(requiredHours(cycle, '2010-09-01', policy)).toBe(360);
    expect(requiredHours(cycle, '2026-01-01', policy)).toBe(360);
    expect(requiredHours(cycle, '2031-01-01', policy)).toBe(0);
    expect(employedSpan(cycle, '2031-01-01')).toBeNull();
  });

  it('pro-rates a teacher hired mid-cycle and rounds up to the half hour, exactly', () => {
    // 2028-07-02 → 913 of 1826 days: exactly half, 180.0 h (no float error may round it to 180.5).
    expect(requiredHours(cycle, '2028-07-02', policy)).toBe(180);
    // One day more: 914 days → 360.39… half hours → 180.5 h.
    expect(requiredHours(cycle, '2028-07-01', policy)).toBe(180.5);
    // 1,767 days → 348.37 h → 348.5 h.
    expect(requiredHours(cycle, '2026-03-01', policy)).toBe(348.5);
    // Hired on the last day: one day owes 360/1826 = 0.197 h → 0.5 h.
    expect(requiredHours(cycle, '2030-12-31', policy)).toBe(0.5);
  });

  it('counts a hire on Feb 29 in a leap cycle', () => {
    const leap = cycleOfYear(1996, policy);
    // 2000-02-29 … 2000-12-31 = 307 days of 1827 → 60.49 h → 60.5 h.
    expect(requiredHours(leap, '2000-02-29', policy)).toBe(60.5);
  });

  it('is always a multiple of the step, never more than the full requirement, and never less than the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 2000 }), (offset) => {
        const hire = addDays(cycle.start, offset);
        const owed = requiredHours(cycle, hire, policy);
        expect(owed % 0.5).toBe(0);
        expect(owed).toBeLessThanOrEqual(360);
        const span = employedSpan(cycle, hire);
        const exact = span ? (360 * span.days) / cycle.days : 0;
        expect(owed).toBeGreaterThanOrEqual(exact - 1e-9);
        expect(owed - exact).toBeLessThan(0.5);
      }),
    );
  });

  it('rounds up to the step without float surprises', () => {
    expect(roundUpToStep(180, 0.5)).toBe(180);
    expect(roundUpToStep(180.0000000001, 0.5)).toBe(180);
    expect(roundUpToStep(180.01, 0.5)).toBe(180.5);
    expect(roundUpToStep(-3, 0.5)).toBe(0);
  });
});

describe('pace and status', () => {
  const cycle = cycleOfYear(2026, policy);

  it('expects hours in proportion to the elapsed share of the teacher’s span, the as-of day included', () => {
    expect(expectedHoursToDate(cycle, '2010-09-01', '2026-01-01', policy)).toBe(0.2);
    expect(expectedHoursToDate(cycle, '2010-09-01', '2026-09-01', policy)).toBe(48.1);
    expect(expectedHoursToDate(cycle, '2010-09-01', '2028-07-01', policy)).toBe(180);
    expect(expectedHoursToDate(cycle, '2010-09-01', '2030-12-31', policy)).toBe(360);
    expect(expectedHoursToDate(cycle, '2010-09-01', '2035-01-01', policy)).toBe(360);
    // A teacher hired mid-cycle owes nothing before they start.
    expect(expectedHoursToDate(cycle, '2028-07-02', '2028-07-01', policy)).toBe(0);
    expect(expectedHoursToDate(cycle, '2028-07-02', '2030-12-31', policy)).toBe(180);
  });

  it('is BEHIND at 0 hours once time has passed, ON_TRACK exactly on pace, COMPLETE at the requirement', () => {
    const at = (approved: number, asOf: string) => trainingSummary('2010-09-01', asOf, { approvedHours: approved, pendingHours: 0 }, policy).status;
    expect(at(0, '2028-07-01')).toBe('BEHIND');
    expect(at(179.5, '2028-07-01')).toBe('BEHIND');
    expect(at(180, '2028-07-01')).toBe('ON_TRACK');
    expect(at(360, '2028-07-01')).toBe('COMPLETE');
    expect(at(400, '2026-02-01')).toBe('COMPLETE');
    expect(trainingStatus(0, 0, 0)).toBe('COMPLETE');
  });

  it('summarises required, approved, pending, remaining and expected hours', () => {
    expect(trainingSummary('2028-07-01', '2029-01-15', { approvedHours: 40, pendingHours: 6.5 }, policy)).toEqual({
      cycle: { startYear: 2026, start: '2026-01-01', end: '2030-12-31', days: 1826 },
      requiredHours: 180.5,
      approvedHours: 40,
      pendingHours: 6.5,
      remainingHours: 140.5,
      expectedHoursToDate: 39.3,
      status: 'ON_TRACK',
    });
    expect(trainingSummary('2010-09-01', '2026-09-01', { approvedHours: 400, pendingHours: 0 }, policy).remainingHours).toBe(0);
  });
});

describe('completion rate', () => {
  it('is the share of teachers owing hours who completed, to four decimals', () => {
    expect(completionRate(2, 3)).toBe(0.6667);
    expect(completionRate(0, 5)).toBe(0);
    expect(completionRate(5, 5)).toBe(1);
  });

  it('is null, not 0, when nobody owes hours: there is no share to give', () => {
    expect(completionRate(0, 0)).toBeNull();
  });
});

import { dayOf, daysInclusive, formatDate, maxDate, toDay } from '../calendar/calendar-date';
import type { PolicyParameters } from '../policy/policy.schema';

export type TrainingPolicy = PolicyParameters['training'];

/** A five-year training cycle (2021–2025, 2026–2030, …), inclusive dates. */
export interface TrainingCycle {
  readonly startYear: number;
  readonly start: string;
  readonly end: string;
  readonly days: number;
}

export const TRAINING_CATEGORIES = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY', 'SCHOOL_BASED', 'ONLINE'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];

export const TRAINING_STATUSES = ['COMPLETE', 'ON_TRACK', 'BEHIND'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/**
 * The cycle containing `year`, aligned on the policy's anchor year (years before the anchor too).
 * Computed from numbers, not by parsing its own dates, so that any year gives an answer (a cycle
 * reaching past 9999 is written with an extended year) instead of throwing.
 */
export function cycleOfYear(year: number, policy: Pick<TrainingPolicy, 'cycleAnchorYear' | 'cycleYears'>): TrainingCycle {
  const startYear = policy.cycleAnchorYear + Math.floor((year - policy.cycleAnchorYear) / policy.cycleYears) * policy.cycleYears;
  const endYear = startYear + policy.cycleYears - 1;
  return {
    startYear,
    start: formatDate(startYear, 1, 1),
    end: formatDate(endYear, 12, 31),
    days: daysInclusive(dayOf(startYear, 1, 1), dayOf(endYear, 12, 31)),
  };
}

/** The cycle containing a date. */
export function cycleOf(date: string, policy: Pick<TrainingPolicy, 'cycleAnchorYear' | 'cycleYears'>): TrainingCycle {
  return cycleOfYear(Number(date.slice(0, 4)), policy);
}

/** Rounds hours up to the next step (0.5 h by default), tolerating float noise below a millionth of an hour. */
export function roundUpToStep(hours: number, step: number): number {
  const units = Math.ceil(hours / step - 1e-9);
  return Math.max(0, units) * step;
}

/** Inclusive span of the cycle during which the teacher is employed; null when hired after it ends. */
export function employedSpan(cycle: TrainingCycle, hireDate: string): { from: string; to: string; days: number } | null {
  const from = maxDate(cycle.start, hireDate);
  if (from > cycle.end) return null;
  return { from, to: cycle.end, days: daysInclusive(toDay(from), toDay(cycle.end)) };
}

/**
 * Hours a teacher owes in a cycle: the full requirement, or for a teacher hired inside the cycle
 * `hoursPerCycle × days employed ÷ days in cycle`, rounded up to the hour step. Computed in whole
 * steps (integers) so that no float error can push a value over a step boundary.
 */
export function requiredHours(cycle: TrainingCycle, hireDate: string, policy: TrainingPolicy): number {
  const span = employedSpan(cycle, hireDate);
  if (!span) return 0;
  const unitsPerCycle = Math.round(policy.hoursPerCycle / policy.hourStep);
  const units = Math.floor((unitsPerCycle * span.days + cycle.days - 1) / cycle.days);
  return units * policy.hourStep;
}

/**
 * Hours a teacher should have reached by `asOf` at an even pace: the requirement times the
 * elapsed share of their span in the cycle (the as-of day counts), to 0.1 h.
 */
export function expectedHoursToDate(cycle: TrainingCycle, hireDate: string, asOf: string, policy: TrainingPolicy): number {
  const span = employedSpan(cycle, hireDate);
  if (!span || asOf < span.from) return 0;
  const elapsed = Math.min(span.days, daysInclusive(toDay(span.from), toDay(asOf)));
  const expected = (requiredHours(cycle, hireDate, policy) * elapsed) / span.days;
  return Math.round(expected * 10 + 1e-9) / 10;
}

export function trainingStatus(approvedHours: number, requiredHours: number, expectedHours: number): TrainingStatus {
  if (approvedHours >= requiredHours) return 'COMPLETE';
  return approvedHours >= expectedHours ? 'ON_TRACK' : 'BEHIND';
}

/**
 * Share of the teachers owing hours in a cycle who reached their requirement, to four decimals
 * (the county evaluation's completion rate); null when nobody owes hours, as there is no share
 * to give (0 would read as "nobody completed").
 */
export function completionRate(complete: number, owing: number): number | null {
  return owing === 0 ? null : Math.round((complete / owing) * 10_000) / 10_000;
}

export interface TrainingSummary {
  cycle: TrainingCycle;
  requiredHours: number;
  approvedHours: number;
  pendingHours: number;
  remainingHours: number;
  expectedHoursToDate: number;
  status: TrainingStatus;
}

/** A teacher's position in the cycle containing `asOf`, from their approved and pending totals. */
export function trainingSummary(
  hireDate: string,
  asOf: string,
  totals: { approvedHours: number; pendingHours: number },
  policy: TrainingPolicy,
): TrainingSummary {
  const cycle = cycleOf(asOf, policy);
  const required = requiredHours(cycle, hireDate, policy);
  const expected = expectedHoursToDate(cycle, hireDate, asOf, policy);
  return {
    cycle,
    requiredHours: required,
    approvedHours: totals.approvedHours,
    pendingHours: totals.pendingHours,
    remainingHours: Math.max(0, required - totals.approvedHours),
    expectedHoursToDate: expected,
    status: trainingStatus(totals.approvedHours, required, expected),
  };
}

import { addDays, addYears, anniversaryDay, fromDay, fullYearsBetween, toDay } from '../calendar/calendar-date';
import { coversDay, mainPostingOn } from '../postings/posting-load';
import type { PostingAt } from '../postings/posting-rules';
import type { PostingKind } from '../reference/codes';
import { ceiling, exactOf, multiply, subtract } from '../shortage/exact-figures';

/**
 * Continuous years at the current school (docs/rules.md, "Rotation: eligibility"): the unbroken
 * run of `REGULAR` service at one school that includes the day.
 *
 * - The current school is that of the teacher's main `REGULAR` posting on the day (the largest
 *   share; ties: the smaller school id). With no `REGULAR` posting that day (on rotation, on
 *   support, not posted) there is no current school and no years.
 * - The run is unbroken while, on every day of it, some `REGULAR` posting at that school covers
 *   the day, at any share. Postings that overlap or follow each other without a gap join up.
 * - So a full-time rotation away (`ROTATION`, `SUPPORT`, a full-time `SHADOWING`) breaks it: the
 *   home posting is closed for the term, and the run starts again on the day the teacher returns.
 *   A part-time posting away (a `SHARED` post at f beside home at 1 − f, a new teacher's half
 *   week of shadowing) does not: the home posting runs on at a smaller share. A single day with
 *   no `REGULAR` posting at the school (a gap between two postings) breaks it too. Service at the
 *   school under another kind (a rotation *into* it) does not count.
 */

export interface Continuity {
  /** The school of the main `REGULAR` posting on the day; null when none covers the day. */
  readonly schoolId: string | null;
  /** First day of the unbroken run at that school that includes the day; null without a school. */
  readonly since: string | null;
  /** Anniversaries of `since` passed by the day (a run starting on 2020-09-01 has 6 on 2026-09-01). */
  readonly fullYears: number;
  /** Years of the run to the day, to 0.1 rounded down (whole years plus the elapsed share of the next one). */
  readonly years: number;
  /** What the teacher was posted to the day before `since`: what broke the run (empty: nothing, e.g. they were hired then). */
  readonly before: readonly { readonly schoolId: string; readonly kind: PostingKind; readonly fractionMilli: number }[];
}

const NO_SCHOOL: Continuity = { schoolId: null, since: null, fullYears: 0, years: 0, before: [] };

/** The continuous run of `REGULAR` service at the teacher's current school that includes `day`. */
export function continuityAt(postings: readonly PostingAt[], day: string): Continuity {
  const regular = postings.filter((p) => p.kind === 'REGULAR');
  const home = mainPostingOn(regular, day);
  if (!home) return NO_SCHOOL;
  const atSchool = regular
    .filter((p) => p.schoolId === home.schoolId && p.startDate <= day)
    .map((p) => ({ start: toDay(p.startDate), end: p.endDate === null ? Number.POSITIVE_INFINITY : toDay(p.endDate) }))
    .sort((a, b) => a.start - b.start);
  // The postings that start by the day, joined into runs; the home posting covers the day, so the last run holds it.
  let runStart = atSchool[0].start;
  let runEnd = atSchool[0].end;
  for (const { start, end } of atSchool) {
    if (start > runEnd + 1) {
      runStart = start;
      runEnd = end;
    } else {
      runEnd = Math.max(runEnd, end);
    }
  }
  const since = fromDay(runStart);
  const dayBefore = addDays(since, -1);
  return {
    schoolId: home.schoolId,
    since,
    fullYears: fullYearsBetween(since, day),
    years: tenthsOfYears(since, day) / 10,
    before: postings
      .filter((p) => coversDay(p, dayBefore))
      .map((p) => ({ schoolId: p.schoolId, kind: p.kind, fractionMilli: p.fractionMilli }))
      .sort((a, b) => b.fractionMilli - a.fractionMilli || (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0)),
  };
}

/** Tenths of years from `from` to `to`, rounded down, in whole-number arithmetic (no 5.999… for 6). */
function tenthsOfYears(from: string, to: string): number {
  const whole = fullYearsBetween(from, to);
  const anniversary = anniversaryDay(from, whole);
  const next = anniversaryDay(from, whole + 1);
  return whole * 10 + Math.floor(((toDay(to) - anniversary) * 10) / (next - anniversary));
}

/**
 * The first day on which `years` years have passed since `since`: whole years by anniversaries
 * (2020-09-01 + 6 → 2026-09-01; 2020-02-29 + 6 → 2026-02-28), a part of a year as that share of
 * the days of the next year, rounded up to a whole day (exactly: 6.5 years from 2020-09-01 is
 * 2026-09-01 + ⌈0.5 × 365⌉ days = 2027-03-03). A run that started on `since` and is unbroken on
 * day D has reached `years` exactly when D is on or after this day.
 */
export function dayYearsReached(since: string, years: number): string {
  // Whole years (the policy's usual 6) need no exact fractions: the anniversary.
  if (Number.isInteger(years)) return addYears(since, years);
  const whole = Math.floor(years);
  const anniversary = addYears(since, whole);
  const part = subtract(exactOf(years), exactOf(whole));
  if (part.n === 0n) return anniversary;
  const length = toDay(addYears(since, whole + 1)) - toDay(anniversary);
  return addDays(anniversary, Number(ceiling(multiply(part, exactOf(length))).n));
}

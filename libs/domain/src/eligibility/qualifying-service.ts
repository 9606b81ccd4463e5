import { DayNumber, fromDay, toDay } from '../calendar/calendar-date';
import { ClassificationChange, classificationPeriods } from '../classification/classification-timeline';
import { coversDay } from '../postings/posting-load';
import type { Location } from '../reference/codes';

/**
 * Rural or weak service (docs/rules.md, "Eligibility"). A day qualifies when the teacher's postings at schools
 * that were rural or weak *on that day* add up to at least the minimum fraction (0.5). Overlaps
 * count once. Everything is computed on intervals of whole days, never day by day: the cost grows
 * with the number of postings and reclassifications, not with the length of a career.
 */

export interface QualifyingRule {
  readonly locations: readonly Location[];
  readonly weakQualifies: boolean;
  /** Thousandths of a full post, e.g. 500. */
  readonly minDailyMilli: number;
}

export interface ServicePosting {
  readonly schoolId: string;
  readonly startDate: string;
  /** Inclusive; null = open (runs to the as-of day). */
  readonly endDate: string | null;
  readonly fractionMilli: number;
}

/** Inclusive day interval; `to` null = no end. */
export interface DayInterval {
  readonly from: DayNumber;
  readonly to: DayNumber | null;
}

export interface QualifyingPeriod {
  /** The school with the largest share of the period (ties: the smaller id). */
  readonly schoolId: string;
  /** Every school whose postings count in the period. */
  readonly schoolIds: string[];
  readonly from: string;
  readonly to: string;
  readonly days: number;
}

export interface QualifyingService {
  readonly days: number;
  readonly periods: QualifyingPeriod[];
}

/** The stretches of time during which a school's classification qualifies it (rural, or weak). */
export function qualifyingIntervals(
  changes: readonly ClassificationChange[],
  rule: Pick<QualifyingRule, 'locations' | 'weakQualifies'>,
): DayInterval[] {
  const intervals: DayInterval[] = [];
  for (const period of classificationPeriods(changes)) {
    const qualifies = (period.location !== null && rule.locations.includes(period.location)) || (rule.weakQualifies && period.weak === true);
    if (!qualifies) continue;
    const from = toDay(period.from);
    const to = period.to === null ? null : toDay(period.to);
    const last = intervals[intervals.length - 1];
    if (last && last.to !== null && last.to + 1 === from) intervals[intervals.length - 1] = { from: last.from, to };
    else intervals.push({ from, to });
  }
  return intervals;
}

interface Event {
  day: DayNumber;
  schoolId: string;
  milli: number;
}

/** Qualifying service up to the as-of day, and the day the count reaches a requirement. */
export interface QualifyingServiceReach extends QualifyingService {
  /** The first day (past or future) on which qualifying days reach `required`; null when they never do within the horizon. */
  readonly reachedOn: string | null;
}

/**
 * Qualifying days up to and including `asOf`, with the merged periods. `qualifyingBySchool` gives
 * each school's qualifying intervals (see qualifyingIntervals); a school it does not know never
 * qualifies. Open postings run to `asOf`.
 */
export function qualifyingService(
  postings: readonly ServicePosting[],
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>,
  asOf: string,
  minDailyMilli: number,
): QualifyingService {
  const { days, periods } = sweep(postings, qualifyingBySchool, toDay(asOf), minDailyMilli, null, 0);
  return { days, periods };
}

/**
 * qualifyingService, and in the same sweep the first day on which qualifying days (counted from
 * the first posting) reach `required`, following the postings as given, future ones included:
 * open ones go on without end and each school keeps its last classification. That day is null
 * when they never do within `horizonYears` after `asOf`.
 */
export function qualifyingServiceReaching(
  postings: readonly ServicePosting[],
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>,
  asOf: string,
  minDailyMilli: number,
  required: number,
  horizonYears = 60,
): QualifyingServiceReach {
  return sweep(postings, qualifyingBySchool, toDay(asOf), minDailyMilli, required, horizonYears);
}

/** The first day on which qualifying days reach `required` (see qualifyingServiceReaching); null when they never do. */
export function dayServiceReaches(
  postings: readonly ServicePosting[],
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>,
  asOf: string,
  required: number,
  minDailyMilli: number,
  horizonYears = 60,
): string | null {
  return sweep(postings, qualifyingBySchool, toDay(asOf), minDailyMilli, required, horizonYears).reachedOn;
}

/**
 * One sweep over the start and end events of the postings' qualifying stretches: days and merged
 * periods up to `last`; with a requirement, the sweep goes on past `last` (to a horizon) counting
 * days only, and stops at the day the count reaches it.
 */
function sweep(
  postings: readonly ServicePosting[],
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>,
  last: DayNumber,
  minDailyMilli: number,
  required: number | null,
  horizonYears: number,
): QualifyingServiceReach {
  const horizon = required === null ? last : last + Math.max(required, 0) + horizonYears * 366;
  const events: Event[] = [];
  for (const posting of postings) {
    const start = toDay(posting.startDate);
    const end = Math.min(posting.endDate === null ? horizon : toDay(posting.endDate), horizon);
    if (end < start) continue;
    for (const interval of qualifyingBySchool.get(posting.schoolId) ?? []) {
      const from = Math.max(start, interval.from);
      const to = interval.to === null ? end : Math.min(end, interval.to);
      if (to < from) continue;
      events.push({ day: from, schoolId: posting.schoolId, milli: posting.fractionMilli });
      events.push({ day: to + 1, schoolId: posting.schoolId, milli: -posting.fractionMilli });
    }
  }
  events.sort((a, b) => a.day - b.day);

  const bySchool = new Map<string, number>();
  let total = 0;
  let days = 0;
  let count = 0;
  let reachedOn: DayNumber | null = null;
  const periods: { from: DayNumber; to: DayNumber; key: string; schoolIds: string[]; main: string }[] = [];
  for (let i = 0; i < events.length;) {
    const day = events[i].day;
    if (day > last && (required === null || reachedOn !== null)) break;
    for (; i < events.length && events[i].day === day; i++) {
      const event = events[i];
      total += event.milli;
      if (day > last) continue; // past the as-of day only the total counts
      const share = (bySchool.get(event.schoolId) ?? 0) + event.milli;
      if (share === 0) bySchool.delete(event.schoolId);
      else bySchool.set(event.schoolId, share);
    }
    if (i >= events.length || total < minDailyMilli) continue;
    const next = events[i].day;
    if (required !== null && reachedOn === null) {
      if (count + (next - day) >= required) reachedOn = day + (required - count) - 1;
      count += next - day;
    }
    if (day > last) continue;
    const to = Math.min(next - 1, last);
    days += to - day + 1;
    const schoolIds = [...bySchool.keys()].sort();
    const key = schoolIds.join(',');
    const previous = periods[periods.length - 1];
    if (previous && previous.to + 1 === day && previous.key === key) {
      previous.to = to;
    } else {
      const main = [...bySchool.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
      periods.push({ from: day, to, key, schoolIds, main });
    }
  }
  return {
    days,
    periods: periods.map((p) => ({ schoolId: p.main, schoolIds: p.schoolIds, from: fromDay(p.from), to: fromDay(p.to), days: p.to - p.from + 1 })),
    reachedOn: reachedOn === null ? null : fromDay(reachedOn),
  };
}

/** True when `date` itself is a qualifying day. */
export function qualifiesOn(
  postings: readonly ServicePosting[],
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>,
  date: string,
  minDailyMilli: number,
): boolean {
  const day = toDay(date);
  const onTheDay = postings.filter((p) => coversDay(p, date));
  let total = 0;
  for (const posting of onTheDay) {
    const qualifying = (qualifyingBySchool.get(posting.schoolId) ?? []).some((q) => q.from <= day && (q.to === null || q.to >= day));
    if (qualifying) total += posting.fractionMilli;
  }
  return total >= minDailyMilli;
}

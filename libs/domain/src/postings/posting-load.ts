import { fromDay, toDay } from '../calendar/calendar-date';

/**
 * A teacher's postings share out their working week. Fractions are held as integer thousandths
 * ("milli") so that 0.2 + 0.3 + 0.5 is exactly one full post on every database and in every sum.
 */
export const FULL_POST_MILLI = 1000;

export interface PostingSpan {
  readonly startDate: string;
  /** Inclusive last day; null while the posting is open. */
  readonly endDate: string | null;
  readonly fractionMilli: number;
}

export interface Overload {
  /** First day on which the fractions add up to more than one full post. */
  readonly date: string;
  readonly totalMilli: number;
}

/** Converts a fraction such as 0.25 to thousandths; null when it is not in (0, 1] with at most 3 decimals. */
export function fractionToMilli(fraction: number): number | null {
  if (!Number.isFinite(fraction)) return null;
  const milli = Math.round(fraction * FULL_POST_MILLI);
  if (Math.abs(milli - fraction * FULL_POST_MILLI) > 1e-6) return null;
  if (milli <= 0 || milli > FULL_POST_MILLI) return null;
  return milli;
}

export function milliToFraction(milli: number): number {
  return milli / FULL_POST_MILLI;
}

/**
 * The first day on which the postings, taken together, exceed one full post; null when every
 * day fits. A sweep over start and end events: cost grows with the number of postings, not days.
 */
export function findOverload(postings: readonly PostingSpan[]): Overload | null {
  // Events as [day, change] pairs, by day; on a day, ends (negative changes) before starts, so that the running total
  // never exceeds the day's total before the day's last event: the first time it is over, the day is over.
  const events: [number, number][] = [];
  for (const posting of postings) {
    events.push([toDay(posting.startDate), posting.fractionMilli]);
    if (posting.endDate !== null) events.push([toDay(posting.endDate) + 1, -posting.fractionMilli]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  for (let i = 0; i < events.length; i++) {
    total += events[i][1];
    if (total <= FULL_POST_MILLI) continue;
    const day = events[i][0];
    // The day's total: the starts of the same day still to come.
    for (let j = i + 1; j < events.length && events[j][0] === day; j++) total += events[j][1];
    return { date: fromDay(day), totalMilli: total };
  }
  return null;
}

/** True when the two inclusive spans share at least one day (null end = open). */
export function spansOverlap(a: Pick<PostingSpan, 'startDate' | 'endDate'>, b: Pick<PostingSpan, 'startDate' | 'endDate'>): boolean {
  const aEndsBeforeB = a.endDate !== null && a.endDate < b.startDate;
  const bEndsBeforeA = b.endDate !== null && b.endDate < a.startDate;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** True when the posting covers the given day. */
export function coversDay(posting: Pick<PostingSpan, 'startDate' | 'endDate'>, date: string): boolean {
  return posting.startDate <= date && (posting.endDate === null || posting.endDate >= date);
}

/**
 * The posting a teacher mainly works in on the given day: of those covering it, the largest
 * share (ties: the smaller school id, so that every report names the same school); undefined when
 * none covers the day.
 */
export function mainPostingOn<P extends Pick<PostingSpan, 'startDate' | 'endDate' | 'fractionMilli'> & { schoolId: string }>(
  postings: readonly P[],
  date: string,
): P | undefined {
  let main: P | undefined;
  for (const p of postings) {
    if (!coversDay(p, date)) continue;
    if (!main || p.fractionMilli > main.fractionMilli || (p.fractionMilli === main.fractionMilli && p.schoolId < main.schoolId)) main = p;
  }
  return main;
}

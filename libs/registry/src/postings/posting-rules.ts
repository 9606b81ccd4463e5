import { coversDay, findOverload, fractionToMilli, milliToFraction, PostingSpan, RuleViolationError, ValidationFailedError } from '@app/domain';
import type { PostingEntity } from '@app/database';

/** Turns a fraction from a client into thousandths, or names the bad field. */
export function fractionMilliOf(fraction: number | undefined): number {
  const milli = fractionToMilli(fraction ?? 1);
  if (milli === null) throw ValidationFailedError.field('fraction', 'must be above 0 and at most 1, with at most 3 decimals');
  return milli;
}

/** Refuses (422) a set of postings that somewhere adds up to more than one full post. */
export function assertFits(others: PostingEntity[], candidate: PostingSpan): void {
  const overload = findOverload([...others, candidate]);
  if (!overload) return;
  const sharing = others.filter((p) => coversDay(p, overload.date));
  throw new RuleViolationError(
    'POSTING_OVERLAP',
    `On ${overload.date} the teacher's postings would add up to ${milliToFraction(overload.totalMilli)} of a full post (at most 1)`,
    { date: overload.date, total: milliToFraction(overload.totalMilli), overlappingPostingIds: sharing.map((p) => p.id) },
  );
}

export function assertDates(startDate: string, endDate: string | null, hireDate: string): void {
  if (endDate !== null && endDate < startDate) throw ValidationFailedError.field('endDate', 'cannot be before startDate');
  if (startDate < hireDate) {
    throw new RuleViolationError('POSTING_BEFORE_HIRE', `A posting cannot start (${startDate}) before the teacher's hire date (${hireDate})`, {
      startDate,
      hireDate,
    });
  }
}

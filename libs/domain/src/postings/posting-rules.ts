import { addDays, minDate } from '../calendar/calendar-date';
import { RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import type { PostingKind } from '../reference/codes';
import { coversDay, findOverload, fractionToMilli, FULL_POST_MILLI, mainPostingOn, milliToFraction, PostingSpan } from './posting-load';

/**
 * The posting rules (docs/rules.md, "Postings"), one set for every way a posting comes to be:
 * recorded by an officer, implied by a change of hire date, planned in an eligibility what-if or
 * written by activating a rotation plan. Each refusal has one code wherever it happens:
 * `endDate` before `startDate` → 400 naming the field; a posting before the hire date → 422
 * POSTING_BEFORE_HIRE; a day on which the fractions exceed one full post → 422 POSTING_OVERLAP.
 */

/** A posting as the rules see it: where, when, how much of the week. */
export interface PostingAt extends PostingSpan {
  readonly schoolId: string;
  readonly kind: PostingKind;
}

/** A recorded posting (it has an id). */
export interface RecordedPosting extends PostingAt {
  readonly id: string;
}

/** Turns a fraction from a client (default 1) into thousandths, or names the bad field (400). */
export function fractionMilliOf(fraction: number | undefined, field = 'fraction'): number {
  const milli = fractionToMilli(fraction ?? 1);
  if (milli === null) throw ValidationFailedError.field(field, 'must be above 0 and at most 1, with at most 3 decimals');
  return milli;
}

/**
 * A posting's own dates: it may not end before it starts (400 naming `<prefix>endDate`) nor start
 * before the teacher's hire date (422 POSTING_BEFORE_HIRE). `prefix` names the posting inside a
 * larger body, e.g. `postings.0.`.
 */
export function assertPostingDates(posting: Pick<PostingSpan, 'startDate' | 'endDate'>, hireDate: string, prefix = ''): void {
  if (posting.endDate !== null && posting.endDate < posting.startDate) {
    throw ValidationFailedError.field(`${prefix}endDate`, 'cannot be before startDate');
  }
  if (posting.startDate < hireDate) throw postingBeforeHire(posting.startDate, hireDate, prefix ? { field: `${prefix}startDate` } : {});
}

/**
 * A new hire date against the postings already recorded: refused (422 POSTING_BEFORE_HIRE) when one
 * of them starts before it, naming the earliest.
 */
export function assertHireDateFits(hireDate: string, postings: readonly (Pick<PostingSpan, 'startDate'> & { id: string })[]): void {
  const early = postings.filter((p) => p.startDate < hireDate).sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
  if (early) throw postingBeforeHire(early.startDate, hireDate, { postingId: early.id });
}

function postingBeforeHire(startDate: string, hireDate: string, extra: Record<string, unknown>): RuleViolationError {
  return new RuleViolationError('POSTING_BEFORE_HIRE', `A posting cannot start (${startDate}) before the teacher's hire date (${hireDate})`, {
    startDate,
    hireDate,
    ...extra,
  });
}

/**
 * The one-full-post invariant over a teacher's postings: refused (422 POSTING_OVERLAP) when on some
 * day their fractions add up to more than 1, naming the first such day, the total and the recorded
 * postings running that day.
 */
export function assertOneFullPost(postings: readonly (PostingSpan & { id?: string | null })[]): void {
  const overload = findOverload(postings);
  if (!overload) return;
  const sharing = postings.filter((p) => p.id && coversDay(p, overload.date)).map((p) => p.id as string);
  throw new RuleViolationError(
    'POSTING_OVERLAP',
    `On ${overload.date} the teacher's postings would add up to ${milliToFraction(overload.totalMilli)} of a full post (at most 1)`,
    { date: overload.date, total: milliToFraction(overload.totalMilli), overlappingPostingIds: [...new Set(sharing)] },
  );
}

/** Recording one posting beside the others (a new one, or a changed one without its old self); the others are named. */
export function assertFits(others: readonly (PostingSpan & { id: string })[], candidate: PostingSpan): void {
  assertOneFullPost([...others, { startDate: candidate.startDate, endDate: candidate.endDate, fractionMilli: candidate.fractionMilli }]);
}

// Planned postings (rotation assignments, what-if plans)

/** A piece of the teacher's postings once a plan is applied. */
export interface PlannedOutcomePosting extends PostingAt {
  /** The recorded posting this piece continues (itself, shortened, reduced or resumed), or null for a planned posting. */
  readonly recordedId: string | null;
  /**
   * True for the first piece of a recorded posting: it keeps that posting's row (updated to these
   * dates and fraction); the other pieces of a recorded posting, and planned postings, are new rows.
   */
  readonly keepsRow: boolean;
}

export interface ClosedPosting {
  readonly postingId: string;
  readonly schoolId: string;
  /** The new last day (the day before a plan starts). */
  readonly endDate: string;
}

/** A stretch of a recorded posting at another fraction (the home share beside a part-time plan), or resumed after a term. */
export interface ContinuedPosting {
  readonly postingId: string;
  readonly schoolId: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly fractionMilli: number;
}

export interface PlanApplication {
  /** Every posting with the plan in place, oldest first. */
  readonly postings: PlannedOutcomePosting[];
  /** Recorded postings closed the day before a plan starts. */
  readonly closed: ClosedPosting[];
  /** Home postings at a smaller share for the term of a part-time plan (1 − f). */
  readonly reduced: ContinuedPosting[];
  /** Home postings resumed at their own fraction after a plan's term ends. */
  readonly resumed: ContinuedPosting[];
}

interface Piece {
  recordedId: string | null;
  schoolId: string;
  kind: PostingKind;
  startDate: string;
  endDate: string | null;
  fractionMilli: number;
}

const byStart = (a: { startDate: string }, b: { startDate: string }) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0);

/**
 * Puts planned postings in place the way activating a rotation plan does (docs/rules.md,
 * "Rotation: activation"), then checks the one-full-post invariant (422 POSTING_OVERLAP):
 *
 * - a full-time plan (fraction 1) from S to E closes each recorded posting running on S that started
 *   before S on S − 1 and, when the term ends before that posting does, resumes it from E + 1;
 * - a part-time plan at fraction f (a shared post) keeps the teacher at home at 1 − f for the term:
 *   the home posting (the largest recorded share running on S) is closed on S − 1, runs at 1 − f
 *   from S to E and at its own fraction after E. Beside other postings running on S (a second
 *   school, an earlier plan) home keeps 1 − f − their shares; a home posting that fits as it is
 *   stays as it is, and one that cannot make room (nothing would be left) is left for the invariant.
 *
 * Plans apply in order of their start (ties: as given). Whatever else they overlap (a posting
 * recorded to start within the term, another plan) stays as it is, so the invariant refuses it.
 * Each plan's own dates are checked first (assertPostingDates), the plan named by `fieldOf(index)`.
 */
export function applyPlannedPostings(
  recorded: readonly RecordedPosting[],
  planned: readonly PostingAt[],
  hireDate: string,
  fieldOf: (index: number) => string = (index) => `postings.${index}.`,
): PlanApplication {
  planned.forEach((plan, i) => assertPostingDates(plan, hireDate, fieldOf(i)));
  const pieces: Piece[] = recorded.map((p) => ({
    recordedId: p.id,
    schoolId: p.schoolId,
    kind: p.kind,
    startDate: p.startDate,
    endDate: p.endDate,
    fractionMilli: p.fractionMilli,
  }));
  for (const plan of [...planned].sort(byStart)) {
    if (plan.fractionMilli >= FULL_POST_MILLI) {
      for (const piece of pieces.filter((p) => p.recordedId !== null && p.startDate < plan.startDate && coversDay(p, plan.startDate))) {
        cutAround(pieces, piece, plan, null);
      }
    } else {
      const home = mainPostingOn(
        pieces.filter((p) => p.recordedId !== null),
        plan.startDate,
      );
      const others = pieces.filter((p) => p !== home && coversDay(p, plan.startDate)).reduce((sum, p) => sum + p.fractionMilli, 0);
      const homeShare = FULL_POST_MILLI - plan.fractionMilli - others;
      if (home && homeShare > 0 && home.fractionMilli > homeShare) cutAround(pieces, home, plan, homeShare);
    }
    pieces.push({
      recordedId: null,
      schoolId: plan.schoolId,
      kind: plan.kind,
      startDate: plan.startDate,
      endDate: plan.endDate,
      fractionMilli: plan.fractionMilli,
    });
  }
  const outcome = describe(pieces, recorded);
  // The postings are copied with their ids only to name them in a refusal.
  if (findOverload(outcome.postings)) assertOneFullPost(outcome.postings.map((p) => ({ ...p, id: p.recordedId })));
  return outcome;
}

/**
 * Replaces `piece` by its part before the plan, its part during the plan's term at `duringMilli`
 * (none when null), and its part after the term.
 */
function cutAround(pieces: Piece[], piece: Piece, plan: PostingSpan, duringMilli: number | null): void {
  const parts: Piece[] = [];
  if (piece.startDate < plan.startDate) parts.push({ ...piece, endDate: addDays(plan.startDate, -1) });
  if (duringMilli !== null) {
    const endDate = plan.endDate === null ? piece.endDate : piece.endDate === null ? plan.endDate : minDate(piece.endDate, plan.endDate);
    parts.push({ ...piece, startDate: plan.startDate, endDate, fractionMilli: duringMilli });
  }
  if (plan.endDate !== null && (piece.endDate === null || piece.endDate > plan.endDate)) {
    parts.push({ ...piece, startDate: addDays(plan.endDate, 1) });
  }
  pieces.splice(pieces.indexOf(piece), 1, ...parts);
}

/** The pieces as postings, oldest first, with what became of each recorded posting. */
function describe(pieces: readonly Piece[], recorded: readonly RecordedPosting[]): PlanApplication {
  const byId = new Map(recorded.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const outcome: PlanApplication = { postings: [], closed: [], reduced: [], resumed: [] };
  for (const piece of [...pieces].sort(byStart)) {
    const original = piece.recordedId === null ? undefined : byId.get(piece.recordedId);
    const keepsRow = !!original && !seen.has(original.id);
    outcome.postings.push({ ...piece, keepsRow });
    if (!original) continue;
    seen.add(original.id);
    const continued = {
      postingId: original.id,
      schoolId: original.schoolId,
      startDate: piece.startDate,
      endDate: piece.endDate,
      fractionMilli: piece.fractionMilli,
    };
    if (piece.fractionMilli !== original.fractionMilli) outcome.reduced.push(continued);
    else if (!keepsRow) outcome.resumed.push(continued);
    else if (piece.endDate !== original.endDate)
      outcome.closed.push({ postingId: original.id, schoolId: original.schoolId, endDate: piece.endDate as string });
  }
  return outcome;
}

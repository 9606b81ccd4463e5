import { applyPlannedPostings, PlannedOutcomePosting, PostingAt, RecordedPosting } from '../postings/posting-rules';
import { POSTING_KIND_OF_MODE, RotationMode } from './rotation-codes';

/**
 * Activating an assignment, as data (docs/rules.md, "Rotation: activation"): the rows to change
 * and to add in the teacher's postings, read off applyPlannedPostings — the one set of posting
 * rules the eligibility what-if uses too — so that what is written is what the what-if showed:
 *
 * - a full-time assignment closes each recorded posting running on its first day on the day
 *   before, writes the posting at the destination (kind by mode: POSTING_KIND_OF_MODE) and the
 *   return home the day after the term (each closed posting resumed at its own share);
 * - a `SHARED` assignment at f closes the home posting the day before, writes home at 1 − f for
 *   the term beside the shared posting at f, and home at its old share after the term (a home
 *   posting starting on the first day is reduced in place; one that leaves room is left alone).
 *
 * Refused as recording is (422 POSTING_OVERLAP, POSTING_BEFORE_HIRE) when the postings changed
 * since the plan was checked.
 */

export interface ActivatedAssignment {
  readonly toSchoolId: string;
  readonly mode: RotationMode;
  readonly startDate: string;
  readonly endDate: string | null;
  /** 1000 for a full-time assignment. */
  readonly fractionMilli: number;
}

/** What a new row is to the assignment. */
export type ActivationRole = 'ASSIGNMENT' | 'HOME_DURING_TERM' | 'RETURN';

/** A recorded posting that keeps its row with a new last day (closed the day before the start) or a new share (reduced in place). */
export interface PostingUpdate {
  readonly postingId: string;
  readonly endDate: string | null;
  readonly fractionMilli: number;
}

export interface PostingInsert extends PostingAt {
  readonly role: ActivationRole;
  /** The recorded posting this row continues (home during the term, the return home); null for the assignment's own posting. */
  readonly continuesPostingId: string | null;
}

export interface ActivationWrites {
  /** Rows to change, in order of their start. */
  readonly update: readonly PostingUpdate[];
  /** Rows to add, in order of their start. */
  readonly insert: readonly PostingInsert[];
  /** The teacher's postings once written (for checks and answers), oldest first. */
  readonly postings: readonly PlannedOutcomePosting[];
}

/** An activation names no request field: its assignment was checked when it was made. */
const NO_FIELD = (): string => '';

/** The writes that put one assignment in place over the teacher's recorded postings. */
export function activationWrites(assignment: ActivatedAssignment, recorded: readonly RecordedPosting[], hireDate: string): ActivationWrites {
  const planned: PostingAt = {
    schoolId: assignment.toSchoolId,
    kind: POSTING_KIND_OF_MODE[assignment.mode],
    startDate: assignment.startDate,
    endDate: assignment.endDate,
    fractionMilli: assignment.fractionMilli,
  };
  const outcome = applyPlannedPostings(recorded, [planned], hireDate, NO_FIELD);
  const update: PostingUpdate[] = [];
  const insert: PostingInsert[] = [];
  // A teacher has a handful of postings: a search beats building a map for each assignment of a plan.
  for (const piece of outcome.postings) {
    const original = piece.recordedId === null ? undefined : recorded.find((p) => p.id === piece.recordedId);
    if (!original) {
      insert.push(inserted(piece, 'ASSIGNMENT', null));
    } else if (piece.keepsRow) {
      if (piece.endDate !== original.endDate || piece.fractionMilli !== original.fractionMilli) {
        update.push({ postingId: original.id, endDate: piece.endDate, fractionMilli: piece.fractionMilli });
      }
    } else {
      insert.push(inserted(piece, piece.fractionMilli === original.fractionMilli ? 'RETURN' : 'HOME_DURING_TERM', original.id));
    }
  }
  return { update, insert, postings: outcome.postings };
}

function inserted(piece: PostingAt, role: ActivationRole, continuesPostingId: string | null): PostingInsert {
  return {
    schoolId: piece.schoolId,
    kind: piece.kind,
    startDate: piece.startDate,
    endDate: piece.endDate,
    fractionMilli: piece.fractionMilli,
    role,
    continuesPostingId,
  };
}

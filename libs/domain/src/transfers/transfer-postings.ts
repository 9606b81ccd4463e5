import { addDays } from '../calendar/calendar-date';
import { RuleViolationError } from '../errors/domain-error';
import { mainPostingOn } from '../postings/posting-load';
import { assertFits, assertPostingDates, PostingAt, RecordedPosting } from '../postings/posting-rules';

/**
 * What executing a transfer writes (docs/rules.md, "Transfers"), through the posting rules that
 * recording uses, with the same codes:
 *
 * 1. the effective date is not before the hire date (422 `POSTING_BEFORE_HIRE`);
 * 2. on the effective date the teacher has a `REGULAR` posting (the largest share, ties to the smaller
 *    school id): their home school, which they leave (422 `TRANSFER_NOT_AT_SCHOOL`; also when that
 *    posting only starts on the effective date: it has no day to keep, correct it instead);
 * 3. the destination is another school (422 `TRANSFER_SAME_SCHOOL`);
 * 4. the home posting closes the day before the effective date, and a `REGULAR` posting at the
 *    destination opens on it at the same share, open-ended; beside the teacher's other postings
 *    (a shared post elsewhere, a posting recorded for later) that keeps one full post on every day
 *    (422 `POSTING_OVERLAP`, naming the day, the total and the postings).
 */

export interface TransferredPostings {
  /** The school the teacher leaves: that of the home posting on the effective date. */
  readonly fromSchoolId: string;
  /** The home posting, kept with a new last day: the day before the effective date. */
  readonly close: { readonly postingId: string; readonly endDate: string };
  /** The new home posting at the destination. */
  readonly open: PostingAt;
}

export function transferPostings(
  teacher: { readonly hireDate: string; readonly postings: readonly RecordedPosting[] },
  toSchoolId: string,
  effectiveDate: string,
): TransferredPostings {
  assertPostingDates({ startDate: effectiveDate, endDate: null }, teacher.hireDate);
  const home = mainPostingOn(
    teacher.postings.filter((p) => p.kind === 'REGULAR'),
    effectiveDate,
  );
  if (!home) {
    throw new RuleViolationError('TRANSFER_NOT_AT_SCHOOL', `On ${effectiveDate} the teacher has no regular post at a school to transfer from`, {
      effectiveDate,
    });
  }
  if (home.startDate === effectiveDate) {
    throw new RuleViolationError(
      'TRANSFER_NOT_AT_SCHOOL',
      `The teacher's regular post at school ${home.schoolId} only starts on ${effectiveDate}: there is no day of it to keep; correct that posting instead`,
      { effectiveDate, homePostingId: home.id, homeStartDate: home.startDate },
    );
  }
  if (home.schoolId === toSchoolId) {
    throw new RuleViolationError('TRANSFER_SAME_SCHOOL', 'A transfer goes to another school than the teacher’s own', { schoolId: home.schoolId });
  }
  const close = { postingId: home.id, endDate: addDays(effectiveDate, -1) };
  const open: PostingAt = { schoolId: toSchoolId, kind: 'REGULAR', startDate: effectiveDate, endDate: null, fractionMilli: home.fractionMilli };
  assertFits(
    teacher.postings.map((p) => (p.id === home.id ? { ...p, endDate: close.endDate } : p)),
    open,
  );
  return { fromSchoolId: home.schoolId, close, open };
}

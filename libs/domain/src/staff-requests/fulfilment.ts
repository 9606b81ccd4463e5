import { RuleViolationError } from '../errors/domain-error';
import { FULL_POST_MILLI } from '../postings/posting-load';
import type { Subject } from '../reference/codes';

/** What the fulfilment rule reads about a request. */
export interface FulfilledRequest {
  readonly schoolId: string;
  readonly subject: Subject;
  /** The day the request was submitted: postings from that day on are new supply. */
  readonly submittedOn: string;
  readonly neededFrom: string;
}

/** A posting offered as (part of) a request's fulfilment, with what its teacher teaches. */
export interface FulfillingPosting {
  readonly schoolId: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly fractionMilli: number;
  /** The teacher's main subject and their extra subjects (一专多能). */
  readonly teacherSubjects: readonly Subject[];
  /** The request this posting is counted towards already, if any. */
  readonly countedFor: string | null;
}

/**
 * A posting counts towards a request when it brings a teacher of the subject to the request's school
 * (any kind: a rotation, a shared posting, a transfer or a new hire), starting on or after the day the
 * request was submitted (the teachers already there are what the request was asked on top of) and still
 * running on neededFrom; and a posting counts towards one request only. Refuses with the code of the
 * first rule broken.
 */
export function assertCountable(request: FulfilledRequest, posting: FulfillingPosting): void {
  if (posting.schoolId !== request.schoolId) {
    throw new RuleViolationError('POSTING_NOT_AT_SCHOOL', 'The posting is at another school than the request’s');
  }
  if (posting.startDate < request.submittedOn) {
    throw new RuleViolationError(
      'POSTING_PREDATES_REQUEST',
      `The posting starts on ${posting.startDate}, before the request was submitted on ${request.submittedOn}: it is not new supply`,
      { startDate: posting.startDate, submittedOn: request.submittedOn },
    );
  }
  if (posting.endDate !== null && posting.endDate < request.neededFrom) {
    throw new RuleViolationError(
      'POSTING_ENDS_BEFORE_NEEDED',
      `The posting ends on ${posting.endDate}, before the staff are needed from ${request.neededFrom}`,
      { endDate: posting.endDate, neededFrom: request.neededFrom },
    );
  }
  if (!posting.teacherSubjects.includes(request.subject)) {
    throw new RuleViolationError('POSTING_SUBJECT_MISMATCH', `The posted teacher does not teach ${request.subject}, the subject asked for`, {
      subject: request.subject,
      teacherSubjects: [...posting.teacherSubjects],
    });
  }
  if (posting.countedFor !== null) {
    throw new RuleViolationError('POSTING_ALREADY_COUNTED', 'The posting counts towards a staff request already', {
      staffRequestId: posting.countedFor,
    });
  }
}

/** How far a request's fulfilments cover its headcount: the posting fractions summed, in thousandths. */
export interface Coverage {
  readonly coveredMilli: number;
  readonly requiredMilli: number;
  /** True once the fractions add up to the headcount. */
  readonly covered: boolean;
}

export function coverage(headcount: number, fulfilments: readonly { readonly fractionMilli: number }[]): Coverage {
  const coveredMilli = fulfilments.reduce((total, f) => total + f.fractionMilli, 0);
  const requiredMilli = headcount * FULL_POST_MILLI;
  return { coveredMilli, requiredMilli, covered: coveredMilli >= requiredMilli };
}

import { addDays, addYears } from '../calendar/calendar-date';
import { FieldErrors, RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import { FULL_POST_MILLI, mainPostingOn } from '../postings/posting-load';
import { applyPlannedPostings, assertPostingDates, fractionMilliOf, PostingAt, RecordedPosting } from '../postings/posting-rules';
import type { PostingKind } from '../reference/codes';
import { POSTING_KIND_OF_MODE, RotationMode } from './rotation-codes';
import type { RotationPolicy } from './rotation-eligibility';

/**
 * The rules of one assignment of a rotation plan (docs/rules.md, "Rotation: plans"):
 *
 * 1. bad input (400 naming the field): an end before the start; a `fraction` on anything but a
 *    `SHARED` assignment, or a `SHARED` one without a fraction below 1; a `TEAM` assignment
 *    without a `teamId`, or a `teamId` on another mode;
 * 2. the posting rules, with the same codes as recording: not before the hire date
 *    (422 `POSTING_BEFORE_HIRE`);
 * 3. the teacher and the destination are in the plan's county (422 `ROTATION_OTHER_COUNTY`);
 * 4. the teacher has a `REGULAR` posting on the first day, their home school, which the
 *    assignment leaves from (422 `ROTATION_NOT_AT_SCHOOL`), and the destination is not that school
 *    (422 `ROTATION_SAME_SCHOOL`);
 * 5. one assignment per teacher per plan (422 `ROTATION_TEACHER_TWICE`);
 * 6. the members of a team move together: same first day, same last day, same destination
 *    (422 `ROTATION_TEAM_APART`);
 * 7. the assignment put in place as activation would (applyPlannedPostings) keeps one full post
 *    on every day, beside the teacher's recorded postings and their assignments in other plans
 *    not yet activated (422 `POSTING_OVERLAP`).
 *
 * An assignment without an end runs `rotation.defaultTermYears` years: from 2026-09-01, three
 * years end on 2029-08-31.
 */

export interface AssignmentRequest {
  readonly teacherId: string;
  readonly toSchoolId: string;
  readonly startDate: string;
  readonly endDate?: string | null;
  readonly mode: RotationMode;
  readonly teamId?: string | null;
  /** Share of the week at the destination, for `SHARED` only (0 < f < 1). */
  readonly fraction?: number;
}

/** An assignment already in the plan, as the rules compare with it. */
export interface PlanAssignmentRef {
  readonly teacherId: string;
  readonly toSchoolId: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly teamId: string | null;
}

export interface AssignmentContext {
  /** The plan's county. */
  readonly countyId: string;
  readonly teacher: { readonly countyId: string; readonly hireDate: string; readonly postings: readonly RecordedPosting[] };
  readonly toSchool: { readonly schoolId: string; readonly countyId: string };
  /** The plan's other assignments (without this one when it is being changed). */
  readonly planAssignments: readonly PlanAssignmentRef[];
  /** The teacher's assignments in other plans not yet activated, as postings (checked with this one). */
  readonly otherPlanned?: readonly PostingAt[];
}

export interface ValidAssignment {
  readonly teacherId: string;
  /** The school of the home posting on the first day. */
  readonly fromSchoolId: string;
  readonly homePostingId: string;
  readonly toSchoolId: string;
  readonly startDate: string;
  /** Always set: the end given, or the end of the default term. */
  readonly endDate: string;
  readonly mode: RotationMode;
  readonly teamId: string | null;
  readonly fractionMilli: number;
  /** The kind of the posting it writes at the destination (POSTING_KIND_OF_MODE). */
  readonly kind: PostingKind;
}

/** The last day of a term of `rotation.defaultTermYears` years from `startDate`: the day before its anniversary. */
export function defaultTermEnd(startDate: string, policy: RotationPolicy): string {
  return addDays(addYears(startDate, policy.rotation.defaultTermYears), -1);
}

/** Checks an assignment against the plan and the teacher's postings; answers it with its end and home school settled. */
export function validateAssignment(request: AssignmentRequest, context: AssignmentContext, policy: RotationPolicy): ValidAssignment {
  const fractionMilli = checkInput(request);
  const endDate = request.endDate ?? defaultTermEnd(request.startDate, policy);
  const teamId = request.teamId ?? null;
  const posting: PostingAt = {
    schoolId: request.toSchoolId,
    kind: POSTING_KIND_OF_MODE[request.mode],
    startDate: request.startDate,
    endDate,
    fractionMilli,
  };
  assertPostingDates(posting, context.teacher.hireDate);

  if (context.teacher.countyId !== context.countyId || context.toSchool.countyId !== context.countyId) {
    throw new RuleViolationError('ROTATION_OTHER_COUNTY', `A rotation stays within the plan's county (${context.countyId})`, {
      countyId: context.countyId,
      teacherCountyId: context.teacher.countyId,
      toSchoolCountyId: context.toSchool.countyId,
    });
  }

  const home = mainPostingOn(
    context.teacher.postings.filter((p) => p.kind === 'REGULAR'),
    request.startDate,
  );
  if (!home) {
    throw new RuleViolationError('ROTATION_NOT_AT_SCHOOL', `On ${request.startDate} the teacher has no regular post at a school to rotate from`, {
      startDate: request.startDate,
    });
  }
  if (home.schoolId === request.toSchoolId) {
    throw new RuleViolationError('ROTATION_SAME_SCHOOL', 'A rotation goes to another school than the teacher’s own', {
      schoolId: home.schoolId,
    });
  }
  if (context.planAssignments.some((a) => a.teacherId === request.teacherId)) {
    throw new RuleViolationError('ROTATION_TEACHER_TWICE', 'The teacher has an assignment in this plan already', { teacherId: request.teacherId });
  }
  if (teamId !== null) {
    const apart = context.planAssignments.find(
      (a) => a.teamId === teamId && (a.startDate !== request.startDate || a.endDate !== endDate || a.toSchoolId !== request.toSchoolId),
    );
    if (apart) {
      throw new RuleViolationError('ROTATION_TEAM_APART', `The members of team ${teamId} move together: same school, same first and last day`, {
        teamId,
        team: { toSchoolId: apart.toSchoolId, startDate: apart.startDate, endDate: apart.endDate },
      });
    }
  }

  applyPlannedPostings(context.teacher.postings, [posting, ...(context.otherPlanned ?? [])], context.teacher.hireDate, (index) =>
    index === 0 ? '' : `otherPlanned.${index - 1}.`,
  );

  return {
    teacherId: request.teacherId,
    fromSchoolId: home.schoolId,
    homePostingId: home.id,
    toSchoolId: request.toSchoolId,
    startDate: request.startDate,
    endDate,
    mode: request.mode,
    teamId,
    fractionMilli,
    kind: posting.kind,
  };
}

/** The 400s of an assignment, every bad field at once; its share of the week in thousandths. */
function checkInput(request: AssignmentRequest): number {
  const problems: FieldErrors = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  let fractionMilli = FULL_POST_MILLI;
  if (request.mode === 'SHARED') {
    if (request.fraction === undefined) add('fraction', 'is required for a SHARED assignment');
    else {
      try {
        fractionMilli = fractionMilliOf(request.fraction);
        if (fractionMilli >= FULL_POST_MILLI) add('fraction', 'must be below 1: a SHARED assignment is part of the week');
      } catch (error) {
        if (!(error instanceof ValidationFailedError)) throw error;
        Object.entries(error.fields).forEach(([field, messages]) => messages.forEach((m) => add(field, m)));
      }
    }
  } else if (request.fraction !== undefined && request.fraction !== 1) {
    add('fraction', 'is for SHARED assignments only (others take the whole week)');
  }
  const teamId = request.teamId ?? null;
  if (request.mode === 'TEAM' && (teamId === null || teamId.trim() === '')) add('teamId', 'is required for a TEAM assignment');
  if (request.mode !== 'TEAM' && teamId !== null) add('teamId', 'is for TEAM assignments only');
  if (request.endDate != null && request.endDate < request.startDate) add('endDate', 'cannot be before startDate');
  if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
  return fractionMilli;
}

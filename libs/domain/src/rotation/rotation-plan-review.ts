import { dayServiceReaches, DayInterval, ServicePosting } from '../eligibility/qualifying-service';
import { qualifyingRuleOf } from '../eligibility/eligibility';
import type { Label } from '../labels/code-labels';
import { FULL_POST_MILLI } from '../postings/posting-load';
import type { PolicyParameters } from '../policy/policy.schema';
import type { Subject } from '../reference/codes';
import { findShortages } from '../shortage/find-shortages';
import type { FoundShortage, ShortageKind, ShortageSchoolFacts, ShortageStaffMember } from '../shortage/shortage-types';
import type { PlanWarningCode, RotationMode } from './rotation-codes';
import { eligibilityEffectMessage, noNeedMessage, lastTeacherMessage } from './rotation-messages';

/**
 * What a rotation plan does to people and schools, before it is activated
 * (docs/rules.md, "Rotation: plan review"):
 *
 * - each assignment's effect on the teacher's senior-title service rule (365 qualifying days) and the
 *   principal-selection priority (1095): the day each is met following the recorded postings, and following
 *   them with the assignment put in place as activation would;
 * - the staff requests each assignment would count towards (a teacher of the subject arriving at the
 *   requesting school, new supply still there on the day needed), the oldest request first;
 * - the shortage flags the plan opens and closes at both schools on each first day: the shortage rules run on
 *   the school's staff that day without and with the plan's moves;
 * - warnings, which never block: the sending school loses its last teacher of a subject it needs (the
 *   move opens a ZERO_COVERAGE flag there); the receiving school has no open need for the subject (no open
 *   flag for it, no pending or approved staff request).
 */

// ——— eligibility ———

export interface ServiceReach {
  /** Qualifying days the rule asks for. */
  readonly requiredDays: number;
  /** The day the rule is met following the recorded postings (past or future); null: never. */
  readonly before: string | null;
  /** The same following the postings with the assignment in place. */
  readonly after: string | null;
  /** True when the assignment moves the day (sooner, later, or from never to a day). */
  readonly changed: boolean;
}

export interface EligibilityEffect {
  readonly seniorTitle: ServiceReach;
  readonly principalPriority: ServiceReach;
  /** True when either rule's day moves. */
  readonly changes: boolean;
  readonly summary: Label;
}

/**
 * The assignment's effect on the two service rules: their days with the recorded postings and with the
 * postings activation would leave (`planned`, e.g. activationWrites(…).postings). `qualifyingBySchool`
 * holds the qualifying intervals of every school of either list.
 */
export function eligibilityEffect(
  recorded: readonly ServicePosting[],
  planned: readonly ServicePosting[],
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>,
  asOf: string,
  policy: Pick<PolicyParameters, 'eligibility'>,
): EligibilityEffect {
  const minDaily = qualifyingRuleOf(policy).minDailyMilli;
  const reach = (required: number): ServiceReach => {
    const before = dayServiceReaches(recorded, qualifyingBySchool, asOf, required, minDaily);
    const after = dayServiceReaches(planned, qualifyingBySchool, asOf, required, minDaily);
    return { requiredDays: required, before, after, changed: before !== after };
  };
  const seniorTitle = reach(policy.eligibility.seniorTitle.serviceDays);
  const principalPriority = reach(policy.eligibility.principalPriority.serviceDays);
  return {
    seniorTitle,
    principalPriority,
    changes: seniorTitle.changed || principalPriority.changed,
    summary: eligibilityEffectMessage(seniorTitle, principalPriority),
  };
}

// ——— staff requests ———

/** An assignment as the requests and flags see it. */
export interface ReviewedAssignment {
  readonly assignmentId: string;
  readonly teacherId: string;
  readonly fromSchoolId: string;
  readonly toSchoolId: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly mode: RotationMode;
  readonly fractionMilli: number;
  /** The teacher's main subject, then their extra subjects. */
  readonly subjects: readonly Subject[];
}

/** A staff request still waiting for staff (submitted, or approved and not yet covered). */
export interface OpenStaffRequest {
  readonly id: string;
  readonly schoolId: string;
  readonly subject: Subject;
  readonly status: 'SUBMITTED' | 'APPROVED';
  readonly submittedOn: string;
  readonly neededFrom: string;
  readonly headcount: number;
  /** Covered already by recorded fulfilments, in thousandths. */
  readonly coveredMilli: number;
}

export interface RequestCover {
  readonly requestId: string;
  readonly status: 'SUBMITTED' | 'APPROVED';
  readonly subject: Subject;
  /** What the assignment adds to the request's cover, in thousandths of a post. */
  readonly addsMilli: number;
  /** The request's cover once this assignment (and the plan's earlier ones) count. */
  readonly coveredMilli: number;
  readonly requiredMilli: number;
  readonly covered: boolean;
}

/**
 * The request each assignment would count towards: one of the receiving school's open requests for a subject
 * the teacher teaches, submitted on or before the first day (the posting is new supply) and still needed when
 * the term runs (the term ends on or after neededFrom), not yet covered by recorded fulfilments and the plan's
 * earlier assignments — the oldest request first. Shadowing brings no staff: it counts towards none.
 */
export function requestCovers(assignments: readonly ReviewedAssignment[], requests: readonly OpenStaffRequest[]): Map<string, RequestCover> {
  const covered = new Map(requests.map((r) => [r.id, r.coveredMilli]));
  const ordered = [...requests].sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.id.localeCompare(b.id));
  const answer = new Map<string, RequestCover>();
  for (const a of assignments) {
    if (a.mode === 'SHADOWING') continue;
    const request = ordered.find(
      (r) =>
        r.schoolId === a.toSchoolId &&
        a.subjects.includes(r.subject) &&
        a.startDate >= r.submittedOn &&
        a.endDate >= r.neededFrom &&
        (covered.get(r.id) ?? 0) < r.headcount * 1000,
    );
    if (!request) continue;
    const after = (covered.get(request.id) ?? 0) + a.fractionMilli;
    covered.set(request.id, after);
    answer.set(a.assignmentId, {
      requestId: request.id,
      status: request.status,
      subject: request.subject,
      addsMilli: a.fractionMilli,
      coveredMilli: after,
      requiredMilli: request.headcount * 1000,
      covered: after >= request.headcount * 1000,
    });
  }
  return answer;
}

// ——— shortages ———

/** A shortage as a plan's review shows it: what, at which school, on which day. */
export interface ShortageChange {
  readonly schoolId: string;
  readonly day: string;
  readonly kind: ShortageKind;
  readonly subject: Subject | null;
  readonly severity: FoundShortage['severity'];
  readonly requiredFte: number;
  readonly actualFte: number;
  readonly gap: number;
  readonly summary: Label;
}

/** A school's staff on a day, as the shortage rules read it. */
export interface SchoolDay {
  readonly day: string;
  readonly facts: ShortageSchoolFacts;
}

/** What the plan's moves do to the shortages of one school on one day. */
export interface SchoolShortageEffect {
  readonly schoolId: string;
  readonly day: string;
  readonly opens: readonly ShortageChange[];
  readonly closes: readonly ShortageChange[];
}

/**
 * The school's staff on `day` with the plan's moves running that day: a teacher leaving is taken off
 * by the assignment's share (off altogether for a full-time one), a teacher arriving is added at it,
 * with their subjects and psychology role as their home school's staff list has them (`staffOf`).
 */
export function movedStaff(
  facts: ShortageSchoolFacts,
  day: string,
  assignments: readonly ReviewedAssignment[],
  staffOf: ReadonlyMap<string, ShortageStaffMember>,
): ShortageSchoolFacts {
  const running = assignments.filter((a) => a.startDate <= day && day <= a.endDate);
  const staff = new Map(facts.staff.map((m) => [m.teacherId, m]));
  for (const a of running) {
    if (a.fromSchoolId === facts.schoolId) {
      const member = staff.get(a.teacherId);
      if (member) {
        const left = member.fractionMilli - a.fractionMilli;
        if (left <= 0) staff.delete(a.teacherId);
        else staff.set(a.teacherId, { ...member, fractionMilli: left });
      }
    }
    if (a.toSchoolId === facts.schoolId) {
      const member = staff.get(a.teacherId) ?? staffOf.get(a.teacherId);
      if (member) {
        // Postings recorded since the assignment was made may already hold the teacher there: never above a full post.
        const already = staff.has(a.teacherId) ? member.fractionMilli : 0;
        staff.set(a.teacherId, { ...member, fractionMilli: Math.min(FULL_POST_MILLI, already + a.fractionMilli) });
      }
    }
  }
  return { ...facts, staff: [...staff.values()] };
}

/** The shortages the moves open and close at a school on a day: the rules run on its staff without and with them. */
export function shortageEffect(
  schoolDay: SchoolDay,
  assignments: readonly ReviewedAssignment[],
  staffOf: ReadonlyMap<string, ShortageStaffMember>,
  policy: PolicyParameters['shortage'],
  policyVersion: string,
): SchoolShortageEffect {
  const key = (f: FoundShortage) => `${f.kind}/${f.subject ?? ''}`;
  const before = findShortages(schoolDay.facts, policy, policyVersion);
  const after = findShortages(movedStaff(schoolDay.facts, schoolDay.day, assignments, staffOf), policy, policyVersion);
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const change = (f: FoundShortage): ShortageChange => ({
    schoolId: schoolDay.facts.schoolId,
    day: schoolDay.day,
    kind: f.kind,
    subject: f.subject,
    severity: f.severity,
    requiredFte: f.requiredFte,
    actualFte: f.actualFte,
    gap: f.gap,
    summary: f.explanation.summary,
  });
  return {
    schoolId: schoolDay.facts.schoolId,
    day: schoolDay.day,
    opens: after.filter((f) => !beforeKeys.has(key(f))).map(change),
    closes: before.filter((f) => !afterKeys.has(key(f))).map(change),
  };
}

/** True when a shortage concerns what the teacher teaches: their subjects, psychology for a psychology teacher, the PE/arts group for one of its subjects. */
export function concernsTeacher(
  change: { readonly kind: string; readonly subject: Subject | null },
  subjects: readonly Subject[],
  peArtsSubjects: readonly Subject[],
): boolean {
  if (change.subject !== null) return subjects.includes(change.subject);
  return change.kind === 'PE_ARTS_RATIO_LOW' && subjects.some((s) => peArtsSubjects.includes(s));
}

// ——— warnings ———

export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly assignmentId: string;
  readonly teacherId: string;
  readonly schoolId: string;
  readonly subject: Subject;
  readonly message: Label;
}

/** A subject the receiving school has an open need for: an open shortage flag, or a pending or approved staff request. */
export interface OpenNeed {
  readonly schoolId: string;
  readonly kind: ShortageKind | 'STAFF_REQUEST';
  readonly subject: Subject | null;
}

/**
 * The plan's warnings: for each assignment whose move opens a ZERO_COVERAGE flag for the teacher's subject at the
 * sending school (its last teacher of a subject its curriculum needs leaves), and each assignment (but shadowing) to a
 * school with no open need for any subject the teacher teaches.
 */
export function planWarnings(
  assignments: readonly ReviewedAssignment[],
  effects: readonly SchoolShortageEffect[],
  needs: readonly OpenNeed[],
  peArtsSubjects: readonly Subject[],
  schoolNames: ReadonlyMap<string, string>,
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const a of assignments) {
    const main = a.subjects[0];
    const lost = effects
      .filter((e) => e.schoolId === a.fromSchoolId && e.day === a.startDate)
      .flatMap((e) => e.opens)
      .find((o) => o.kind === 'ZERO_COVERAGE' && o.subject !== null && a.subjects.includes(o.subject));
    if (lost && lost.subject !== null) {
      warnings.push({
        code: 'SENDING_SCHOOL_LOSES_LAST_TEACHER',
        assignmentId: a.assignmentId,
        teacherId: a.teacherId,
        schoolId: a.fromSchoolId,
        subject: lost.subject,
        message: lastTeacherMessage(schoolNames.get(a.fromSchoolId) ?? a.fromSchoolId, lost.subject, a.startDate),
      });
    }
    if (a.mode === 'SHADOWING') continue;
    const needed = needs.some((n) => n.schoolId === a.toSchoolId && concernsTeacher(n, a.subjects, peArtsSubjects));
    if (!needed) {
      warnings.push({
        code: 'RECEIVING_SCHOOL_NO_NEED',
        assignmentId: a.assignmentId,
        teacherId: a.teacherId,
        schoolId: a.toSchoolId,
        subject: main,
        message: noNeedMessage(schoolNames.get(a.toSchoolId) ?? a.toSchoolId, a.subjects),
      });
    }
  }
  return warnings;
}

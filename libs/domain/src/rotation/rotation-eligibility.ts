import { daysInMonth, formatDate, fullYearsBetween } from '../calendar/calendar-date';
import type { Label } from '../labels/code-labels';
import type { PolicyParameters } from '../policy/policy.schema';
import { coversDay } from '../postings/posting-load';
import type { PostingAt } from '../postings/posting-rules';
import { atLeast, BACKBONE_LEVELS, BackboneLevel, Post } from '../reference/codes';
import type { RotationReason, RotationStatus } from './rotation-codes';
import { ageExemptionMessage, dueMessage, exemptMessage, joined, reasonMessage, recordedExemptionMessage, YearsFigures } from './rotation-messages';
import { Continuity, continuityAt, dayYearsReached } from './years-at-school';

/**
 * Who must rotate in a plan year (docs/rules.md, "Rotation: eligibility"): on its
 * reference day, on-quota teachers — principals and vice principals likewise — with at least
 * `rotation.minYearsAtSchool` continuous years at their school; exempt when aged
 * `rotation.exemptAge` or more that day, or holding a recorded exemption valid that day.
 */

export type RotationPolicy = Pick<PolicyParameters, 'rotation'>;

/**
 * The day of plan year Y on which eligibility is judged: `${Y}-${rotation.referenceMonthDay}`
 * (2026 → 2026-09-01). A reference day of 02-29 falls on 02-28 in a common year.
 */
export function rotationReferenceDate(year: number, policy: RotationPolicy): string {
  const monthDay = policy.rotation.referenceMonthDay;
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3, 5));
  return formatDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** An exemption an officer recorded for a teacher (illness, pregnancy, …): inclusive days, `validTo` null = no end. */
export interface RotationExemption {
  readonly reason: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** What the rule reads of a teacher. */
export interface RotationTeacherFacts {
  readonly teacherId: string;
  readonly birthDate: string;
  readonly onQuota: boolean;
  readonly post: Post;
  readonly backbone: BackboneLevel;
  /** The teacher's recorded postings (at least those that cover the reference day or end before it). */
  readonly postings: readonly PostingAt[];
  readonly exemptions?: readonly RotationExemption[];
}

export type ExemptionGround =
  | { readonly kind: 'AGE'; readonly age: number; readonly exemptAge: number; readonly message: Label }
  | {
      readonly kind: 'RECORDED';
      readonly reason: string;
      readonly validFrom: string;
      readonly validTo: string | null;
      readonly message: Label;
    };

export interface RotationEligibility {
  readonly teacherId: string;
  readonly status: RotationStatus;
  /** True exactly when `status` is ELIGIBLE: the teacher counts in the targets' base. */
  readonly eligible: boolean;
  readonly referenceDate: string;
  /** The current school (main `REGULAR` posting on the reference day); null when there is none. */
  readonly schoolId: string | null;
  readonly post: Post;
  readonly backbone: BackboneLevel;
  /** Backbone level at least `rotation.backboneMinLevel`: counts toward the backbone target when rotating. */
  readonly countsAsBackbone: boolean;
  readonly yearsAtSchool: {
    readonly since: string | null;
    readonly fullYears: number;
    /** To 0.1 rounded down. */
    readonly years: number;
    readonly required: number;
    /** The day the run reaches `required` if it stays unbroken; null without a school. */
    readonly reachedOn: string | null;
    /** What the teacher was posted to the day before `since` (what broke the run). */
    readonly before: Continuity['before'];
  };
  /** Full years of age on the reference day. */
  readonly age: number;
  /** Why not eligible (empty when eligible or exempt). */
  readonly reasons: readonly RotationReason[];
  /** Every exemption that holds on the reference day (listed whatever the status). */
  readonly exemptions: readonly ExemptionGround[];
  /** The answer in one sentence, with the figures and the policy's numbers. */
  readonly summary: Label;
  /** The policy parameters read, by their name in the policy's `rotation` section. */
  readonly parameters: {
    readonly minYearsAtSchool: number;
    readonly referenceMonthDay: string;
    readonly exemptAge: number;
    readonly backboneMinLevel: BackboneLevel;
  };
}

/** The teacher's standing for plan year `year`, judged on its reference day. */
export function rotationEligibility(teacher: RotationTeacherFacts, year: number, policy: RotationPolicy): RotationEligibility {
  return rotationEligibilityOn(teacher, rotationReferenceDate(year, policy), policy);
}

/**
 * The teacher's standing judged on `referenceDate`, the plan year's reference day (rotationReferenceDate): a county's
 * candidates judge every teacher on the same day, which is worked out once.
 */
export function rotationEligibilityOn(teacher: RotationTeacherFacts, referenceDate: string, policy: RotationPolicy): RotationEligibility {
  const rotation = policy.rotation;
  const continuity = continuityAt(teacher.postings, referenceDate);
  const reachedOn = continuity.since === null ? null : dayYearsReached(continuity.since, rotation.minYearsAtSchool);
  const figures: YearsFigures = { since: continuity.since, years: continuity.years, required: rotation.minYearsAtSchool, reachedOn };

  const reasons: RotationReason[] = [];
  if (!teacher.onQuota) reasons.push('NOT_ON_QUOTA');
  if (continuity.schoolId === null) reasons.push('NOT_AT_SCHOOL');
  else if (reachedOn === null || reachedOn > referenceDate) reasons.push('TOO_FEW_YEARS');

  const age = fullYearsBetween(teacher.birthDate, referenceDate);
  const exemptions: ExemptionGround[] = [];
  if (age >= rotation.exemptAge) {
    exemptions.push({ kind: 'AGE', age, exemptAge: rotation.exemptAge, message: ageExemptionMessage(referenceDate, age, rotation.exemptAge) });
  }
  for (const e of teacher.exemptions ?? []) {
    if (!coversDay({ startDate: e.validFrom, endDate: e.validTo }, referenceDate)) continue;
    exemptions.push({
      kind: 'RECORDED',
      reason: e.reason,
      validFrom: e.validFrom,
      validTo: e.validTo,
      message: recordedExemptionMessage(e.reason, e.validFrom, e.validTo),
    });
  }

  const status: RotationStatus = reasons.length > 0 ? 'NOT_ELIGIBLE' : exemptions.length > 0 ? 'EXEMPT' : 'ELIGIBLE';
  // A plain object with a plain sentence: the strings cost less than a lazy accessor for each of a county's teachers.
  const summary: Label =
    status === 'NOT_ELIGIBLE'
      ? reasons.length === 1
        ? reasonMessage(reasons[0], referenceDate, figures)
        : joined(reasons.map((reason) => reasonMessage(reason, referenceDate, figures)))
      : status === 'EXEMPT'
        ? exemptMessage(
            referenceDate,
            figures,
            exemptions.map((e) => e.message),
          )
        : dueMessage(referenceDate, figures);

  return {
    teacherId: teacher.teacherId,
    status,
    eligible: status === 'ELIGIBLE',
    referenceDate,
    schoolId: continuity.schoolId,
    post: teacher.post,
    backbone: teacher.backbone,
    countsAsBackbone: isRotationBackbone(teacher.backbone, policy),
    yearsAtSchool: {
      since: continuity.since,
      fullYears: continuity.fullYears,
      years: continuity.years,
      required: rotation.minYearsAtSchool,
      reachedOn,
      before: continuity.before,
    },
    age,
    reasons,
    exemptions,
    summary,
    parameters: parametersOf(rotation),
  };
}

/** The parameters an answer names, one object per policy (shared by every teacher judged under it). */
const PARAMETERS = new WeakMap<RotationPolicy['rotation'], RotationEligibility['parameters']>();
function parametersOf(rotation: RotationPolicy['rotation']): RotationEligibility['parameters'] {
  let parameters = PARAMETERS.get(rotation);
  if (!parameters) {
    parameters = Object.freeze({
      minYearsAtSchool: rotation.minYearsAtSchool,
      referenceMonthDay: rotation.referenceMonthDay,
      exemptAge: rotation.exemptAge,
      backboneMinLevel: rotation.backboneMinLevel,
    });
    PARAMETERS.set(rotation, parameters);
  }
  return parameters;
}

/** A backbone teacher for the rotation targets: level at least `rotation.backboneMinLevel` (县级骨干 and above by default). */
export function isRotationBackbone(level: BackboneLevel, policy: RotationPolicy): boolean {
  return atLeast(BACKBONE_LEVELS, level, policy.rotation.backboneMinLevel);
}

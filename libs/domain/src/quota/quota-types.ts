import type { Label } from '../labels/code-labels';
import type { PolicyParameters } from '../policy/policy.schema';
import type { GradeBand, Location, Stage } from '../reference/codes';

/**
 * Staffing quotas (docs/rules.md, "Staffing quotas"), plan item 7: the standard quota of a school from its
 * enrolment, the county pool its allocations come from, and the vacancy of a school on a day.
 */
export type QuotaPolicy = PolicyParameters['quota'];

/** Which rule produced a part of a standard quota. */
export const QUOTA_RULES = ['STUDENT_RATIO', 'CLASS_RATIO', 'ROUNDING', 'BOARDING'] as const;
export type QuotaRule = (typeof QUOTA_RULES)[number];

/** Why a school counts as small (the class ratio applies): its stage (a teaching point), or rural with few pupils. */
export const SMALL_SCHOOL_REASONS = ['STAGE', 'LOCATION'] as const;
export type SmallSchoolReason = (typeof SMALL_SCHOOL_REASONS)[number];

/** A school against its allocated quota on a day. */
export const STAFFING_STATUSES = ['UNDER', 'AT_QUOTA', 'OVER', 'UNALLOCATED'] as const;
export type StaffingStatus = (typeof STAFFING_STATUSES)[number];

/** Pupils and classes of one grade band (grades 1–6, 7–9, 10–12). */
export interface BandEnrolment {
  readonly students: number;
  readonly classes: number;
}

/** What the standard quota of a school is computed from, on a day. */
export interface QuotaSchoolFacts {
  readonly stage: Stage;
  /** Location in force on the day; null when the school is not classified yet (then it is not small by location). */
  readonly location: Location | null;
  /** The enrolment used (the school year containing the day, else the latest before it); null when none is recorded. */
  readonly enrolment: {
    readonly schoolYear: number;
    readonly boarders: number;
    readonly bands: { readonly [band in GradeBand]: BandEnrolment };
  } | null;
}

/**
 * One part of a standard quota: the rule, the numbers it read, and the posts it contributes (`staff`, to the
 * thousandth). The parts of a quota add up exactly to it. Fields a rule does not use are null.
 */
export interface QuotaPart {
  readonly rule: QuotaRule;
  /** The band of a STUDENT_RATIO or CLASS_RATIO part; null for ROUNDING and BOARDING. */
  readonly band: GradeBand | null;
  readonly students: number | null;
  readonly studentsPerStaff: number | null;
  readonly classes: number | null;
  readonly teachersPerClass: number | null;
  readonly boarders: number | null;
  readonly boardersPerStaff: number | null;
  /** Posts this part contributes; rounded so that the parts add up to the quota (each within 0.001 of its value). */
  readonly staff: number;
  /** The part as a sentence with its numbers, e.g. 小学学段：学生 190 人 ÷ 生师比 19 = 10. */
  readonly summary: Label;
}

/** How the small-school rule (班师比) was judged for a school. */
export interface SmallSchoolJudgement {
  readonly reason: SmallSchoolReason;
  /** Pupils counted against `maxStudents` (all grades). */
  readonly students: number;
  readonly maxStudents: number;
  /** ceil(Σ students in band ÷ studentsPerStaff of band). */
  readonly studentRatioQuota: number;
  /** ceil(Σ classes in band × teachersPerClass of band), a band without a class ratio (senior) by its student ratio. */
  readonly classRatioQuota: number;
  /** The rule that gave the larger figure (the student ratio on a tie). */
  readonly applied: 'STUDENT_RATIO' | 'CLASS_RATIO';
}

export interface StandardQuota {
  /** Whole posts. */
  readonly quota: number;
  /** The school year whose enrolment was read. */
  readonly schoolYear: number;
  readonly students: number;
  readonly boarders: number;
  /** The parts of `quota`, in the order: the bands (primary, junior, senior), rounding up, boarding. */
  readonly breakdown: readonly QuotaPart[];
  /** The small-school rule, when the school is small; null otherwise. */
  readonly smallSchool: SmallSchoolJudgement | null;
}

import type { Location, PsychologyRole, Stage, Subject } from '../reference/codes';

/**
 * Shortage flags (docs/rules.md, "Shortages"): where a school falls short of the teachers its
 * curriculum and the psychology and PE/arts standards need, as found by a scan on a day.
 */
export const SHORTAGE_KINDS = ['SUBJECT_GAP', 'ZERO_COVERAGE', 'PSY_FULLTIME_MISSING', 'PSY_PARTTIME_SHORT', 'PE_ARTS_RATIO_LOW'] as const;
export type ShortageKind = (typeof SHORTAGE_KINDS)[number];

/** Ordered from least to most severe. */
export const SHORTAGE_SEVERITIES = ['MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type ShortageSeverity = (typeof SHORTAGE_SEVERITIES)[number];

export const FLAG_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const SCAN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** A teacher posted at the school on the scan day, with what they teach. */
export interface ShortageStaffMember {
  readonly teacherId: string;
  readonly name: string;
  /** The sum of the teacher's posting fractions at this school on the day, in thousandths (1000 = full time). */
  readonly fractionMilli: number;
  /** Main subject: it takes the part of the week the extra subjects leave. */
  readonly subject: Subject;
  /** Extra subjects (一专多能) with their share of the week, in thousandths. */
  readonly extraSubjects: readonly { readonly subject: Subject; readonly fractionMilli: number }[];
  readonly psychology: PsychologyRole;
}

/** What a scan reads about one school for one day. */
export interface ShortageSchoolFacts {
  readonly schoolId: string;
  readonly stage: Stage;
  /** Classification in force on the day (null when not classified yet). */
  readonly location: Location | null;
  readonly townshipCentral: boolean;
  /** Enrolment of the school year used: the one containing the day, else the latest before it; null when none is recorded. */
  readonly enrolment: {
    readonly schoolYear: number;
    readonly grades: readonly { readonly grade: number; readonly students: number; readonly classes: number }[];
  } | null;
  readonly staff: readonly ShortageStaffMember[];
}

/** Why a flag has its figures: what makes up the required FTE, who makes up the actual FTE, and the policy numbers used. */
export interface ShortageExplanation {
  readonly policyVersion: string;
  /** The rule that produced the flag, in Chinese and English, with its numbers (e.g. 体育与健康：需 1.25 个专任教师当量，现有 0.3（缺 0.95）). */
  readonly summary: { readonly zh: string; readonly en: string };
  readonly required: {
    readonly fte: number;
    /** The school year whose enrolment was used; null when the requirement does not depend on it. */
    readonly schoolYear: number | null;
    /**
     * For curriculum gaps: each grade's classes × weekly periods ÷ standard load of its band, rounded so that the
     * lines add up exactly to `fte` (each within 0.001 of its own value). Empty otherwise.
     */
    readonly grades: readonly {
      readonly grade: number;
      readonly band: 'primary' | 'junior' | 'senior';
      readonly classes: number;
      readonly weeklyPeriods: number;
      readonly standardLoad: number;
      readonly fte: number;
    }[];
    /** Students counted (psychology per-student and PE/arts ratio rules). */
    readonly students: number | null;
  };
  readonly actual: {
    readonly fte: number;
    /**
     * Each teacher counted: posting fraction at the school × share of the week given to the subject(s) (share 1 for
     * the psychology standards, which count psychology teachers by their posting fraction), rounded so that the lines
     * add up exactly to `fte` (each within 0.001 of its own value).
     */
    readonly teachers: readonly {
      readonly teacherId: string;
      readonly name: string;
      readonly postingFraction: number;
      readonly share: number;
      readonly fte: number;
    }[];
  };
  /**
   * The policy parameters the rule read, by their path in the policy's `shortage` section (e.g. gapThreshold,
   * highSeverityGap, standardLoad.junior, psychology.studentsPerTeacher, peArts.minPer100Students).
   */
  readonly parameters: Readonly<Record<string, number | string | boolean | readonly string[]>>;
}

/** A shortage a scan finds at a school. One per (kind, subject) at most. */
export interface FoundShortage {
  readonly kind: ShortageKind;
  /** The subject short of teachers; null for the PE + music + fine arts ratio (several subjects at once). */
  readonly subject: Subject | null;
  readonly severity: ShortageSeverity;
  readonly requiredFte: number;
  readonly actualFte: number;
  /** requiredFte − actualFte, as shown (the difference of the two rounded figures). */
  readonly gap: number;
  readonly explanation: ShortageExplanation;
}

/** A flag as stored, as far as deciding what a new scan changes needs it. */
export interface StoredFlag {
  readonly id: string;
  readonly kind: ShortageKind;
  readonly subject: Subject | null;
  readonly status: FlagStatus;
  readonly severity: ShortageSeverity;
  readonly requiredFte: number;
  readonly actualFte: number;
  readonly gap: number;
}

/** What a scan of one school changes in its flags. */
export interface FlagChanges {
  /** Found with no flag yet: a new OPEN flag. */
  readonly open: readonly FoundShortage[];
  /** Found again after being resolved: the same flag OPEN again. */
  readonly reopen: readonly { readonly flag: StoredFlag; readonly found: FoundShortage }[];
  /** Found while OPEN, with other figures or severity. */
  readonly update: readonly { readonly flag: StoredFlag; readonly found: FoundShortage }[];
  /** Found while OPEN with the same figures: only seen again. */
  readonly unchanged: readonly { readonly flag: StoredFlag; readonly found: FoundShortage }[];
  /** OPEN but no longer found: RESOLVED. */
  readonly resolve: readonly StoredFlag[];
}

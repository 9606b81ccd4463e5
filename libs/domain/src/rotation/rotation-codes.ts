import type { PostingKind } from '../reference/codes';

/**
 * Code lists of rotation (docs/rules.md, "Rotation: plans"). Each has its labels in CODE_LABELS; the
 * compiler asks for them when a code is added here.
 */

/**
 * How a teacher rotates (2014 意见 and plan item 9): within a school district (学区), within an
 * education group (集团), between town and country (城乡), as a team (团队式交流), as a shared
 * teacher of a subject in short supply (走教, part-time) or, for a new teacher, shadowing at a
 * strong school (跟岗).
 */
export const ROTATION_MODES = ['DISTRICT', 'GROUP', 'URBAN_RURAL', 'TEAM', 'SHARED', 'SHADOWING'] as const;
export type RotationMode = (typeof ROTATION_MODES)[number];

/**
 * The posting an assignment writes when its plan is activated: 交流轮岗 `ROTATION` for the
 * rotations within a district, a group or as a team; 支教 `SUPPORT` for town–country rotation;
 * 走教 `SHARED` and 跟岗 `SHADOWING` for their own modes.
 */
export const POSTING_KIND_OF_MODE: { readonly [mode in RotationMode]: PostingKind } = {
  DISTRICT: 'ROTATION',
  GROUP: 'ROTATION',
  URBAN_RURAL: 'SUPPORT',
  TEAM: 'ROTATION',
  SHARED: 'SHARED',
  SHADOWING: 'SHADOWING',
};

/** Modes whose assignments count toward the annual targets: every one but shadowing, which is a new teacher's apprenticeship. */
export const TARGET_COUNTED_MODES: readonly RotationMode[] = ['DISTRICT', 'GROUP', 'URBAN_RURAL', 'TEAM', 'SHARED'];

/** A county's rotation plan for a year, in the order of its life (docs/rules.md, "Rotation: plans"). */
export const ROTATION_PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
export type RotationPlanStatus = (typeof ROTATION_PLAN_STATUSES)[number];

/** What can be done to a plan as a whole. */
export const ROTATION_PLAN_ACTIONS = ['SUBMIT', 'APPROVE', 'ACTIVATE', 'COMPLETE', 'CANCEL'] as const;
export type RotationPlanAction = (typeof ROTATION_PLAN_ACTIONS)[number];

/**
 * What a plan's review warns of, never blocking (docs/rules.md, "Rotation: plan review"): the sending school loses
 * its last teacher of a subject its curriculum needs; the receiving school has no open need for the teacher's subjects.
 */
export const PLAN_WARNING_CODES = ['SENDING_SCHOOL_LOSES_LAST_TEACHER', 'RECEIVING_SCHOOL_NO_NEED'] as const;
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

/** A teacher's standing for the plan year: must rotate, exempt from rotating, or not (yet) concerned. */
export const ROTATION_STATUSES = ['ELIGIBLE', 'EXEMPT', 'NOT_ELIGIBLE'] as const;
export type RotationStatus = (typeof ROTATION_STATUSES)[number];

/** Why a teacher is not eligible for rotation on the reference day. */
export const ROTATION_REASONS = ['NOT_ON_QUOTA', 'NOT_AT_SCHOOL', 'TOO_FEW_YEARS'] as const;
export type RotationReason = (typeof ROTATION_REASONS)[number];

/** Why an eligible teacher is exempt: their age, or an exemption recorded by an officer (illness, pregnancy, …). */
export const EXEMPTION_KINDS = ['AGE', 'RECORDED'] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

/**
 * Why an officer recorded an exemption (docs/rules.md, "Rotation: eligibility"): serious illness, pregnancy
 * and nursing, a family hardship (caring for a sick relative), the school's need of the teacher in
 * post (a post no one else can fill this year), or another reason given in the note.
 */
export const EXEMPTION_REASONS = ['ILLNESS', 'PREGNANCY', 'FAMILY_HARDSHIP', 'POST_NEEDS', 'OTHER'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

/** Where the annual targets apply: each school at a target location, and the county as a whole. */
export const TARGET_SCOPES = ['SCHOOL', 'COUNTY'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/** What the backbone share is taken of: the teachers rotating, or the teachers eligible. */
export const BACKBONE_DENOMINATORS = ['ROTATING', 'ELIGIBLE'] as const;
export type BackboneDenominator = (typeof BACKBONE_DENOMINATORS)[number];

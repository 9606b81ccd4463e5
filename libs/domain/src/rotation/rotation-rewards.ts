import type { Location } from '../reference/codes';
import type { RotationCandidates } from './rotation-candidates';
import type { RotationMode, RotationPlanStatus } from './rotation-codes';
import { TARGET_COUNTED_MODES } from './rotation-codes';
import { isRotationBackbone, RotationPolicy } from './rotation-eligibility';
import { CountedAssignment, EligibleTeacher, planCompliance, PlanCompliance, RotationSchool, ScopeCompliance } from './rotation-targets';

/**
 * The rotation rewards of a county's plan year (docs/rules.md, "Rotation: rewards"; plan item 9,
 * 对培养、输送优秀骨干教师的学校给予奖励支持): per school, the teachers it sent and received through the county's
 * plans of the year that were approved (APPROVED, ACTIVE or COMPLETED — never a draft, a submitted or a cancelled
 * plan), its backbone teachers sent (level ≥ `rotation.backboneMinLevel`, as the assignment recorded it), its
 * targets and whether they are met (planCompliance over the candidates of the year), and the schools ranked by
 * backbone teachers sent, then teachers sent, then school code. Shadowing (跟岗) is counted apart and in no
 * figure the targets or the ranking read, as the targets do (TARGET_COUNTED_MODES).
 */

/** The statuses of a plan whose assignments the rewards count: approved, whether or not activated yet. */
export const REWARDED_PLAN_STATUSES: readonly RotationPlanStatus[] = ['APPROVED', 'ACTIVE', 'COMPLETED'];

/** An assignment as the rewards read it, with the status of its plan. */
export interface RewardAssignment extends CountedAssignment {
  readonly planStatus: RotationPlanStatus;
  readonly fromSchoolId: string;
  readonly toSchoolId: string;
}

/** A school of the county with its code (the last key of the ranking) and its location on the reference day. */
export interface RewardSchool extends RotationSchool {
  readonly code: string;
}

/** What a school sent and received, counted as the targets count. */
export interface RewardFigures {
  /** Teachers sent in a mode the targets count (every one but shadowing). */
  readonly sent: number;
  /** Of them, backbone teachers (level ≥ `rotation.backboneMinLevel` as the assignment recorded it). */
  readonly backboneSent: number;
  /** Of them, shared (走教, `SHARED`) part of the week. */
  readonly sharedSent: number;
  /** New teachers sent to shadow (跟岗): counted apart, in neither `sent` nor the ranking. */
  readonly shadowingSent: number;
  /** Teachers received in a mode the targets count. */
  readonly received: number;
  /** New teachers received to shadow, counted apart. */
  readonly shadowingReceived: number;
}

/** A scope's targets and how the year's approved plans meet them (planCompliance's figures). */
export interface RewardTargets {
  readonly applies: boolean;
  readonly eligibleCount: number;
  readonly minRotating: number;
  readonly minBackbone: number;
  /** Eligible teachers of the scope rotating in a counted mode. */
  readonly rotatingCount: number;
  readonly backboneRotating: number;
  readonly rotatingMet: boolean;
  readonly backboneMet: boolean;
  readonly meetsTargets: boolean;
}

export interface SchoolReward extends RewardFigures {
  readonly schoolId: string;
  readonly code: string;
  readonly location: Location | null;
  /** Null for a school with no targets of its own (location not in `rotation.schoolTargetLocations`). */
  readonly targets: RewardTargets | null;
  /** 1, 2, … among the schools that sent at least one teacher (counted modes); null for the others. */
  readonly rank: number | null;
}

export interface RewardTotals extends RewardFigures {
  readonly schools: number;
  /** Schools that sent at least one teacher (the ranked ones). */
  readonly ranked: number;
  /** Schools with targets of their own, and how many of them meet them. */
  readonly schoolsWithTargets: number;
  readonly schoolsMeetingTargets: number;
  /** The county's targets. */
  readonly targets: RewardTargets;
  /** Every applying scope meets its targets. */
  readonly meetsTargets: boolean;
}

export interface RotationRewards {
  /** The ranked schools by rank, then the others by code. */
  readonly schools: readonly SchoolReward[];
  readonly totals: RewardTotals;
  /** Assignments counted (those of approved, active and completed plans), and those of other plans left out. */
  readonly assignmentsCounted: number;
  readonly assignmentsLeftOut: number;
  readonly compliance: PlanCompliance;
}

const NO_FIGURES: RewardFigures = { sent: 0, backboneSent: 0, sharedSent: 0, shadowingSent: 0, received: 0, shadowingReceived: 0 };

/** True when an assignment of that mode counts toward the targets (and so in `sent`, `received` and the ranking). */
function counts(mode: RotationMode): boolean {
  return TARGET_COUNTED_MODES.includes(mode);
}

function targetsOf(scope: ScopeCompliance): RewardTargets {
  return {
    applies: scope.applies,
    eligibleCount: scope.eligibleCount,
    minRotating: scope.minRotating,
    minBackbone: scope.minBackbone,
    rotatingCount: scope.rotatingCount,
    backboneRotating: scope.backboneRotating,
    rotatingMet: scope.rotatingMet,
    backboneMet: scope.backboneMet,
    meetsTargets: scope.meetsTargets,
  };
}

/** The figures of each school, from the assignments of rewarded plans (a teacher counted once, their first assignment). */
export function rewardFigures(assignments: readonly RewardAssignment[], policy: RotationPolicy): Map<string, RewardFigures> {
  const figures = new Map<string, RewardFigures>();
  const add = (schoolId: string, change: Partial<RewardFigures>) => {
    const before = figures.get(schoolId) ?? NO_FIGURES;
    const after = { ...before };
    for (const [key, value] of Object.entries(change) as [keyof RewardFigures, number][]) after[key] = before[key] + value;
    figures.set(schoolId, after);
  };
  const seen = new Set<string>();
  for (const a of assignments) {
    if (!REWARDED_PLAN_STATUSES.includes(a.planStatus) || seen.has(a.teacherId)) continue;
    seen.add(a.teacherId);
    if (!counts(a.mode)) {
      add(a.fromSchoolId, { shadowingSent: 1 });
      add(a.toSchoolId, { shadowingReceived: 1 });
      continue;
    }
    add(a.fromSchoolId, {
      sent: 1,
      backboneSent: isRotationBackbone(a.backbone, policy) ? 1 : 0,
      sharedSent: a.mode === 'SHARED' ? 1 : 0,
    });
    add(a.toSchoolId, { received: 1 });
  }
  return figures;
}

/** The order of the reward (plan item 9): more backbone teachers sent first, then more teachers sent, then the school code. */
export function compareRewards(
  a: Pick<SchoolReward, 'backboneSent' | 'sent' | 'code'>,
  b: Pick<SchoolReward, 'backboneSent' | 'sent' | 'code'>,
): number {
  return b.backboneSent - a.backboneSent || b.sent - a.sent || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The rewards of a plan year: `assignments` are the county's assignments in its plans of the year (of any status:
 * only those of APPROVED, ACTIVE and COMPLETED plans are counted), `candidates` the year's candidates
 * (rotationCandidates), `schools` the county's schools.
 */
export function rotationRewards(
  assignments: readonly RewardAssignment[],
  candidates: Pick<RotationCandidates, 'eligible'>,
  schools: readonly RewardSchool[],
  policy: RotationPolicy,
): RotationRewards {
  const rewarded = assignments.filter((a) => REWARDED_PLAN_STATUSES.includes(a.planStatus));
  const eligible: EligibleTeacher[] = candidates.eligible.map((c) => ({
    teacherId: c.teacherId,
    schoolId: c.schoolId as string,
    backbone: c.backbone,
  }));
  const compliance = planCompliance(rewarded, eligible, schools, policy);
  const targetsOfSchool = new Map(compliance.schools.map((s) => [s.schoolId, targetsOf(s)]));
  const figures = rewardFigures(rewarded, policy);

  const unranked = schools.map((school) => ({
    schoolId: school.schoolId,
    code: school.code,
    location: school.location,
    ...(figures.get(school.schoolId) ?? NO_FIGURES),
    targets: targetsOfSchool.get(school.schoolId) ?? null,
  }));
  const ranked = unranked
    .filter((s) => s.sent > 0)
    .sort(compareRewards)
    .map((s, i): SchoolReward => ({ ...s, rank: i + 1 }));
  const others = unranked
    .filter((s) => s.sent === 0)
    .sort(compareRewards) // all at 0 sent: by code
    .map((s): SchoolReward => ({ ...s, rank: null }));
  const rows = [...ranked, ...others];

  const sum = (key: keyof RewardFigures) => rows.reduce((total, row) => total + row[key], 0);
  const withTargets = rows.filter((r) => r.targets !== null);
  return {
    schools: rows,
    totals: {
      schools: rows.length,
      ranked: ranked.length,
      sent: sum('sent'),
      backboneSent: sum('backboneSent'),
      sharedSent: sum('sharedSent'),
      shadowingSent: sum('shadowingSent'),
      received: sum('received'),
      shadowingReceived: sum('shadowingReceived'),
      schoolsWithTargets: withTargets.length,
      schoolsMeetingTargets: withTargets.filter((r) => r.targets?.meetsTargets).length,
      targets: targetsOf(compliance.county),
      meetsTargets: compliance.meetsTargets,
    },
    assignmentsCounted: rewarded.length,
    assignmentsLeftOut: assignments.length - rewarded.length,
    compliance,
  };
}

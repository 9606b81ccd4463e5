import { groupBy } from '../collections/group-by';
import type { Label } from '../labels/code-labels';
import type { BackboneLevel, Location } from '../reference/codes';
import { ceiling, exactOf, multiply } from '../shortage/exact-figures';
import type { BackboneDenominator, RotationMode, TargetScope } from './rotation-codes';
import { TARGET_COUNTED_MODES } from './rotation-codes';
import { isRotationBackbone, RotationPolicy } from './rotation-eligibility';
import { targetsMessage } from './rotation-messages';

/**
 * The annual rotation targets and a plan's compliance with them (docs/rules.md, "Rotation: targets";
 * 2014 意见: 城镇学校、优质学校每学年教师交流轮岗的比例一般应不低于符合交流条件教师总数的10%，
 * 其中骨干教师交流轮岗应不低于交流总数的20%):
 *
 * - rotating ≥ ⌈`rotation.minRotatingShare` × eligible⌉;
 * - backbone teachers rotating (level ≥ `rotation.backboneMinLevel`) ≥
 *   ⌈`rotation.minBackboneShare` × denominator⌉, the denominator being, per
 *   `rotation.backboneDenominator`, the teachers rotating (`ROTATING`: the plan's count, or the
 *   minimum when there is no plan yet) or the teachers eligible (`ELIGIBLE`);
 * - in each scope of `rotation.targetScopes`: each school whose location on the reference day is
 *   in `rotation.schoolTargetLocations` (`SCHOOL`), and the county as a whole (`COUNTY`).
 *
 * Shares are read as the decimals they are written as and multiplied exactly, so ⌈7 % × 100⌉ is 7
 * (in floating point 0.07 × 100 is 7.000000000000001, whose ceiling is 8).
 */

export interface RotationTargets {
  readonly eligibleCount: number;
  readonly minRotating: number;
  /** What the backbone share is taken of, and how many that is. */
  readonly backboneDenominator: { readonly kind: BackboneDenominator; readonly count: number };
  readonly minBackbone: number;
}

/** ⌈share × count⌉, exactly. */
export function ceilShare(share: number, count: number): number {
  return Number(ceiling(multiply(exactOf(share), exactOf(count))).n);
}

/**
 * The targets for `eligibleCount` eligible teachers. `rotatingCount` is the plan's count of
 * teachers rotating (the base of the backbone target under `ROTATING`); without a plan the
 * minimum rotating is used.
 */
export function rotationTargets(eligibleCount: number, policy: RotationPolicy, rotatingCount?: number): RotationTargets {
  const rotation = policy.rotation;
  const minRotating = ceilShare(rotation.minRotatingShare, eligibleCount);
  const count = rotation.backboneDenominator === 'ELIGIBLE' ? eligibleCount : (rotatingCount ?? minRotating);
  return {
    eligibleCount,
    minRotating,
    backboneDenominator: { kind: rotation.backboneDenominator, count },
    minBackbone: ceilShare(rotation.minBackboneShare, count),
  };
}

/** A school as the targets see it: its location on the reference day (null when not classified). */
export interface RotationSchool {
  readonly schoolId: string;
  readonly location: Location | null;
}

/** True when the school has targets of its own: its location is one of `rotation.schoolTargetLocations`. */
export function hasSchoolTargets(school: RotationSchool, policy: RotationPolicy): boolean {
  return school.location !== null && policy.rotation.schoolTargetLocations.includes(school.location);
}

/** An eligible teacher (see rotationEligibility) as the targets count them. */
export interface EligibleTeacher {
  readonly teacherId: string;
  readonly schoolId: string;
  readonly backbone: BackboneLevel;
}

/**
 * An assignment of a plan as the targets count it (an assignment row with more fields will do). It counts for the
 * school the teacher has on the eligible list, which is the school the assignment leaves from.
 */
export interface CountedAssignment {
  readonly teacherId: string;
  readonly backbone: BackboneLevel;
  readonly mode: RotationMode;
}

export interface ScopeCompliance extends RotationTargets {
  /** True when the policy's `targetScopes` holds this scope: only then does it decide `meetsTargets` of the plan. */
  readonly applies: boolean;
  /** Eligible teachers of the scope with a counted assignment in the plan. */
  readonly rotatingCount: number;
  /** Of them, backbone teachers (level ≥ `rotation.backboneMinLevel`). */
  readonly backboneRotating: number;
  readonly rotatingMet: boolean;
  readonly backboneMet: boolean;
  readonly meetsTargets: boolean;
  readonly summary: Label;
}

export interface SchoolCompliance extends ScopeCompliance {
  readonly schoolId: string;
  readonly location: Location | null;
}

/** Why an assignment of the plan does not count toward the targets. */
export type UncountedReason = 'NOT_ELIGIBLE' | 'MODE_NOT_COUNTED';

export interface PlanCompliance {
  readonly county: ScopeCompliance;
  /** Each school with targets of its own (location in `rotation.schoolTargetLocations`), in the order given. */
  readonly schools: readonly SchoolCompliance[];
  /** Every applying scope meets its targets. */
  readonly meetsTargets: boolean;
  /** Assignments that count toward no target: the teacher is not eligible (or exempt) this year, or the mode (shadowing) does not count. */
  readonly uncounted: readonly { readonly teacherId: string; readonly reason: UncountedReason }[];
  readonly parameters: {
    readonly minRotatingShare: number;
    readonly minBackboneShare: number;
    readonly backboneMinLevel: BackboneLevel;
    readonly backboneDenominator: BackboneDenominator;
    readonly targetScopes: readonly TargetScope[];
    readonly schoolTargetLocations: readonly Location[];
  };
}

/**
 * A plan's figures against the targets, for the county and each school with targets of its own.
 * An assignment counts for the scope of its teacher's school on the eligible list (the school
 * the teacher is due to rotate from) when the teacher is eligible and its mode counts
 * (TARGET_COUNTED_MODES); a backbone teacher by the assignment's backbone level.
 */
export function planCompliance(
  assignments: readonly CountedAssignment[],
  eligible: readonly EligibleTeacher[],
  schools: readonly RotationSchool[],
  policy: RotationPolicy,
): PlanCompliance {
  const rotation = policy.rotation;
  const eligibleById = new Map(eligible.map((t) => [t.teacherId, t]));
  const uncounted: { teacherId: string; reason: UncountedReason }[] = [];
  const counted: { schoolId: string; backbone: boolean }[] = [];
  const seen = new Set<string>();
  for (const a of assignments) {
    if (seen.has(a.teacherId)) continue; // one assignment per teacher per plan: a second one is never counted twice
    seen.add(a.teacherId);
    const teacher = eligibleById.get(a.teacherId);
    if (!teacher) uncounted.push({ teacherId: a.teacherId, reason: 'NOT_ELIGIBLE' });
    else if (!TARGET_COUNTED_MODES.includes(a.mode)) uncounted.push({ teacherId: a.teacherId, reason: 'MODE_NOT_COUNTED' });
    else counted.push({ schoolId: teacher.schoolId, backbone: isRotationBackbone(a.backbone, policy) });
  }

  const scope = (applies: boolean, eligibleCount: number, rotating: readonly { backbone: boolean }[]): ScopeCompliance => {
    const rotatingCount = rotating.length;
    const backboneRotating = rotating.filter((r) => r.backbone).length;
    const targets = rotationTargets(eligibleCount, policy, rotatingCount);
    const rotatingMet = rotatingCount >= targets.minRotating;
    const backboneMet = backboneRotating >= targets.minBackbone;
    return {
      ...targets,
      applies,
      rotatingCount,
      backboneRotating,
      rotatingMet,
      backboneMet,
      meetsTargets: rotatingMet && backboneMet,
      summary: targetsMessage(targets, rotation, { rotating: rotatingCount, backbone: backboneRotating }),
    };
  };

  const county = scope(rotation.targetScopes.includes('COUNTY'), eligible.length, counted);
  const schoolsApply = rotation.targetScopes.includes('SCHOOL');
  const eligibleBySchool = groupBy(eligible, (t) => t.schoolId);
  const countedBySchool = groupBy(counted, (c) => c.schoolId);
  const perSchool = schools
    .filter((school) => hasSchoolTargets(school, policy))
    .map((school): SchoolCompliance => ({
      schoolId: school.schoolId,
      location: school.location,
      ...scope(schoolsApply, eligibleBySchool.get(school.schoolId)?.length ?? 0, countedBySchool.get(school.schoolId) ?? []),
    }));
  const applying = [county, ...perSchool].filter((s) => s.applies);
  return {
    county,
    schools: perSchool,
    meetsTargets: applying.every((s) => s.meetsTargets),
    uncounted,
    parameters: {
      minRotatingShare: rotation.minRotatingShare,
      minBackboneShare: rotation.minBackboneShare,
      backboneMinLevel: rotation.backboneMinLevel,
      backboneDenominator: rotation.backboneDenominator,
      targetScopes: rotation.targetScopes,
      schoolTargetLocations: rotation.schoolTargetLocations,
    },
  };
}

import { groupBy } from '../collections/group-by';
import type { Label } from '../labels/code-labels';
import type { Location } from '../reference/codes';
import { RotationEligibility, rotationEligibilityOn, RotationPolicy, rotationReferenceDate, RotationTeacherFacts } from './rotation-eligibility';
import { targetsMessage } from './rotation-messages';
import { hasSchoolTargets, RotationSchool, rotationTargets, RotationTargets } from './rotation-targets';

/**
 * A county's rotation candidates for a plan year (docs/rules.md, "Rotation: eligibility" and
 * "Rotation: targets"): who must rotate, who is exempt, and the targets before any plan (the
 * backbone target under `ROTATING` is taken of the minimum rotating).
 */

export interface ScopeTargets extends RotationTargets {
  /** True when the policy's `targetScopes` holds this scope. */
  readonly applies: boolean;
  readonly summary: Label;
}

export interface SchoolTargets extends ScopeTargets {
  readonly schoolId: string;
  readonly location: Location | null;
}

export interface RotationCandidates {
  readonly year: number;
  readonly referenceDate: string;
  /** Teachers due to rotate, in the order given. */
  readonly eligible: readonly RotationEligibility[];
  /** Teachers who would be due but are exempt (age, recorded exemption). */
  readonly exempt: readonly RotationEligibility[];
  /** How many teachers were judged and found not (yet) concerned. */
  readonly notEligibleCount: number;
  readonly targets: { readonly county: ScopeTargets; readonly schools: readonly SchoolTargets[] };
}

/** Every teacher of a county judged for plan year `year`, and the county's and the schools' targets. */
export function rotationCandidates(
  teachers: readonly RotationTeacherFacts[],
  schools: readonly RotationSchool[],
  year: number,
  policy: RotationPolicy,
): RotationCandidates {
  const referenceDate = rotationReferenceDate(year, policy);
  const answers = teachers.map((teacher) => rotationEligibilityOn(teacher, referenceDate, policy));
  const eligible = answers.filter((a) => a.status === 'ELIGIBLE');
  const exempt = answers.filter((a) => a.status === 'EXEMPT');
  const scope = (applies: boolean, eligibleCount: number): ScopeTargets => {
    const targets = rotationTargets(eligibleCount, policy);
    return { ...targets, applies, summary: targetsMessage(targets, policy.rotation) };
  };
  const bySchool = groupBy(eligible, (a) => a.schoolId);
  const schoolsApply = policy.rotation.targetScopes.includes('SCHOOL');
  return {
    year,
    referenceDate,
    eligible,
    exempt,
    notEligibleCount: answers.length - eligible.length - exempt.length,
    targets: {
      county: scope(policy.rotation.targetScopes.includes('COUNTY'), eligible.length),
      schools: schools
        .filter((school) => hasSchoolTargets(school, policy))
        .map((school) => ({
          schoolId: school.schoolId,
          location: school.location,
          ...scope(schoolsApply, bySchool.get(school.schoolId)?.length ?? 0),
        })),
    },
  };
}

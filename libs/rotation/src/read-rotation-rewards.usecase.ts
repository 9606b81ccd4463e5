import { Injectable } from '@nestjs/common';
import { ReferenceRepository, RotationRewardsRepository } from '@app/database';
import { Actor, NotFoundError, OFFICERS, requireRole, REWARDED_PLAN_STATUSES, rotationRewards, scopeOf } from '@app/domain';
import { CountyRotationYearReader } from './county-rotation-year';
import type { RotationRewardsView } from './rotation-rewards-view';

/**
 * A county's rotation rewards report for a plan year (docs/rules.md, "Rotation: rewards"): what each school sent and
 * received through the county's approved, active and completed plans of the year, its targets met or not, and the
 * schools ranked by backbone teachers cultivated and sent. Without a year, the plan year whose reference day is today or
 * next; the policy is the one in force on the year's reference day. Set-based: the county's teachers, postings,
 * exemptions, schools and the year's assignments are read in one statement each, whatever the county's size, and
 * judged by the pure rules (rotationCandidates, rotationRewards).
 */
@Injectable()
export class ReadRotationRewardsUseCase {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly judged: CountyRotationYearReader,
    private readonly rewards: RotationRewardsRepository,
  ) {}

  async execute(command: { actor: Actor; countyId: string; year?: number }): Promise<RotationRewardsView> {
    requireRole(command.actor, OFFICERS, 'read the rotation rewards report');
    const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);

    const { year, referenceDate, policy, facts, candidates } = await this.judged.read(county.id, command.year);
    const assignments = await this.rewards.assignmentsOfYear(county.id, year, REWARDED_PLAN_STATUSES);
    const schools = facts.schools.map((s) => ({ schoolId: s.id, code: s.code, location: s.location }));
    const answer = rotationRewards(assignments, candidates, schools, policy.parameters);
    const nameOf = new Map(facts.schools.map((s) => [s.id, s.name]));
    const { compliance, totals } = answer;
    return {
      countyId: county.id,
      countyName: county.name,
      year,
      referenceDate,
      policyVersion: policy.version,
      plans: { statuses: [...REWARDED_PLAN_STATUSES], count: new Set(assignments.map((a) => a.planId)).size, assignments: answer.assignmentsCounted },
      parameters: {
        ...compliance.parameters,
        targetScopes: [...compliance.parameters.targetScopes],
        schoolTargetLocations: [...compliance.parameters.schoolTargetLocations],
      },
      totals: { ...totals },
      schools: answer.schools.map((s) => ({ ...s, name: nameOf.get(s.schoolId) ?? '' })),
    };
  }
}

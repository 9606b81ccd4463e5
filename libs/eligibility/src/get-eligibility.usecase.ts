import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository, SchoolRepository, TeacherEntity, TrainingRepository } from '@app/database';
import { Actor, cycleOf, evaluateEligibility, qualifyingIntervalsBySchool, Scope, scopeOf, ServicePosting } from '@app/domain';
import { PolicyInForce, PolicyStore } from '@app/policy';
import { TeacherLookup } from '@app/registry';
import { eligibilityView, EligibilityView } from './eligibility-view';

/**
 * Whether a teacher may apply for a senior title (one year of rural or weak service, five years
 * with the first-level title, training on pace) and has principal-selection priority (three
 * years), as of a day: four indexed queries whatever the length of the career.
 */
@Injectable()
export class GetEligibilityUseCase {
  constructor(
    private readonly teachers: TeacherLookup,
    private readonly postings: PostingRepository,
    private readonly schools: SchoolRepository,
    private readonly training: TrainingRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; teacherId: string; asOf?: string }): Promise<EligibilityView> {
    const scope = scopeOf(command.actor);
    const teacher = await this.teachers.inScope(scope, command.teacherId);
    const asOf = command.asOf ?? this.clock.today();
    const postings = await this.postings.ofTeacher(scope, teacher.id, this.clock.today());
    return this.evaluate(scope, teacher, postings, asOf, await this.policy.inForce(asOf));
  }

  /** The answer for given postings (recorded or hypothetical), with the classifications of their schools. */
  async evaluate(
    scope: Scope,
    teacher: TeacherEntity,
    postings: ServicePosting[],
    asOf: string,
    policy: PolicyInForce,
    extraSchoolIds: string[] = [],
  ): Promise<EligibilityView> {
    const today = this.clock.today();
    const cycle = cycleOf(asOf, policy.parameters.training);
    const [recorded, extra, totals] = await Promise.all([
      this.schools.classificationsForTeacher(scope, teacher.id, today),
      this.schools.classificationsOf(scope, extraSchoolIds),
      this.training.totalsOfTeacher(scope, teacher.id, today, cycle.start, cycle.end),
    ]);
    const answer = evaluateEligibility(
      {
        hireDate: teacher.hireDate,
        title: { level: teacher.titleLevel, since: teacher.titleSince },
        postings,
        qualifyingBySchool: qualifyingIntervalsBySchool([...recorded, ...extra], policy.parameters),
        approvedTrainingHours: totals.approvedHours,
      },
      asOf,
      policy.parameters,
    );
    return eligibilityView(teacher.id, asOf, policy.version, answer);
  }
}

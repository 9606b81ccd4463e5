import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository, SchoolRepository, TeacherEntity, TrainingRepository } from '@app/database';
import {
  Actor,
  EligibilityFacts,
  evaluateEligibility,
  qualifyingIntervalsBySchool,
  Scope,
  scopeOf,
  ServicePosting,
  TrainingCycle,
  trainingCyclesOf,
} from '@app/domain';
import { PolicyInForce, PolicyStore } from '@app/policy';
import { TeacherLookup } from '@app/registry';
import { eligibilityView, EligibilityView } from './eligibility-view';

/** An answer with the facts it was computed from (for callers that ask more of the same facts, such as the what-if). */
export interface EvaluatedEligibility {
  view: EligibilityView;
  facts: EligibilityFacts;
  /** Names of the schools the facts name, by id. */
  schoolNames: ReadonlyMap<string, string>;
}

/**
 * Whether a teacher may apply for a senior title (one year of rural or weak service, five years
 * with the first-level title, training on pace), or holds it already, and has principal-selection
 * priority (three years), as of a day: a handful of indexed queries whatever the length of the
 * career (teacher, postings, the classifications and names of their schools, training totals).
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
    return (await this.evaluate(scope, teacher, postings, asOf, await this.policy.inForce(asOf))).view;
  }

  /**
   * The answer for given postings (recorded or planned), with the classifications and names of
   * their schools: those the teacher has been posted to, and `extraSchoolIds` (planned ones).
   */
  async evaluate(
    scope: Scope,
    teacher: TeacherEntity,
    postings: ServicePosting[],
    asOf: string,
    policy: PolicyInForce,
    extraSchoolIds: string[] = [],
  ): Promise<EvaluatedEligibility> {
    const today = this.clock.today();
    const cycles = trainingCyclesOf(asOf, today, policy.parameters.training);
    const approvedIn = async (cycle: TrainingCycle | null) =>
      cycle === null ? undefined : (await this.training.totalsOfTeacher(scope, teacher.id, today, cycle.start, cycle.end)).approvedHours;
    const [recorded, extra, names, extraNames, approvedJudged, approvedAsOf] = await Promise.all([
      this.schools.classificationsForTeacher(scope, teacher.id, today),
      this.schools.classificationsOf(scope, extraSchoolIds),
      this.schools.namesForTeacher(scope, teacher.id, today),
      this.schools.namesOf(scope, extraSchoolIds),
      approvedIn(cycles.judged),
      approvedIn(cycles.asOf),
    ]);
    const facts: EligibilityFacts = {
      hireDate: teacher.hireDate,
      title: { level: teacher.titleLevel, since: teacher.titleSince },
      postings,
      qualifyingBySchool: qualifyingIntervalsBySchool([...recorded, ...extra], policy.parameters),
      approvedTrainingHours: approvedJudged ?? 0,
      approvedHoursInAsOfCycle: approvedAsOf,
    };
    const answer = evaluateEligibility(facts, asOf, policy.parameters, today);
    const schoolNames = new Map([...names, ...extraNames]);
    return { view: eligibilityView(teacher, asOf, policy.version, answer, schoolNames), facts, schoolNames };
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { PostingRepository, ReferenceRepository, SchoolRepository, TeacherRepository, TrainingRepository } from '@app/database';
import {
  Actor,
  cycleOf,
  EligibilityRuleCode,
  evaluateEligibility,
  groupBy,
  mainPostingOn,
  NotFoundError,
  OFFICERS,
  PolicyParameters,
  qualifyingIntervalsBySchool,
  requireRole,
  RuleOutcome,
  Scope,
  scopeOf,
  ServicePosting,
} from '@app/domain';
import { PolicyStore } from '@app/policy';

export interface CountyEligibilityRow {
  teacherId: string;
  staffNo: string;
  name: string;
  /** Where the teacher works on the as-of day (largest share), if anywhere. */
  schoolId: string | null;
  eligible: boolean;
  rules: RuleOutcome[];
  earliestServiceDate: string | null;
  principalPriority: boolean;
  qualifyingDays: number;
}

export interface CountyEligibility extends Page<CountyEligibilityRow> {
  countyId: string;
  asOf: string;
  policyVersion: string;
}

export interface CountyEligibilityCommand {
  actor: Actor;
  countyId: string;
  asOf?: string;
  /** Keep teachers whose outcome of this rule is `passed` (without a rule: whose overall answer is). */
  rule?: EligibilityRuleCode;
  passed?: boolean;
}

/** What the county view reads: four set-based queries' rows. */
export interface CountyEligibilityInput {
  teachers: Awaited<ReturnType<TeacherRepository['ofCounty']>>;
  postings: (ServicePosting & { teacherId: string })[];
  classifications: Awaited<ReturnType<SchoolRepository['classificationsForCounty']>>;
  hours: Awaited<ReturnType<TrainingRepository['countyApprovedHours']>>;
}

/**
 * The rules in memory over rows already read, teacher by teacher, on intervals: each teacher
 * whose outcome matches the filter (of `rule`, or overall without one) with where they work on
 * the as-of day.
 */
export function countyEligibilityRows(
  input: CountyEligibilityInput,
  filter: { rule?: EligibilityRuleCode; passed?: boolean },
  asOf: string,
  parameters: PolicyParameters,
): CountyEligibilityRow[] {
  const qualifyingBySchool = qualifyingIntervalsBySchool(input.classifications, parameters);
  const postingsOf = groupBy(input.postings, (p) => p.teacherId);
  const approvedOf = new Map(input.hours.map((h) => [h.teacherId, h.approvedHours]));

  const rows: CountyEligibilityRow[] = [];
  for (const teacher of input.teachers) {
    const own = postingsOf.get(teacher.id) ?? [];
    const answer = evaluateEligibility(
      {
        hireDate: teacher.hireDate,
        title: { level: teacher.titleLevel, since: teacher.titleSince },
        postings: own,
        qualifyingBySchool,
        approvedTrainingHours: approvedOf.get(teacher.id) ?? 0,
      },
      asOf,
      parameters,
    );
    const outcome = filter.rule ? answer.seniorTitle.rules.find((r) => r.code === filter.rule)?.passed : answer.seniorTitle.eligible;
    if (filter.passed !== undefined && outcome !== filter.passed) continue;
    if (filter.rule && outcome === undefined) continue;
    const current = mainPostingOn(own, asOf);
    rows.push({
      teacherId: teacher.id,
      staffNo: teacher.staffNo,
      name: teacher.name,
      schoolId: current?.schoolId ?? null,
      eligible: answer.seniorTitle.eligible,
      rules: answer.seniorTitle.rules,
      earliestServiceDate: answer.seniorTitle.earliestServiceDate,
      principalPriority: answer.principalPriority.priority,
      qualifyingDays: answer.principalPriority.actual,
    });
  }
  return rows;
}

/**
 * Every teacher of a county with their senior-title rule outcomes, for the officer preparing this
 * year's title applications: four set-based queries (teachers, postings, classifications, training
 * hours), then the rules in memory, teacher by teacher, on intervals.
 */
@Injectable()
export class CountyEligibilityUseCase {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly teachers: TeacherRepository,
    private readonly postings: PostingRepository,
    private readonly schools: SchoolRepository,
    private readonly training: TrainingRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: CountyEligibilityCommand & { page: PageRequest }): Promise<CountyEligibility> {
    const all = await this.evaluateAll(command);
    const start = offsetOf(command.page);
    return {
      countyId: all.countyId,
      asOf: all.asOf,
      policyVersion: all.policyVersion,
      items: all.rows.slice(start, start + command.page.pageSize),
      total: all.rows.length,
      ...command.page,
    };
  }

  /** Every matching row, for the CSV download. */
  async evaluateAll(
    command: CountyEligibilityCommand,
  ): Promise<{ countyId: string; asOf: string; policyVersion: string; rows: CountyEligibilityRow[] }> {
    requireRole(command.actor, OFFICERS, 'list county eligibility');
    const scope = scopeOf(command.actor);
    const county = await this.reference.findCountyInScope(scope, command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const asOf = command.asOf ?? this.clock.today();
    const policy = await this.policy.inForce(asOf);
    const cycle = cycleOf(asOf, policy.parameters.training);

    const [teachers, [postings, classifications], hours] = await Promise.all([
      this.teachers.ofCounty(scope, county.id, asOf),
      this.postingsAndClassifications(scope, county.id),
      this.training.countyApprovedHours(scope, county.id, cycle.start, cycle.end),
    ]);
    const rows = countyEligibilityRows({ teachers, postings, classifications, hours }, command, asOf, policy.parameters);
    return { countyId: county.id, asOf, policyVersion: policy.version, rows };
  }

  /** The county's postings, then the classifications of the schools they name, read by school id (no second pass over the postings). */
  private async postingsAndClassifications(scope: Scope, countyId: string) {
    const postings = await this.postings.ofCounty(scope, countyId);
    const classifications = await this.schools.classificationsForCounty(scope, countyId, [...new Set(postings.map((p) => p.schoolId))]);
    return [postings, classifications] as const;
  }
}

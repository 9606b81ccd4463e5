import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { PostingRepository, ReferenceRepository, SchoolRepository, TeacherRepository, TrainingRepository } from '@app/database';
import {
  Actor,
  EligibilityRuleCode,
  EligibilityStatus,
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
  TitleLevel,
  TrainingCycle,
  trainingCyclesOf,
} from '@app/domain';
import { PolicyStore } from '@app/policy';

export interface CountyEligibilityRow {
  teacherId: string;
  staffNo: string;
  name: string;
  titleLevel: TitleLevel;
  /** Where the teacher works on the as-of day (largest share), if anywhere. */
  schoolId: string | null;
  schoolName: string | null;
  status: EligibilityStatus;
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

export interface CountyEligibilityFilter {
  /** Keep teachers whose outcome of this rule is `passed` (without a rule: whose overall answer is). */
  rule?: EligibilityRuleCode;
  passed?: boolean;
  /** Keep teachers with this title level. */
  title?: TitleLevel;
  /** Keep teachers with this answer. */
  status?: EligibilityStatus;
}

export interface CountyEligibilityCommand extends CountyEligibilityFilter {
  actor: Actor;
  countyId: string;
  asOf?: string;
}

type HoursRows = Awaited<ReturnType<TrainingRepository['countyApprovedHours']>>;

/** What the county view reads: a few set-based queries' rows. */
export interface CountyEligibilityInput {
  teachers: Awaited<ReturnType<TeacherRepository['ofCounty']>>;
  postings: (ServicePosting & { teacherId: string })[];
  classifications: Awaited<ReturnType<SchoolRepository['classificationsForCounty']>>;
  /** Approved hours in the cycle the training rule is judged in (see trainingCyclesOf). */
  hours: HoursRows;
  /** For an as-of day in a later cycle than today: approved hours in the as-of day's cycle. */
  hoursInAsOfCycle?: HoursRows;
  schoolNames: ReadonlyMap<string, string>;
}

/**
 * The rules in memory over rows already read, teacher by teacher, on intervals: each teacher
 * whose title, answer and outcome match the filter, with where they work on the as-of day.
 */
export function countyEligibilityRows(
  input: CountyEligibilityInput,
  filter: CountyEligibilityFilter,
  asOf: string,
  parameters: PolicyParameters,
  today: string,
): CountyEligibilityRow[] {
  const qualifyingBySchool = qualifyingIntervalsBySchool(input.classifications, parameters);
  const postingsOf = groupBy(input.postings, (p) => p.teacherId);
  const approvedOf = new Map(input.hours.map((h) => [h.teacherId, h.approvedHours]));
  const approvedInAsOfCycleOf = input.hoursInAsOfCycle ? new Map(input.hoursInAsOfCycle.map((h) => [h.teacherId, h.approvedHours])) : null;

  const rows: CountyEligibilityRow[] = [];
  for (const teacher of input.teachers) {
    if (filter.title !== undefined && teacher.titleLevel !== filter.title) continue;
    const own = postingsOf.get(teacher.id) ?? [];
    const answer = evaluateEligibility(
      {
        hireDate: teacher.hireDate,
        title: { level: teacher.titleLevel, since: teacher.titleSince },
        postings: own,
        qualifyingBySchool,
        approvedTrainingHours: approvedOf.get(teacher.id) ?? 0,
        approvedHoursInAsOfCycle: approvedInAsOfCycleOf ? (approvedInAsOfCycleOf.get(teacher.id) ?? 0) : undefined,
      },
      asOf,
      parameters,
      today,
    );
    if (filter.status !== undefined && answer.seniorTitle.status !== filter.status) continue;
    const outcome = filter.rule ? answer.seniorTitle.rules.find((r) => r.code === filter.rule)?.passed : answer.seniorTitle.eligible;
    if (filter.passed !== undefined && outcome !== filter.passed) continue;
    if (filter.rule && outcome === undefined) continue;
    const current = mainPostingOn(own, asOf);
    rows.push({
      teacherId: teacher.id,
      staffNo: teacher.staffNo,
      name: teacher.name,
      titleLevel: teacher.titleLevel,
      schoolId: current?.schoolId ?? null,
      schoolName: current ? (input.schoolNames.get(current.schoolId) ?? null) : null,
      status: answer.seniorTitle.status,
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
 * Every teacher of a county with their senior-title answer, for the officer preparing this year's
 * title applications: set-based queries (teachers; postings; the classifications and names of the
 * schools those name; training hours of one cycle, or two when the as-of day lies in a later cycle
 * than today), then the rules in memory, teacher by teacher, on intervals.
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
    const today = this.clock.today();
    const asOf = command.asOf ?? today;
    const policy = await this.policy.inForce(asOf);
    const cycles = trainingCyclesOf(asOf, today, policy.parameters.training);

    const [teachers, [postings, classifications, schoolNames], hours, hoursInAsOfCycle] = await Promise.all([
      this.teachers.ofCounty(scope, county.id, asOf),
      this.postingsAndSchools(scope, county.id),
      this.hoursIn(scope, county.id, cycles.judged),
      cycles.asOf ? this.hoursIn(scope, county.id, cycles.asOf) : undefined,
    ]);
    const rows = countyEligibilityRows(
      { teachers, postings, classifications, hours, hoursInAsOfCycle, schoolNames },
      command,
      asOf,
      policy.parameters,
      today,
    );
    return { countyId: county.id, asOf, policyVersion: policy.version, rows };
  }

  private hoursIn(scope: Scope, countyId: string, cycle: TrainingCycle) {
    return this.training.countyApprovedHours(scope, countyId, cycle.start, cycle.end);
  }

  /** The county's postings, then the classifications and names of the schools they name, read by school id (no second pass over the postings). */
  private async postingsAndSchools(scope: Scope, countyId: string) {
    const postings = await this.postings.ofCounty(scope, countyId);
    const schoolIds = [...new Set(postings.map((p) => p.schoolId))];
    const [classifications, names] = await Promise.all([
      this.schools.classificationsForCounty(scope, countyId, schoolIds),
      this.schools.namesForCounty(scope, countyId, schoolIds),
    ]);
    return [postings, classifications, names] as const;
  }
}

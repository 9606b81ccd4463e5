import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { PostingRepository, ReferenceRepository, SchoolRepository, TrainingRepository } from '@app/database';
import {
  Actor,
  addDays,
  cycleOf,
  cycleOfYear,
  expectedHoursToDate,
  groupBy,
  mainPostingOn,
  minDate,
  NotFoundError,
  OFFICERS,
  requiredHours,
  requireRole,
  scopeOf,
  completionRate,
  TRAINING_CATEGORIES,
  TrainingCategory,
  TrainingCycle,
  trainingStatus,
} from '@app/domain';
import { PolicyStore } from '@app/policy';

export const REPORT_SORTS = ['-shortfall', 'shortfall', 'name', 'staffNo'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export interface BehindTeacher {
  teacherId: string;
  staffNo: string;
  name: string;
  /** Where the teacher works today (largest share), if anywhere. */
  schoolId: string | null;
  schoolName: string | null;
  requiredHours: number;
  approvedHours: number;
  pendingHours: number;
  expectedHoursToDate: number;
  /** Expected minus approved: how far behind pace. */
  shortfall: number;
}

export interface CountyTrainingReport {
  countyId: string;
  cycle: { startYear: number; start: string; end: string };
  /** The day pace is judged on: today within the cycle, its last day once it is over. */
  asOf: string;
  teachersOwing: number;
  teachersComplete: number;
  /** Teachers at or above their requirement ÷ teachers owing; null when nobody owes hours (no rate to give). */
  completionRate: number | null;
  teachersBehind: number;
  hoursByCategory: { category: TrainingCategory; approvedHours: number; pendingHours: number; records: number }[];
  behind: Page<BehindTeacher>;
  policyVersion: string;
}

/**
 * A county's training picture for a cycle (the plan's county evaluation counts the share of
 * teachers who reach the requirement): one query for the teachers with their hours, one for the
 * hours by category, one for where the page of teachers behind pace work, one for those schools' names.
 */
@Injectable()
export class CountyTrainingReportUseCase {
  constructor(
    private readonly records: TrainingRepository,
    private readonly reference: ReferenceRepository,
    private readonly postings: PostingRepository,
    private readonly schools: SchoolRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; countyId: string; cycle?: number; sort?: ReportSort; page: PageRequest }): Promise<CountyTrainingReport> {
    requireRole(command.actor, OFFICERS, 'read county training reports');
    const scope = scopeOf(command.actor);
    const county = await this.reference.findCountyInScope(scope, command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const today = this.clock.today();
    const policy = await this.policy.inForce(today);
    const training = policy.parameters.training;
    const cycle: TrainingCycle = command.cycle === undefined ? cycleOf(today, training) : cycleOfYear(command.cycle, training);
    // Pace is judged today within the cycle, on its last day once over, and before its first day (nothing expected) if ahead.
    const asOf = today < cycle.start ? addDays(cycle.start, -1) : minDate(today, cycle.end);

    const [teachers, categories] = await Promise.all([
      this.records.countyTeacherHours(scope, county.id, cycle.start, cycle.end),
      this.records.countyCategoryHours(scope, county.id, cycle.start, cycle.end),
    ]);
    let complete = 0;
    let owing = 0;
    const behind: Behind[] = [];
    for (const t of teachers) {
      const required = requiredHours(cycle, t.hireDate, training);
      if (required <= 0) continue;
      owing += 1;
      const expected = expectedHoursToDate(cycle, t.hireDate, asOf, training);
      const status = trainingStatus(t.approvedHours, required, expected);
      if (status === 'COMPLETE') complete += 1;
      else if (status === 'BEHIND') {
        behind.push({
          teacherId: t.teacherId,
          staffNo: t.staffNo,
          name: t.name,
          requiredHours: required,
          approvedHours: t.approvedHours,
          pendingHours: t.pendingHours,
          expectedHoursToDate: expected,
          shortfall: Math.round((expected - t.approvedHours) * 10) / 10,
        });
      }
    }
    behind.sort(comparator(command.sort ?? '-shortfall'));
    const start = offsetOf(command.page);
    const pageRows = behind.slice(start, start + command.page.pageSize);
    const pageTeacherIds = pageRows.map((r) => r.teacherId);
    const current = await this.postings.currentOf(scope, pageTeacherIds, today);
    const postingsOf = groupBy(current, (p) => p.teacherId);
    const schoolIdOf = new Map(pageTeacherIds.map((id) => [id, mainPostingOn(postingsOf.get(id) ?? [], today)?.schoolId ?? null]));
    const names = await this.schools.namesOfPostedSchools(
      scope,
      [...schoolIdOf.values()].filter((id): id is string => id !== null),
      pageTeacherIds,
      today,
    );

    return {
      countyId: county.id,
      cycle: { startYear: cycle.startYear, start: cycle.start, end: cycle.end },
      asOf,
      teachersOwing: owing,
      teachersComplete: complete,
      completionRate: completionRate(complete, owing),
      teachersBehind: behind.length,
      hoursByCategory: TRAINING_CATEGORIES.map((category) => {
        const of = (status: string) => categories.find((c) => c.category === category && c.status === status);
        return {
          category,
          approvedHours: of('APPROVED')?.hours ?? 0,
          pendingHours: of('SUBMITTED')?.hours ?? 0,
          records: categories.filter((c) => c.category === category).reduce((sum, c) => sum + c.records, 0),
        };
      }),
      behind: {
        items: pageRows.map((r) => {
          const schoolId = schoolIdOf.get(r.teacherId) ?? null;
          return { ...r, schoolId, schoolName: schoolId === null ? null : (names.get(schoolId) ?? null) };
        }),
        total: behind.length,
        ...command.page,
      },
      policyVersion: policy.version,
    };
  }
}

type Behind = Omit<BehindTeacher, 'schoolId' | 'schoolName'>;

function comparator(sort: ReportSort): (a: Behind, b: Behind) => number {
  switch (sort) {
    case '-shortfall':
      return (a, b) => b.shortfall - a.shortfall || a.staffNo.localeCompare(b.staffNo);
    case 'shortfall':
      return (a, b) => a.shortfall - b.shortfall || a.staffNo.localeCompare(b.staffNo);
    case 'name':
      return (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.staffNo.localeCompare(b.staffNo);
    case 'staffNo':
      return (a, b) => a.staffNo.localeCompare(b.staffNo);
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { PostingRepository, ReferenceRepository, TrainingRepository } from '@app/database';
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

/** Completion at one school: the teachers owing hours who mainly work there today. */
export interface SchoolCompletion {
  /** null: the teachers owing hours who hold no posting today. */
  schoolId: string | null;
  schoolCode: string | null;
  schoolName: string | null;
  teachersOwing: number;
  teachersComplete: number;
  /** teachersComplete ÷ teachersOwing; null when nobody owes hours. */
  completionRate: number | null;
  teachersBehind: number;
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
  /** By school where the teachers owing hours work today (largest share), by code; those without a posting last. */
  schools: SchoolCompletion[];
  policyVersion: string;
}

/**
 * A county's training picture for a cycle (the plan's county evaluation counts the share of
 * teachers who reach the requirement): one query for the teachers with their hours, one for the
 * hours by category, one for the postings running today of the county's teachers with their
 * schools (where each teacher works: the page of teachers behind pace and completion by school).
 */
@Injectable()
export class CountyTrainingReportUseCase {
  constructor(
    private readonly records: TrainingRepository,
    private readonly reference: ReferenceRepository,
    private readonly postings: PostingRepository,
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

    const [teachers, categories, current] = await Promise.all([
      this.records.countyTeacherHours(scope, county.id, cycle.start, cycle.end),
      this.records.countyCategoryHours(scope, county.id, cycle.start, cycle.end),
      this.postings.currentOfCounty(scope, county.id, today),
    ]);
    const postingsOf = groupBy(current, (p) => p.teacherId);
    const bySchool = new Map<string | null, SchoolCompletion>();
    let complete = 0;
    let owing = 0;
    const behind: BehindTeacher[] = [];
    for (const t of teachers) {
      const required = requiredHours(cycle, t.hireDate, training);
      if (required <= 0) continue;
      const main = mainPostingOn(postingsOf.get(t.teacherId) ?? [], today);
      const schoolId = main?.schoolId ?? null;
      let school = bySchool.get(schoolId);
      if (!school) {
        school = {
          schoolId,
          schoolCode: main?.schoolCode ?? null,
          schoolName: main?.schoolName ?? null,
          teachersOwing: 0,
          teachersComplete: 0,
          completionRate: null,
          teachersBehind: 0,
        };
        bySchool.set(schoolId, school);
      }
      owing += 1;
      school.teachersOwing += 1;
      const expected = expectedHoursToDate(cycle, t.hireDate, asOf, training);
      const status = trainingStatus(t.approvedHours, required, expected);
      if (status === 'COMPLETE') {
        complete += 1;
        school.teachersComplete += 1;
      } else if (status === 'BEHIND') {
        school.teachersBehind += 1;
        behind.push({
          teacherId: t.teacherId,
          staffNo: t.staffNo,
          name: t.name,
          schoolId,
          schoolName: main?.schoolName ?? null,
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
    const schools = [...bySchool.values()];
    for (const s of schools) s.completionRate = completionRate(s.teachersComplete, s.teachersOwing);
    schools.sort(bySchoolCode);

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
      behind: { items: behind.slice(start, start + command.page.pageSize), total: behind.length, ...command.page },
      schools,
      policyVersion: policy.version,
    };
  }
}

/** Schools by code (then name), the row of teachers without a posting last. */
function bySchoolCode(a: SchoolCompletion, b: SchoolCompletion): number {
  if (a.schoolId === null || b.schoolId === null) return (a.schoolId === null ? 1 : 0) - (b.schoolId === null ? 1 : 0);
  return (a.schoolCode ?? '').localeCompare(b.schoolCode ?? '') || (a.schoolName ?? '').localeCompare(b.schoolName ?? '', 'zh-Hans-CN');
}

function comparator(sort: ReportSort): (a: BehindTeacher, b: BehindTeacher) => number {
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

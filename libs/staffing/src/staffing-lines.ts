import type { StaffingSchoolRow } from '@app/database';
import { QuotaPolicy, StandardQuota, standardQuotaFigure, staffingStatus, vacancyMilli } from '@app/domain';
import type { SchoolStaffingLine, StaffingExtreme, StaffingTotals } from './staffing-views';

/** A school's line of a report, with the standard quota it was computed from (null without an enrolment). */
export interface ComputedLine {
  line: SchoolStaffingLine;
  quota: Omit<StandardQuota, 'breakdown'> | null;
  headcountMilli: number;
  vacancyMilli: number | null;
}

/** The figures of one school: its standard quota by the domain's rule (the figure; a school's own page adds the breakdown), its vacancy. */
export function computeLine(row: StaffingSchoolRow, policy: QuotaPolicy): ComputedLine {
  const quota = standardQuotaFigure(row, policy);
  const vacancy = vacancyMilli(row.allocated, row.headcountMilli);
  return {
    quota,
    headcountMilli: row.headcountMilli,
    vacancyMilli: vacancy,
    line: {
      schoolId: row.schoolId,
      code: row.code,
      name: row.name,
      stage: row.stage,
      location: row.location,
      enrolmentSchoolYear: row.enrolment?.schoolYear ?? null,
      students: quota?.students ?? null,
      standardQuota: quota?.quota ?? null,
      allocatedQuota: row.allocated,
      onQuotaHeadcount: row.headcountMilli / 1000,
      vacancy: vacancy === null ? null : vacancy / 1000,
      status: staffingStatus(row.allocated, row.headcountMilli),
      openShortageFlags: row.openFlags,
    },
  };
}

/** The columns of the lines summed (headcounts and vacancies in thousandths, so the sums are exact). */
export function totalsOf(lines: readonly ComputedLine[]): StaffingTotals {
  let headcountMilli = 0;
  let vacancy = 0;
  const totals: StaffingTotals = {
    schools: lines.length,
    students: 0,
    standardQuota: 0,
    allocatedQuota: 0,
    onQuotaHeadcount: 0,
    vacancy: 0,
    openShortageFlags: 0,
    over: 0,
    under: 0,
    atQuota: 0,
    withoutAllocation: 0,
    withoutEnrolment: 0,
  };
  for (const { line, ...computed } of lines) {
    totals.students += line.students ?? 0;
    totals.standardQuota += line.standardQuota ?? 0;
    totals.allocatedQuota += line.allocatedQuota ?? 0;
    totals.openShortageFlags += line.openShortageFlags;
    headcountMilli += computed.headcountMilli;
    vacancy += computed.vacancyMilli ?? 0;
    if (line.standardQuota === null) totals.withoutEnrolment += 1;
    if (line.status === 'OVER') totals.over += 1;
    else if (line.status === 'UNDER') totals.under += 1;
    else if (line.status === 'AT_QUOTA') totals.atQuota += 1;
    else totals.withoutAllocation += 1;
  }
  totals.onQuotaHeadcount = headcountMilli / 1000;
  totals.vacancy = vacancy / 1000;
  return totals;
}

/** Schools over their allocation (most overstaffed first) and with posts to fill (most vacant first); ties by code. */
export function extremesOf(lines: readonly ComputedLine[]): { overstaffed: StaffingExtreme[]; understaffed: StaffingExtreme[] } {
  const extreme = ({ line }: ComputedLine): StaffingExtreme => ({
    schoolId: line.schoolId,
    code: line.code,
    name: line.name,
    allocatedQuota: line.allocatedQuota as number,
    onQuotaHeadcount: line.onQuotaHeadcount,
    vacancy: line.vacancy as number,
  });
  const byCode = (a: ComputedLine, b: ComputedLine) => a.line.code.localeCompare(b.line.code);
  return {
    overstaffed: lines
      .filter((l) => l.line.status === 'OVER')
      .sort((a, b) => (a.vacancyMilli as number) - (b.vacancyMilli as number) || byCode(a, b))
      .map(extreme),
    understaffed: lines
      .filter((l) => l.line.status === 'UNDER')
      .sort((a, b) => (b.vacancyMilli as number) - (a.vacancyMilli as number) || byCode(a, b))
      .map(extreme),
  };
}

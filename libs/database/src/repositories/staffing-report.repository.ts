import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { bandOfGrade, GRADE_BANDS, GRADES } from '@app/domain';
import type { BandEnrolment, GradeBand, Location, QuotaSchoolFacts, Scope, Stage } from '@app/domain';
import { postingCoversDay } from '../posting-sql';
import { countyCondition, schoolCondition, SqlCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';

/** Which schools a staffing read covers: one school, a county, a city, or the province. */
export type StaffingReach = { schoolId: string } | { countyId: string } | { cityId: string } | { province: true };

/** What a staffing report reads about one school on a day: the facts of its standard quota, its allocation, its headcount, its open flags. */
export interface StaffingSchoolRow extends QuotaSchoolFacts {
  readonly schoolId: string;
  readonly countyId: string;
  readonly code: string;
  readonly name: string;
  /** The school's allocation for the quota year; null when it has none. */
  readonly allocated: number | null;
  /** On-quota teachers posted there on the day, fraction-weighted, in thousandths. */
  readonly headcountMilli: number;
  /** Its shortage flags open now. */
  readonly openFlags: number;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** `SUM(CASE WHEN g.grade IN (1, …, 6) THEN g.students ELSE 0 END)` for each band and count, from the code lists' bands. */
function bandSums(): string {
  return GRADE_BANDS.flatMap((band) => {
    const grades = GRADES.filter((grade) => bandOfGrade(grade) === band).join(', ');
    return (['students', 'classes'] as const).map(
      (column) => `SUM(CASE WHEN g.grade IN (${grades}) THEN g.${column} ELSE 0 END) AS ${band}_${column}`,
    );
  }).join(', ');
}

const BAND_SUMS = bandSums();

/**
 * Reads the staffing of many schools on a day, set-based: five statements whatever the number of schools (the
 * schools with the location in force; the enrolment of the school year used, summed by band; the allocations of
 * the quota year; the on-quota headcount; the open shortage flags). Queries only: the standard quota, the vacancy
 * and the totals are computed by libs/domain (standardQuota, vacancyMilli). Every statement reads the schools of
 * the reach that the caller's scope may see.
 */
@Injectable()
export class StaffingReportRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * The schools of the reach, by county and code, as of `day`: location in force that day; enrolment of
   * `enrolmentYear`, else of the latest year before it; allocations of `quotaYear`; teachers posted that day.
   */
  async schools(scope: Scope, reach: StaffingReach, day: string, enrolmentYear: number, quotaYear: number): Promise<StaffingSchoolRow[]> {
    const where = schoolsOf(scope, reach);
    const manager = this.tx.manager;

    // Five statements, independent of each other: outside a transaction on MySQL/MariaDB each takes a connection of the
    // pool and they run at once; inside one, or on SQLite, one after the other.
    // The location in force: set by the latest change on or before the day that sets one (one indexed probe per school).
    const schoolsRead = manager
      .createQueryBuilder()
      .select(['s.id AS schoolId', 's.county_id AS countyId', 's.code AS code', 's.name AS name', 's.stage AS stage'])
      .addSelect(
        '(SELECT cf.location FROM school_classification cf WHERE cf.school_id = s.id AND cf.location IS NOT NULL ' +
          'AND cf.effective_from <= :day ORDER BY cf.effective_from DESC LIMIT 1)',
        'location',
      )
      .from('school', 's')
      .where(where?.sql ?? '1 = 1', { ...where?.params, day })
      .orderBy('s.county_id')
      .addOrderBy('s.code')
      .getRawMany<{ schoolId: string; countyId: string; code: string; name: string; stage: Stage; location: Location | null }>();

    const enrolmentsRead = ofSchools(
      manager
        .createQueryBuilder()
        .select(['e.school_id AS schoolId', 'e.school_year AS schoolYear', 'e.boarders AS boarders'])
        .addSelect(BAND_SUMS)
        .from('school_enrolment', 'e')
        .leftJoin('enrolment_grade', 'g', 'g.enrolment_id = e.id'),
      where,
      'e.school_id',
    )
      .andWhere(
        'e.school_year = (SELECT MAX(e2.school_year) FROM school_enrolment e2 WHERE e2.school_id = e.school_id AND e2.school_year <= :enrolmentYear)',
        { enrolmentYear },
      )
      .groupBy('e.id')
      .addGroupBy('e.school_id')
      .addGroupBy('e.school_year')
      .addGroupBy('e.boarders')
      .getRawMany<Record<string, unknown>>();

    const allocationsRead = ofSchools(
      manager.createQueryBuilder().select(['a.school_id AS schoolId', 'a.allocated AS allocated']).from('school_quota_allocation', 'a'),
      where,
      'a.school_id',
    )
      .andWhere('a.year = :quotaYear', { quotaYear })
      .getRawMany<{ schoolId: string; allocated: unknown }>();

    const headcountsRead = ofSchools(
      manager
        .createQueryBuilder()
        .select(['p.school_id AS schoolId', 'SUM(p.fraction_milli) AS headcountMilli'])
        .from('posting', 'p')
        .innerJoin('teacher', 't', 't.id = p.teacher_id'),
      where,
      'p.school_id',
    )
      .andWhere('t.on_quota = :onQuota', { onQuota: true })
      .andWhere(postingCoversDay('p', 'day'), { day })
      .groupBy('p.school_id')
      .getRawMany<{ schoolId: string; headcountMilli: unknown }>();

    // The flag's own county column as well, so that a county's or city's read goes by the (county, status) index, not every open flag.
    const flagsReach = reachCondition(reach, 'f.school_id', 'f.county_id');
    const flagsRead = ofSchools(
      manager.createQueryBuilder().select(['f.school_id AS schoolId', 'COUNT(*) AS flags']).from('shortage_flag', 'f'),
      where,
      'f.school_id',
    )
      .andWhere(flagsReach.sql, flagsReach.params)
      .andWhere("f.status = 'OPEN'")
      .groupBy('f.school_id')
      .getRawMany<{ schoolId: string; flags: unknown }>();

    const [schools, enrolments, allocations, headcounts, flags] = await Promise.all([
      schoolsRead,
      enrolmentsRead,
      allocationsRead,
      headcountsRead,
      flagsRead,
    ]);
    const enrolmentOf = new Map(
      enrolments.map((row) => {
        const bands = Object.fromEntries(
          GRADE_BANDS.map((band): [GradeBand, BandEnrolment] => [
            band,
            { students: num(row[`${band}_students`]), classes: num(row[`${band}_classes`]) },
          ]),
        ) as Record<GradeBand, BandEnrolment>;
        return [String(row.schoolId), { schoolYear: num(row.schoolYear), boarders: num(row.boarders), bands }];
      }),
    );
    const allocatedOf = new Map(allocations.map((row) => [row.schoolId, num(row.allocated)]));
    const headcountOf = new Map(headcounts.map((row) => [row.schoolId, num(row.headcountMilli)]));
    const flagsOf = new Map(flags.map((row) => [row.schoolId, num(row.flags)]));

    return schools.map((school) => ({
      schoolId: school.schoolId,
      countyId: school.countyId,
      code: school.code,
      name: school.name,
      stage: school.stage,
      location: school.location ?? null,
      enrolment: enrolmentOf.get(school.schoolId) ?? null,
      allocated: allocatedOf.get(school.schoolId) ?? null,
      headcountMilli: headcountOf.get(school.schoolId) ?? 0,
      openFlags: flagsOf.get(school.schoolId) ?? 0,
    }));
  }

  /** Approved totals of the year of the counties in reach (a county without one is left out). */
  async approvedTotals(scope: Scope, reach: Exclude<StaffingReach, { schoolId: string }>, year: number): Promise<Map<string, number>> {
    const where = countiesOf(scope, reach);
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select(['q.county_id AS countyId', 'q.approved_total AS approvedTotal'])
      .from('county_quota', 'q')
      .where(where.sql, where.params)
      .andWhere('q.year = :year', { year })
      .getRawMany<{ countyId: string; approvedTotal: unknown }>();
    return new Map(rows.map((row) => [row.countyId, num(row.approvedTotal)]));
  }
}

/** The schools (alias `s`) of the reach that the scope may see; null for every school (the province, read by the administrator). */
function schoolsOf(scope: Scope, reach: StaffingReach): SqlCondition | null {
  if ('province' in reach && scope.level === 'PROVINCE') return null;
  const visible = schoolCondition(scope, 's');
  const own = reachCondition(reach, 's.id', 's.county_id');
  return { sql: `${own.sql} AND ${visible.sql}`, params: { ...own.params, ...visible.params } };
}

/**
 * Keeps the rows of a query whose `schoolIdColumn` names a school of `where` (`s`, in a subquery: the rows are then
 * read in the order of their school index, with no sort for the grouping); every row when `where` is null (a
 * province-wide read scans its table once, without looking up each row's school).
 */
function ofSchools<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, where: SqlCondition | null, schoolIdColumn: string): SelectQueryBuilder<T> {
  if (where === null) return query.where('1 = 1');
  return query.where(`${schoolIdColumn} IN (SELECT s.id FROM school s WHERE ${where.sql})`, where.params);
}

/** The county rows (alias `q`, column county_id) of the reach that the scope reaches. */
function countiesOf(scope: Scope, reach: Exclude<StaffingReach, { schoolId: string }>): SqlCondition {
  const own = reachCondition(reach, null, 'q.county_id');
  const inScope = countyCondition(scope, 'q.county_id');
  return { sql: `${own.sql} AND ${inScope.sql}`, params: { ...own.params, ...inScope.params } };
}

function reachCondition(reach: StaffingReach, schoolIdColumn: string | null, countyIdColumn: string): SqlCondition {
  if ('schoolId' in reach) {
    if (schoolIdColumn === null) throw new Error('a school reach has no county rows');
    return { sql: `${schoolIdColumn} = :reach_schoolId`, params: { reach_schoolId: reach.schoolId } };
  }
  if ('countyId' in reach) return { sql: `${countyIdColumn} = :reach_countyId`, params: { reach_countyId: reach.countyId } };
  if ('cityId' in reach) {
    return { sql: `${countyIdColumn} IN (SELECT rc.id FROM county rc WHERE rc.city_id = :reach_cityId)`, params: { reach_cityId: reach.cityId } };
  }
  return { sql: '1 = 1', params: {} };
}

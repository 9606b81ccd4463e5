import type { Scope } from '@app/domain';
import { postingRunsOnOrAfter } from './posting-sql';

/** A WHERE fragment with its named parameters (prefixed `scope_` so they never clash with a query's own). */
export interface SqlCondition {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

const ALL: SqlCondition = { sql: '1 = 1', params: {} };

/**
 * Rows whose county column lies in the scope's county reach. For school and teacher scopes this
 * is only their county: callers narrow further with schoolVisibility / teacherVisibility.
 */
export function countyCondition(scope: Scope, countyColumn: string): SqlCondition {
  switch (scope.level) {
    case 'PROVINCE':
      return ALL;
    case 'CITY':
      return { sql: `${countyColumn} IN (SELECT c.id FROM county c WHERE c.city_id = :scope_cityId)`, params: { scope_cityId: scope.cityId } };
    default:
      return { sql: `${countyColumn} = :scope_countyId`, params: { scope_countyId: scope.countyId } };
  }
}

/**
 * Schools a scope may read: officers their counties; a principal their own school; a teacher
 * the schools they have been posted to.
 */
export function schoolCondition(scope: Scope, alias: string): SqlCondition {
  switch (scope.level) {
    case 'SCHOOL':
      return { sql: `${alias}.id = :scope_schoolId`, params: { scope_schoolId: scope.schoolId } };
    case 'TEACHER':
      return {
        sql: `${alias}.id IN (SELECT sp.school_id FROM posting sp WHERE sp.teacher_id = :scope_teacherId)`,
        params: { scope_teacherId: scope.teacherId },
      };
    default:
      return countyCondition(scope, `${alias}.county_id`);
  }
}

/**
 * Teachers a scope may read: officers their counties; a principal the teachers posted at their
 * school today or later (current and incoming staff); a teacher only themself.
 */
export function teacherCondition(scope: Scope, alias: string, today: string): SqlCondition {
  switch (scope.level) {
    case 'SCHOOL':
      return {
        sql:
          `${alias}.id IN (SELECT tp.teacher_id FROM posting tp WHERE tp.school_id = :scope_schoolId ` +
          `AND ${postingRunsOnOrAfter('tp', 'scope_today')})`,
        params: { scope_schoolId: scope.schoolId, scope_today: today },
      };
    case 'TEACHER':
      return { sql: `${alias}.id = :scope_teacherId`, params: { scope_teacherId: scope.teacherId } };
    default:
      return countyCondition(scope, `${alias}.county_id`);
  }
}

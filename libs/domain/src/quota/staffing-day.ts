import { schoolYearOf } from '../calendar/school-year';
import { ValidationFailedError } from '../errors/domain-error';

/**
 * The quota year and the day a staffing report judges (docs/rules.md, "Staffing quotas"). Quotas are approved and
 * allocated per school year (2026 = 2026-09-01 … 2027-08-31), as enrolment is recorded. Without a year, the school
 * year of the day; without a day, today when it falls in the year, else the year's nearest day (its last day for a
 * past year, its first for a future one). A day outside the year asked for is bad input.
 */
export function staffingDayOf(today: string, year?: number, asOf?: string): { year: number; asOf: string } {
  if (asOf !== undefined) {
    const yearOfDay = schoolYearOf(asOf);
    if (year !== undefined && yearOfDay !== year) {
      throw ValidationFailedError.field('asOf', `must fall in school year ${year} (${firstDayOf(year)} … ${lastDayOf(year)})`);
    }
    return { year: yearOfDay, asOf };
  }
  if (year === undefined) return { year: schoolYearOf(today), asOf: today };
  const first = firstDayOf(year);
  const last = lastDayOf(year);
  return { year, asOf: today < first ? first : today > last ? last : today };
}

export function firstDayOf(schoolYear: number): string {
  return `${String(schoolYear).padStart(4, '0')}-09-01`;
}

export function lastDayOf(schoolYear: number): string {
  return `${String(schoolYear + 1).padStart(4, '0')}-08-31`;
}

import type { BulkRow } from '@app/database';
import { classificationOn, groupBy } from '@app/domain';
import type { Location, PsychologyRole, ShortageSchoolFacts, ShortageStaffMember, Stage, Subject } from '@app/domain';
import type { GeneratedCounty } from './county-generator';

const str = (row: BulkRow, column: string): string => row[column] as string;
const num = (row: BulkRow, column: string): number => row[column] as number;

/** The school year (its starting calendar year) that contains `day`: it starts on 1 September. */
function schoolYearOf(day: string): number {
  return Number(day.slice(0, 4)) - (day.slice(5) < '09-01' ? 1 : 0);
}

/**
 * What a shortage scan would read about each school of a generated county on `day` (docs/rules.md, "Shortages"),
 * straight from the generated rows, in the order the schools were made: the classification in force, the
 * enrolment of the school year containing the day (else the latest before it), and the teachers posted there that
 * day, each with the sum of their posting fractions at the school, their main and extra subjects and psychology role.
 */
export function shortageFactsOf(county: GeneratedCounty, day: string): ShortageSchoolFacts[] {
  const classifications = groupBy(county.classifications, (row) => str(row, 'school_id'));
  const gradesByEnrolment = groupBy(county.grades, (row) => str(row, 'enrolment_id'));
  const enrolments = groupBy(
    county.enrolments.filter((row) => num(row, 'school_year') <= schoolYearOf(day)),
    (row) => str(row, 'school_id'),
  );
  const extras = groupBy(county.extraSubjects, (row) => str(row, 'teacher_id'));
  const teachers = new Map(county.teachers.map((row) => [str(row, 'id'), row]));
  // Posting fractions on the day, by school and teacher.
  const posted = new Map<string, Map<string, number>>();
  for (const posting of county.postings) {
    const end = posting.end_date as string | null;
    if (str(posting, 'start_date') > day || (end !== null && end < day)) continue;
    const atSchool = posted.get(str(posting, 'school_id')) ?? new Map<string, number>();
    posted.set(str(posting, 'school_id'), atSchool);
    atSchool.set(str(posting, 'teacher_id'), (atSchool.get(str(posting, 'teacher_id')) ?? 0) + num(posting, 'fraction_milli'));
  }

  return county.schools.map((school): ShortageSchoolFacts => {
    const id = str(school, 'id');
    const changes = (classifications.get(id) ?? []).map((row) => ({
      effectiveFrom: str(row, 'effective_from'),
      location: row.location as Location | null,
      weak: row.weak as boolean | null,
    }));
    const latest = [...(enrolments.get(id) ?? [])].sort((a, b) => num(b, 'school_year') - num(a, 'school_year'))[0];
    const staff = [...(posted.get(id) ?? new Map<string, number>())].map(([teacherId, fractionMilli]): ShortageStaffMember => {
      const teacher = teachers.get(teacherId) as BulkRow;
      return {
        teacherId,
        name: str(teacher, 'name'),
        fractionMilli,
        subject: str(teacher, 'subject') as Subject,
        extraSubjects: (extras.get(teacherId) ?? []).map((row) => ({
          subject: str(row, 'subject') as Subject,
          fractionMilli: num(row, 'fraction_milli'),
        })),
        psychology: str(teacher, 'psychology') as PsychologyRole,
      };
    });
    return {
      schoolId: id,
      stage: str(school, 'stage') as Stage,
      location: classificationOn(changes, day).location,
      townshipCentral: school.township_central as boolean,
      enrolment: latest
        ? {
            schoolYear: num(latest, 'school_year'),
            grades: (gradesByEnrolment.get(str(latest, 'id')) ?? []).map((row) => ({
              grade: num(row, 'grade'),
              students: num(row, 'students'),
              classes: num(row, 'classes'),
            })),
          }
        : null,
      staff,
    };
  });
}

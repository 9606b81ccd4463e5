import { Injectable } from '@nestjs/common';
import type { Location, PsychologyRole, ShortageSchoolFacts, ShortageStaffMember, Stage, Subject } from '@app/domain';
import { postingCoversDay } from '../posting-sql';
import { TransactionHost } from '../transaction-host';

/** What a scan reads about one school: the facts the rules need, and where the school lies and its name (for flags and notices). */
export interface ShortageSchool extends ShortageSchoolFacts {
  readonly countyId: string;
  readonly name: string;
}

const asBool = (value: unknown) => value === true || value === 1 || value === '1';

/**
 * Reads the facts of the shortage rules for a set of schools on a day, set-based: five statements
 * whatever the number of schools (schools; classifications in force; enrolment of the school year
 * used, with its grades; the postings covering the day with their teachers; those teachers' extra
 * subjects). Queries only: which year, which classification and which fractions count is decided
 * here only as far as SQL selects rows; the rules are in libs/domain (findShortages).
 */
@Injectable()
export class ShortageFactsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * The facts of each school in `schoolIds` (missing ids are left out: a school deleted since) on
   * `day`; enrolment of `schoolYear`, else of the latest year before it.
   */
  async schoolFacts(schoolIds: readonly string[], day: string, schoolYear: number): Promise<ShortageSchool[]> {
    if (schoolIds.length === 0) return [];
    const ids = [...new Set(schoolIds)];
    const manager = this.tx.manager;
    const schools = await manager
      .createQueryBuilder()
      .select(['s.id AS id', 's.county_id AS countyId', 's.name AS name', 's.stage AS stage', 's.township_central AS townshipCentral'])
      .from('school', 's')
      .where('s.id IN (:...ids)', { ids })
      .orderBy('s.id')
      .getRawMany<{ id: string; countyId: string; name: string; stage: Stage; townshipCentral: unknown }>();
    if (schools.length === 0) return [];

    // Classification in force: the latest change on or before the day that sets a location (a null field is left as it was).
    const classifications = await manager
      .createQueryBuilder()
      .select(['c.school_id AS schoolId', 'c.location AS location', 'c.effective_from AS effectiveFrom'])
      .from('school_classification', 'c')
      .where('c.school_id IN (:...ids)', { ids })
      .andWhere('c.effective_from <= :day', { day })
      .andWhere('c.location IS NOT NULL')
      .andWhere(
        'c.effective_from = (SELECT MAX(c2.effective_from) FROM school_classification c2 ' +
          'WHERE c2.school_id = c.school_id AND c2.effective_from <= :day AND c2.location IS NOT NULL)',
      )
      .getRawMany<{ schoolId: string; location: Location }>();
    const locations = new Map(classifications.map((row) => [row.schoolId, row.location]));

    const grades = await manager
      .createQueryBuilder()
      .select(['e.school_id AS schoolId', 'e.school_year AS schoolYear', 'g.grade AS grade', 'g.students AS students', 'g.classes AS classes'])
      .from('school_enrolment', 'e')
      .innerJoin('enrolment_grade', 'g', 'g.enrolment_id = e.id')
      .where('e.school_id IN (:...ids)', { ids })
      .andWhere(
        'e.school_year = (SELECT MAX(e2.school_year) FROM school_enrolment e2 WHERE e2.school_id = e.school_id AND e2.school_year <= :schoolYear)',
        {
          schoolYear,
        },
      )
      .orderBy('e.school_id')
      .addOrderBy('g.grade')
      .getRawMany<{ schoolId: string; schoolYear: number | string; grade: number | string; students: number | string; classes: number | string }>();
    const enrolments = new Map<string, { schoolYear: number; grades: { grade: number; students: number; classes: number }[] }>();
    for (const row of grades) {
      let enrolment = enrolments.get(row.schoolId);
      if (!enrolment) {
        enrolment = { schoolYear: Number(row.schoolYear), grades: [] };
        enrolments.set(row.schoolId, enrolment);
      }
      enrolment.grades.push({ grade: Number(row.grade), students: Number(row.students), classes: Number(row.classes) });
    }

    // A teacher with two postings at one school on the day (say 0.5 + 0.5) counts once with their sum.
    const staffRows = await manager
      .createQueryBuilder()
      .select([
        'p.school_id AS schoolId',
        't.id AS teacherId',
        't.name AS name',
        't.subject AS subject',
        't.psychology AS psychology',
        'SUM(p.fraction_milli) AS fractionMilli',
      ])
      .from('posting', 'p')
      .innerJoin('teacher', 't', 't.id = p.teacher_id')
      .where('p.school_id IN (:...ids)', { ids })
      .andWhere(postingCoversDay('p', 'day'), { day })
      .groupBy('p.school_id')
      .addGroupBy('t.id')
      .addGroupBy('t.name')
      .addGroupBy('t.subject')
      .addGroupBy('t.psychology')
      .orderBy('p.school_id')
      .addOrderBy('t.id')
      .getRawMany<{
        schoolId: string;
        teacherId: string;
        name: string;
        subject: Subject;
        psychology: PsychologyRole;
        fractionMilli: number | string;
      }>();

    const extras = await manager
      .createQueryBuilder()
      .select(['x.teacher_id AS teacherId', 'x.subject AS subject', 'x.fraction_milli AS fractionMilli'])
      .from('teacher_extra_subject', 'x')
      .where(`x.teacher_id IN (SELECT p.teacher_id FROM posting p WHERE p.school_id IN (:...ids) AND ${postingCoversDay('p', 'day')})`, { ids, day })
      .orderBy('x.teacher_id')
      .addOrderBy('x.subject')
      .getRawMany<{ teacherId: string; subject: Subject; fractionMilli: number | string }>();
    const extraOf = new Map<string, { subject: Subject; fractionMilli: number }[]>();
    for (const row of extras) {
      const list = extraOf.get(row.teacherId) ?? [];
      list.push({ subject: row.subject, fractionMilli: Number(row.fractionMilli) });
      extraOf.set(row.teacherId, list);
    }

    const staffOf = new Map<string, ShortageStaffMember[]>();
    for (const row of staffRows) {
      const list = staffOf.get(row.schoolId) ?? [];
      list.push({
        teacherId: row.teacherId,
        name: row.name,
        fractionMilli: Number(row.fractionMilli),
        subject: row.subject,
        extraSubjects: extraOf.get(row.teacherId) ?? [],
        psychology: row.psychology,
      });
      staffOf.set(row.schoolId, list);
    }

    return schools.map((school) => ({
      schoolId: school.id,
      countyId: school.countyId,
      name: school.name,
      stage: school.stage,
      townshipCentral: asBool(school.townshipCentral),
      location: locations.get(school.id) ?? null,
      enrolment: enrolments.get(school.id) ?? null,
      staff: staffOf.get(school.id) ?? [],
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ClusterKind, Scope } from '@app/domain';
import { EnrolmentGradeEntity, SchoolClassificationEntity, SchoolClusterEntity, SchoolEnrolmentEntity, SchoolEntity } from '../entities';
import { countyCondition, schoolCondition, SqlCondition, teacherCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';
import { LIKE_ESCAPE, likeEscape } from './like';
import { versionedUpdate } from './versioned-update';
import { postingCoversDay } from '../posting-sql';

export interface SchoolFilter {
  countyId?: string;
  q?: string;
  stage?: string;
  groupId?: string;
  districtId?: string;
  /** Classification in force on `classifiedOn` (a school not yet classified then matches neither). */
  location?: string;
  weak?: boolean;
  classifiedOn?: string;
}

/**
 * The value of one classification field in force on :classifiedOn: set by the latest change up to
 * that day that sets it (changes that leave it null carry it over). One indexed probe per school.
 */
const classifiedAs = (column: 'location' | 'weak') =>
  `(SELECT cf.${column} FROM school_classification cf WHERE cf.school_id = school.id AND cf.${column} IS NOT NULL ` +
  `AND cf.effective_from <= :classifiedOn ORDER BY cf.effective_from DESC LIMIT 1)`;

/** Schools with their classification history, enrolment, groups and districts. Reads take the caller's scope. */
@Injectable()
export class SchoolRepository {
  constructor(private readonly tx: TransactionHost) {}

  findInScope(scope: Scope, id: string): Promise<SchoolEntity | null> {
    const visible = schoolCondition(scope, 'school');
    return this.tx.manager.createQueryBuilder(SchoolEntity, 'school').where('school.id = :id', { id }).andWhere(visible.sql, visible.params).getOne();
  }

  async list(scope: Scope, filter: SchoolFilter, offset: number, limit: number): Promise<[SchoolEntity[], number]> {
    const visible = schoolCondition(scope, 'school');
    const query = this.tx.manager.createQueryBuilder(SchoolEntity, 'school').where(visible.sql, visible.params);
    if (filter.countyId) query.andWhere('school.county_id = :countyId', { countyId: filter.countyId });
    if (filter.stage) query.andWhere('school.stage = :stage', { stage: filter.stage });
    if (filter.groupId) query.andWhere('school.group_id = :groupId', { groupId: filter.groupId });
    if (filter.districtId) query.andWhere('school.district_id = :districtId', { districtId: filter.districtId });
    if (filter.location !== undefined || filter.weak !== undefined) {
      if (!filter.classifiedOn) throw new Error('a classification filter needs the day it applies to');
      query.setParameter('classifiedOn', filter.classifiedOn);
      if (filter.location !== undefined) query.andWhere(`${classifiedAs('location')} = :location`, { location: filter.location });
      if (filter.weak !== undefined) query.andWhere(`${classifiedAs('weak')} = :weak`, { weak: filter.weak });
    }
    if (filter.q) {
      query.andWhere(`(school.name LIKE :q ${LIKE_ESCAPE} OR school.code LIKE :qPrefix ${LIKE_ESCAPE})`, {
        q: `%${likeEscape(filter.q)}%`,
        qPrefix: `${likeEscape(filter.q)}%`,
      });
    }
    return query.orderBy('school.county_id').addOrderBy('school.code').offset(offset).limit(limit).getManyAndCount();
  }

  findByCode(countyId: string, code: string): Promise<SchoolEntity | null> {
    return this.tx.manager.findOne(SchoolEntity, { where: { countyId, code } });
  }

  async insert(school: SchoolEntity): Promise<void> {
    await this.tx.manager.insert(SchoolEntity, { ...school });
  }

  update(id: string, expectedVersion: number, changes: Partial<SchoolEntity>): Promise<boolean> {
    return versionedUpdate(this.tx.manager, SchoolEntity, id, expectedVersion, changes);
  }

  // Classification history

  classificationsOf(scope: Scope, schoolIds: string[]): Promise<SchoolClassificationEntity[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    const visible = schoolCondition(scope, 'school');
    return this.tx.manager
      .createQueryBuilder(SchoolClassificationEntity, 'c')
      .innerJoin('school', 'school', 'school.id = c.school_id')
      .where({ schoolId: In(schoolIds) })
      .andWhere(visible.sql, visible.params)
      .orderBy('c.effective_from', 'ASC')
      .getMany();
  }

  /**
   * Classification changes of every school a teacher has been posted to, when the scope may see
   * the teacher: the rules ask about those schools even where the caller could not list them.
   */
  classificationsForTeacher(scope: Scope, teacherId: string, today: string): Promise<SchoolClassificationEntity[]> {
    const posted = postedSchoolsOfTeacher(scope, teacherId, today, 'c.school_id');
    return this.tx.manager
      .createQueryBuilder(SchoolClassificationEntity, 'c')
      .where(posted.sql, posted.params)
      .orderBy('c.effective_from', 'ASC')
      .getMany();
  }

  /** Names of every school a teacher has been posted to, when the scope may see the teacher (as classificationsForTeacher). */
  async namesForTeacher(scope: Scope, teacherId: string, today: string): Promise<Map<string, string>> {
    const posted = postedSchoolsOfTeacher(scope, teacherId, today, 's.id');
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select('s.id', 'id')
      .addSelect('s.name', 'name')
      .from(SchoolEntity, 's')
      .where(posted.sql, posted.params)
      .getRawMany<{ id: string; name: string }>();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Classification changes of the given schools (those the postings of a county's teachers name),
   * each kept when the school belongs to the county, or else when a teacher of the county has
   * been posted there (county in scope either way). The county's own schools pass on the school
   * row; only schools of other counties are probed, by the posting index, stopping at the first
   * posting found. A plain EXISTS over postings would be flattened by MySQL/MariaDB into a join
   * over every posting of the county's teachers.
   */
  classificationsForCounty(scope: Scope, countyId: string, schoolIds: string[]): Promise<SchoolClassificationEntity[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    const reach = countySchoolReach(scope, countyId, 's', 'c.school_id');
    return this.tx.manager
      .createQueryBuilder(SchoolClassificationEntity, 'c')
      .innerJoin(SchoolEntity, 's', 's.id = c.school_id')
      .where({ schoolId: In(schoolIds) })
      .andWhere(reach.sql, reach.params)
      .orderBy('c.effective_from', 'ASC')
      .getMany();
  }

  /** Names of the given schools, kept as classificationsForCounty keeps their classifications: one query. */
  async namesForCounty(scope: Scope, countyId: string, schoolIds: string[]): Promise<Map<string, string>> {
    if (schoolIds.length === 0) return new Map();
    const reach = countySchoolReach(scope, countyId, 's', 's.id');
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select('s.id', 'id')
      .addSelect('s.name', 'name')
      .from(SchoolEntity, 's')
      .where('s.id IN (:...schoolIds)', { schoolIds })
      .andWhere(reach.sql, reach.params)
      .getRawMany<{ id: string; name: string }>();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Names of schools by id (for reports that show where teachers work). */
  async namesOf(scope: Scope, schoolIds: string[]): Promise<Map<string, string>> {
    if (schoolIds.length === 0) return new Map();
    const visible = schoolCondition(scope, 'school');
    const rows = await this.tx.manager
      .createQueryBuilder(SchoolEntity, 'school')
      .select(['school.id', 'school.name'])
      .where({ id: In(schoolIds) })
      .andWhere(visible.sql, visible.params)
      .getMany();
    return new Map(rows.map((s) => [s.id, s.name]));
  }

  /**
   * Names of the given schools at which one of the given teachers, visible to the scope, is or was
   * posted: the schools that the postings a caller reads name, even where the caller could not
   * list the school itself (a principal reading a newcomer's earlier postings). One query.
   */
  async namesOfPostedSchools(scope: Scope, schoolIds: string[], teacherIds: string[], today: string): Promise<Map<string, string>> {
    if (schoolIds.length === 0 || teacherIds.length === 0) return new Map();
    const visible = teacherCondition(scope, 'teacher', today);
    const rows = await this.tx.manager
      .createQueryBuilder(SchoolEntity, 'school')
      .select(['school.id', 'school.name'])
      .where({ id: In([...new Set(schoolIds)]) })
      .andWhere(
        'EXISTS (SELECT 1 FROM posting np INNER JOIN teacher teacher ON teacher.id = np.teacher_id ' +
          `WHERE np.school_id = school.id AND np.teacher_id IN (:...nameTeacherIds) AND ${visible.sql})`,
        { nameTeacherIds: [...new Set(teacherIds)], ...visible.params },
      )
      .getMany();
    return new Map(rows.map((s) => [s.id, s.name]));
  }

  findClassification(schoolId: string, effectiveFrom: string): Promise<SchoolClassificationEntity | null> {
    return this.tx.manager.findOne(SchoolClassificationEntity, { where: { schoolId, effectiveFrom } });
  }

  async saveClassification(change: SchoolClassificationEntity): Promise<void> {
    await this.tx.manager.save(SchoolClassificationEntity, { ...change });
  }

  // Enrolment

  /** Enrolment years of a school, newest first (one year when `schoolYear` is given). */
  enrolmentsOf(scope: Scope, schoolId: string, schoolYear?: number): Promise<SchoolEnrolmentEntity[]> {
    const visible = schoolCondition(scope, 'school');
    const query = this.tx.manager
      .createQueryBuilder(SchoolEnrolmentEntity, 'e')
      .innerJoin('school', 'school', 'school.id = e.school_id')
      .where('e.school_id = :schoolId', { schoolId })
      .andWhere(visible.sql, visible.params);
    if (schoolYear !== undefined) query.andWhere('e.school_year = :schoolYear', { schoolYear });
    return query.orderBy('e.school_year', 'DESC').getMany();
  }

  gradesOf(scope: Scope, enrolmentIds: string[]): Promise<EnrolmentGradeEntity[]> {
    if (enrolmentIds.length === 0) return Promise.resolve([]);
    const visible = schoolCondition(scope, 'school');
    return this.tx.manager
      .createQueryBuilder(EnrolmentGradeEntity, 'g')
      .innerJoin('school_enrolment', 'e', 'e.id = g.enrolment_id')
      .innerJoin('school', 'school', 'school.id = e.school_id')
      .where({ enrolmentId: In(enrolmentIds) })
      .andWhere(visible.sql, visible.params)
      .orderBy('g.grade', 'ASC')
      .getMany();
  }

  async saveEnrolment(enrolment: SchoolEnrolmentEntity, grades: EnrolmentGradeEntity[]): Promise<void> {
    await this.tx.manager.save(SchoolEnrolmentEntity, { ...enrolment });
    await this.tx.manager.delete(EnrolmentGradeEntity, { enrolmentId: enrolment.id });
    if (grades.length > 0)
      await this.tx.manager.insert(
        EnrolmentGradeEntity,
        grades.map((g) => ({ ...g })),
      );
  }

  // Cached headcount

  /** On-quota teachers posted at the school on `date`, fraction-weighted, in thousandths. */
  async onQuotaHeadcountMilli(schoolId: string, date: string): Promise<number> {
    const row = await this.tx.manager
      .createQueryBuilder()
      .select('COALESCE(SUM(p.fraction_milli), 0)', 'total')
      .from('posting', 'p')
      .innerJoin('teacher', 't', 't.id = p.teacher_id')
      .where('p.school_id = :schoolId', { schoolId })
      .andWhere('t.on_quota = :onQuota', { onQuota: true })
      .andWhere(postingCoversDay('p', 'date'), { date })
      .getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  async saveHeadcount(schoolId: string, headcountMilli: number, asOf: string): Promise<void> {
    await this.tx.manager.update(SchoolEntity, { id: schoolId }, { headcountMilli, headcountAsOf: asOf });
  }

  /** Recounts every school's cached headcount (of one county, or all) in one statement. */
  async recomputeHeadcounts(date: string, countyId?: string): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(SchoolEntity)
      .set({
        headcountMilli: () =>
          '(SELECT COALESCE(SUM(p.fraction_milli), 0) FROM posting p INNER JOIN teacher t ON t.id = p.teacher_id ' +
          `WHERE p.school_id = school.id AND t.on_quota = :onQuota AND ${postingCoversDay('p', 'date')})`,
        headcountAsOf: date,
      })
      .where(countyId ? 'county_id = :countyId' : '1 = 1', { countyId, date, onQuota: true })
      .execute();
  }

  // Education groups and school districts

  listClusters(scope: Scope, filter: { countyId?: string; kind?: ClusterKind }): Promise<SchoolClusterEntity[]> {
    const inScope = countyCondition(scope, 'c.county_id');
    const query = this.tx.manager.createQueryBuilder(SchoolClusterEntity, 'c').where(inScope.sql, inScope.params);
    if (filter.countyId) query.andWhere('c.county_id = :countyId', { countyId: filter.countyId });
    if (filter.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
    return query.orderBy('c.county_id').addOrderBy('c.kind').addOrderBy('c.name').getMany();
  }

  findCluster(id: string): Promise<SchoolClusterEntity | null> {
    return this.tx.manager.findOne(SchoolClusterEntity, { where: { id } });
  }

  findClusterByName(countyId: string, kind: ClusterKind, name: string): Promise<SchoolClusterEntity | null> {
    return this.tx.manager.findOne(SchoolClusterEntity, { where: { countyId, kind, name } });
  }

  async insertCluster(cluster: SchoolClusterEntity): Promise<void> {
    await this.tx.manager.insert(SchoolClusterEntity, { ...cluster });
  }
}

/** `schoolIdColumn` names a school a teacher has been posted to, the teacher being visible to the scope. */
function postedSchoolsOfTeacher(scope: Scope, teacherId: string, today: string, schoolIdColumn: string): SqlCondition {
  const visible = teacherCondition(scope, 'teacher', today);
  return {
    sql: `${schoolIdColumn} IN (SELECT p.school_id FROM posting p INNER JOIN teacher teacher ON teacher.id = p.teacher_id WHERE p.teacher_id = :teacherId AND ${visible.sql})`,
    params: { teacherId, ...visible.params },
  };
}

/**
 * The school (`schoolAlias` its row, `schoolIdColumn` its id) belongs to the county in scope, or a
 * teacher of that county has been posted there.
 */
function countySchoolReach(scope: Scope, countyId: string, schoolAlias: string, schoolIdColumn: string): SqlCondition {
  const schoolInScope = countyCondition(scope, `${schoolAlias}.county_id`);
  const teacherInScope = countyCondition(scope, 't.county_id');
  return {
    sql:
      `((${schoolAlias}.county_id = :countyId AND ${schoolInScope.sql}) OR EXISTS (SELECT 1 FROM posting p INNER JOIN teacher t ON t.id = p.teacher_id ` +
      `WHERE p.school_id = ${schoolIdColumn} AND t.county_id = :countyId AND ${teacherInScope.sql}))`,
    params: { countyId, ...schoolInScope.params, ...teacherInScope.params },
  };
}

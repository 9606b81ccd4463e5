import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Scope } from '@app/domain';
import { TeacherEntity, TeacherExtraSubjectEntity } from '../entities';
import { countyCondition, teacherCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';
import { LIKE_ESCAPE, likeEscape } from './like';
import { versionedUpdate } from './versioned-update';
import { postingCoversDay } from '../posting-sql';

export interface TeacherFilter {
  countyId?: string;
  /** Teachers posted at this school on `date`. */
  schoolId?: string;
  subject?: string;
  q?: string;
}

/** Teachers and their extra subjects. Reads take the caller's scope and the day that decides "current" staff. */
@Injectable()
export class TeacherRepository {
  constructor(private readonly tx: TransactionHost) {}

  findInScope(scope: Scope, id: string, today: string): Promise<TeacherEntity | null> {
    const visible = teacherCondition(scope, 'teacher', today);
    return this.tx.manager
      .createQueryBuilder(TeacherEntity, 'teacher')
      .where('teacher.id = :id', { id })
      .andWhere(visible.sql, visible.params)
      .getOne();
  }

  async list(scope: Scope, filter: TeacherFilter, date: string, offset: number, limit: number): Promise<[TeacherEntity[], number]> {
    const visible = teacherCondition(scope, 'teacher', date);
    const query = this.tx.manager.createQueryBuilder(TeacherEntity, 'teacher').where(visible.sql, visible.params);
    if (filter.countyId) query.andWhere('teacher.county_id = :countyId', { countyId: filter.countyId });
    if (filter.subject) query.andWhere('teacher.subject = :subject', { subject: filter.subject });
    if (filter.schoolId) {
      query.andWhere(`teacher.id IN (SELECT fp.teacher_id FROM posting fp WHERE fp.school_id = :schoolId AND ${postingCoversDay('fp', 'date')})`, {
        schoolId: filter.schoolId,
        date,
      });
    }
    if (filter.q) {
      query.andWhere(`(teacher.name LIKE :q ${LIKE_ESCAPE} OR teacher.staff_no LIKE :qPrefix ${LIKE_ESCAPE})`, {
        q: `%${likeEscape(filter.q)}%`,
        qPrefix: `${likeEscape(filter.q)}%`,
      });
    }
    return query.orderBy('teacher.county_id').addOrderBy('teacher.staff_no').offset(offset).limit(limit).getManyAndCount();
  }

  /** Teachers of a county by staff number (for imports that name teachers by it). */
  findByStaffNos(countyId: string, staffNos: string[]): Promise<TeacherEntity[]> {
    if (staffNos.length === 0) return Promise.resolve([]);
    return this.tx.manager.find(TeacherEntity, { where: { countyId, staffNo: In(staffNos) } });
  }

  /** The teachers of a county (county in scope) hired by `hiredBy`, lean rows for bulk rules, by staff number: one query. */
  async ofCounty(
    scope: Scope,
    countyId: string,
    hiredBy: string,
  ): Promise<{ id: string; staffNo: string; name: string; hireDate: string; titleLevel: TeacherEntity['titleLevel']; titleSince: string | null }[]> {
    const inScope = countyCondition(scope, 't.county_id');
    return this.tx.manager
      .createQueryBuilder()
      .select('t.id', 'id')
      .addSelect('t.staff_no', 'staffNo')
      .addSelect('t.name', 'name')
      .addSelect('t.hire_date', 'hireDate')
      .addSelect('t.title_level', 'titleLevel')
      .addSelect('t.title_since', 'titleSince')
      .from('teacher', 't')
      .where('t.county_id = :countyId AND t.hire_date <= :hiredBy', { countyId, hiredBy })
      .andWhere(inScope.sql, inScope.params)
      .orderBy('t.staff_no', 'ASC')
      .getRawMany();
  }

  findByStaffNo(countyId: string, staffNo: string): Promise<TeacherEntity | null> {
    return this.tx.manager.findOne(TeacherEntity, { where: { countyId, staffNo } });
  }

  /**
   * Holds the teacher's row until the transaction ends, so that two writers checking the same
   * teacher's postings run one after the other (SQLite transactions are serial already).
   */
  async lock(id: string): Promise<void> {
    if (this.tx.dialect === 'mysql') {
      await this.tx.manager.query('SELECT id FROM teacher WHERE id = ? FOR UPDATE', [id]);
    }
  }

  async insert(teacher: TeacherEntity, extras: TeacherExtraSubjectEntity[]): Promise<void> {
    await this.tx.manager.insert(TeacherEntity, { ...teacher });
    if (extras.length > 0)
      await this.tx.manager.insert(
        TeacherExtraSubjectEntity,
        extras.map((e) => ({ ...e })),
      );
  }

  update(id: string, expectedVersion: number, changes: Partial<TeacherEntity>): Promise<boolean> {
    return versionedUpdate(this.tx.manager, TeacherEntity, id, expectedVersion, changes);
  }

  extraSubjectsOf(scope: Scope, teacherIds: string[], today: string): Promise<TeacherExtraSubjectEntity[]> {
    if (teacherIds.length === 0) return Promise.resolve([]);
    const visible = teacherCondition(scope, 'teacher', today);
    return this.tx.manager
      .createQueryBuilder(TeacherExtraSubjectEntity, 'x')
      .innerJoin('teacher', 'teacher', 'teacher.id = x.teacher_id')
      .where({ teacherId: In(teacherIds) })
      .andWhere(visible.sql, visible.params)
      .orderBy('x.subject', 'ASC')
      .getMany();
  }

  async replaceExtraSubjects(teacherId: string, extras: TeacherExtraSubjectEntity[]): Promise<void> {
    await this.tx.manager.delete(TeacherExtraSubjectEntity, { teacherId });
    if (extras.length > 0)
      await this.tx.manager.insert(
        TeacherExtraSubjectEntity,
        extras.map((e) => ({ ...e })),
      );
  }
}

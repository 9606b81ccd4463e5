import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Scope } from '@app/domain';
import { PostingEntity } from '../entities';
import { countyCondition, teacherCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';
import { versionedUpdate } from './versioned-update';
import { postingCoversDay } from '../posting-sql';

/** A posting running today, with where it is (for county reports). */
interface CountyCurrentPosting {
  teacherId: string;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  startDate: string;
  endDate: string | null;
  fractionMilli: number;
}

/** Postings (任教经历). A posting is visible to whoever may read its teacher. */
@Injectable()
export class PostingRepository {
  constructor(private readonly tx: TransactionHost) {}

  findInScope(scope: Scope, id: string, today: string): Promise<PostingEntity | null> {
    const visible = teacherCondition(scope, 'teacher', today);
    return this.tx.manager
      .createQueryBuilder(PostingEntity, 'posting')
      .innerJoin('teacher', 'teacher', 'teacher.id = posting.teacher_id')
      .where('posting.id = :id', { id })
      .andWhere(visible.sql, visible.params)
      .getOne();
  }

  /** Every posting of the teacher, oldest first. */
  ofTeacher(scope: Scope, teacherId: string, today: string): Promise<PostingEntity[]> {
    const visible = teacherCondition(scope, 'teacher', today);
    return this.tx.manager
      .createQueryBuilder(PostingEntity, 'p')
      .innerJoin('teacher', 'teacher', 'teacher.id = p.teacher_id')
      .where('p.teacher_id = :teacherId', { teacherId })
      .andWhere(visible.sql, visible.params)
      .orderBy('p.start_date', 'ASC')
      .addOrderBy('p.created_at', 'ASC')
      .getMany();
  }

  /** Postings of several teachers running on `today` (where they work now), largest fraction first. */
  currentOf(scope: Scope, teacherIds: string[], today: string): Promise<PostingEntity[]> {
    if (teacherIds.length === 0) return Promise.resolve([]);
    const visible = teacherCondition(scope, 'teacher', today);
    return this.tx.manager
      .createQueryBuilder(PostingEntity, 'p')
      .innerJoin('teacher', 'teacher', 'teacher.id = p.teacher_id')
      .where({ teacherId: In(teacherIds) })
      .andWhere(postingCoversDay('p', 'today'), { today })
      .andWhere(visible.sql, visible.params)
      .orderBy('p.fraction_milli', 'DESC')
      .getMany();
  }

  /** Every posting of the teachers of a county (county in scope), lean rows for bulk rules: one query. */
  async ofCounty(
    scope: Scope,
    countyId: string,
  ): Promise<{ teacherId: string; schoolId: string; startDate: string; endDate: string | null; fractionMilli: number }[]> {
    const inScope = countyCondition(scope, 't.county_id');
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select('p.teacher_id', 'teacherId')
      .addSelect('p.school_id', 'schoolId')
      .addSelect('p.start_date', 'startDate')
      .addSelect('p.end_date', 'endDate')
      .addSelect('p.fraction_milli', 'fractionMilli')
      .from('posting', 'p')
      .innerJoin('teacher', 't', 't.id = p.teacher_id')
      .where('t.county_id = :countyId', { countyId })
      .andWhere(inScope.sql, inScope.params)
      .getRawMany<{ teacherId: string; schoolId: string; startDate: string; endDate: string | null; fractionMilli: number | string }>();
    // Numbers in place (MySQL may read them back as strings): no second object per posting.
    for (const r of rows) r.fractionMilli = Number(r.fractionMilli);
    return rows as { teacherId: string; schoolId: string; startDate: string; endDate: string | null; fractionMilli: number }[];
  }

  /**
   * Postings running on `today` of every teacher of a county (county in scope), each with its
   * school's code and name, lean rows for county reports: one query (teacher by county, posting
   * by teacher, school by id), whatever the number of teachers.
   */
  async currentOfCounty(scope: Scope, countyId: string, today: string): Promise<CountyCurrentPosting[]> {
    const inScope = countyCondition(scope, 't.county_id');
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select('p.teacher_id', 'teacherId')
      .addSelect('p.school_id', 'schoolId')
      .addSelect('s.code', 'schoolCode')
      .addSelect('s.name', 'schoolName')
      .addSelect('p.start_date', 'startDate')
      .addSelect('p.end_date', 'endDate')
      .addSelect('p.fraction_milli', 'fractionMilli')
      .from('posting', 'p')
      .innerJoin('teacher', 't', 't.id = p.teacher_id')
      .innerJoin('school', 's', 's.id = p.school_id')
      .where('t.county_id = :countyId', { countyId })
      .andWhere(postingCoversDay('p', 'today'), { today })
      .andWhere(inScope.sql, inScope.params)
      .getRawMany<Omit<CountyCurrentPosting, 'fractionMilli'> & { fractionMilli: number | string }>();
    for (const r of rows) r.fractionMilli = Number(r.fractionMilli);
    return rows as CountyCurrentPosting[];
  }

  async insert(posting: PostingEntity): Promise<void> {
    await this.tx.manager.insert(PostingEntity, { ...posting });
  }

  update(id: string, expectedVersion: number, changes: Partial<PostingEntity>): Promise<boolean> {
    return versionedUpdate(this.tx.manager, PostingEntity, id, expectedVersion, changes);
  }

  async delete(id: string): Promise<void> {
    await this.tx.manager.delete(PostingEntity, { id });
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Scope } from '@app/domain';
import { PostingEntity } from '../entities';
import { teacherCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';
import { versionedUpdate } from './versioned-update';

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

  /** Every posting of the teacher, oldest first. Call after checking the teacher is in scope. */
  ofTeacher(teacherId: string): Promise<PostingEntity[]> {
    return this.tx.manager.find(PostingEntity, { where: { teacherId }, order: { startDate: 'ASC', createdAt: 'ASC' } });
  }

  /** Postings of several teachers running on `date` (for "current school" in lists). */
  currentOf(teacherIds: string[], date: string): Promise<PostingEntity[]> {
    if (teacherIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder(PostingEntity, 'p')
      .where({ teacherId: In(teacherIds) })
      .andWhere('p.start_date <= :date AND (p.end_date IS NULL OR p.end_date >= :date)', { date })
      .orderBy('p.fraction_milli', 'DESC')
      .getMany();
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

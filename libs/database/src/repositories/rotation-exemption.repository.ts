import { Injectable } from '@nestjs/common';
import type { Scope } from '@app/domain';
import { RotationExemptionEntity } from '../entities';
import { teacherCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';

/** Recorded rotation exemptions. Reads take the caller's scope (that of the exemption's teacher). */
@Injectable()
export class RotationExemptionRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(exemption: RotationExemptionEntity): Promise<void> {
    await this.tx.manager.insert(RotationExemptionEntity, { ...exemption });
  }

  findInScope(scope: Scope, id: string, today: string): Promise<RotationExemptionEntity | null> {
    const visible = teacherCondition(scope, 'teacher', today);
    return this.tx.manager
      .createQueryBuilder(RotationExemptionEntity, 'e')
      .innerJoin('e.teacher', 'teacher')
      .where('e.id = :id', { id })
      .andWhere(visible.sql, visible.params)
      .getOne();
  }

  /** A teacher's exemptions, the earliest first (the caller has checked the teacher is in scope). */
  ofTeacher(teacherId: string): Promise<RotationExemptionEntity[]> {
    return this.tx.manager
      .createQueryBuilder(RotationExemptionEntity, 'e')
      .where('e.teacher_id = :teacherId', { teacherId })
      .orderBy('e.valid_from', 'ASC')
      .addOrderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /** Deletes one; false when it was already gone. */
  async delete(id: string): Promise<boolean> {
    const result = await this.tx.manager.delete(RotationExemptionEntity, { id });
    return (result.affected ?? 0) === 1;
  }
}

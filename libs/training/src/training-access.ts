import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { TrainingRecordEntity, TrainingRecordRow, TrainingRepository } from '@app/database';
import { Actor, ForbiddenError, NotFoundError, Scope } from '@app/domain';

/**
 * Who may decide on (approve, reject, reverse) a training record: a county officer (or the
 * province administrator) for every category; the principal of the teacher's school for
 * school-based training (校本研修) of their own staff; never the teacher whose record it is.
 */
@Injectable()
export class TrainingAccess {
  constructor(
    private readonly records: TrainingRepository,
    private readonly clock: Clock,
  ) {}

  async recordInScope(scope: Scope, id: string): Promise<TrainingRecordRow> {
    const record = await this.records.findInScope(scope, id, this.clock.today());
    if (!record) throw new NotFoundError('training record', id);
    return record;
  }

  assertMayDecide(actor: Actor, record: TrainingRecordEntity): void {
    if (actor.role === 'TEACHER' || actor.role === 'CITY_OFFICER') throw new ForbiddenError(`A ${actor.role} may not decide on training records`);
    if (actor.teacherId && actor.teacherId === record.teacherId) throw new ForbiddenError('Nobody decides on their own training record');
    if (actor.role === 'PRINCIPAL' && record.category !== 'SCHOOL_BASED') {
      throw new ForbiddenError(`A principal decides on school-based training only; ${record.category} training is decided by the county`);
    }
  }
}

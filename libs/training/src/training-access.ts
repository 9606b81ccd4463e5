import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { TrainingRecordRow, TrainingRepository } from '@app/database';
import { NotFoundError, Scope } from '@app/domain';

/**
 * Loads a training record for a decision (approve, reject, reverse) within the caller's scope;
 * who may decide on it is the domain's rule (assertMayDecide, decisionReach).
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
}

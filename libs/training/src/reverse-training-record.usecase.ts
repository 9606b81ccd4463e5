import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { TrainingRepository, TransactionHost } from '@app/database';
import { Actor, assertMayDecide, assertReversible, scopeOf } from '@app/domain';
import { TrainingAccess } from './training-access';
import { newTrainingEntry } from './training-entry';
import { trainingRecordView, TrainingRecordView } from './training-view';

/**
 * Corrects an approved record without touching it: writes a reversal entry with the negative
 * hours, linked to the record, approved at once. A record is reversed at most once (the
 * database refuses a second reversal even under a race).
 */
@Injectable()
export class ReverseTrainingRecordUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly records: TrainingRepository,
    private readonly access: TrainingAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string; reason: string }): Promise<TrainingRecordView> {
    return this.tx.run(async () => {
      const original = await this.access.recordInScope(scopeOf(command.actor), command.id);
      assertMayDecide(command.actor, original);
      assertReversible(original, (await this.records.reversalOf(original.id)) !== null);
      const reversal = newTrainingEntry(
        { ...original, hours: -original.hours },
        { by: command.actor.userId, at: this.clock.now(), approved: true, reverses: { id: original.id, reason: command.reason.trim() } },
      );
      await this.records.insert([reversal]);
      const view = trainingRecordView(reversal, original.teacher);
      await this.audit.record({
        action: 'training.reverse',
        entity: 'training_record',
        entityId: original.id,
        countyId: original.countyId,
        before: trainingRecordView(original, original.teacher),
        after: view,
      });
      return view;
    });
  }
}

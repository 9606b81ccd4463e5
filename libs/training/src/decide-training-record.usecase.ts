import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { TrainingRepository, TransactionHost } from '@app/database';
import { Actor, assertMayDecide, assertDecidable, RuleViolationError, scopeOf, ValidationFailedError } from '@app/domain';
import { TrainingAccess } from './training-access';
import { trainingRecordView, TrainingRecordView } from './training-view';

export interface DecideTrainingRecordCommand {
  actor: Actor;
  id: string;
  decision: 'APPROVE' | 'REJECT';
  /** Required to reject. */
  reason?: string;
}

/** Approves or rejects a submitted record; a decision is final (a correction is a reversal). */
@Injectable()
export class DecideTrainingRecordUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly records: TrainingRepository,
    private readonly access: TrainingAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: DecideTrainingRecordCommand): Promise<TrainingRecordView> {
    if (command.decision === 'REJECT' && !command.reason?.trim()) throw ValidationFailedError.field('reason', 'is required to reject a record');
    return this.tx.run(async () => {
      const record = await this.access.recordInScope(scopeOf(command.actor), command.id);
      assertMayDecide(command.actor, record);
      assertDecidable(record);
      const now = this.clock.now();
      const changes = {
        status: command.decision === 'APPROVE' ? ('APPROVED' as const) : ('REJECTED' as const),
        decidedBy: command.actor.userId,
        decidedAt: now,
        reason: command.decision === 'REJECT' ? (command.reason as string).trim() : null,
        updatedAt: now,
      };
      if (!(await this.records.decide(record.id, changes))) {
        throw new RuleViolationError('ALREADY_DECIDED', 'The record was decided by someone else a moment ago');
      }
      const before = trainingRecordView(record, record.teacher);
      const view = trainingRecordView({ ...record, ...changes, version: record.version + 1 }, record.teacher);
      await this.audit.record({
        action: command.decision === 'APPROVE' ? 'training.approve' : 'training.reject',
        entity: 'training_record',
        entityId: record.id,
        countyId: record.countyId,
        before,
        after: view,
      });
      return view;
    });
  }
}

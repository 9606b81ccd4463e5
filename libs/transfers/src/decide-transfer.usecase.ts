import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { TransferEntity, TransferRepository, TransactionHost } from '@app/database';
import { Actor, REGISTRY_WRITERS, requiredReason, requireRole, transferStatusAfter } from '@app/domain';
import { TransferAccess } from './transfer-access';
import { TransferExecution } from './transfer-execution';
import { TransferNotices } from './transfer-notices';
import { TransferView, transferView } from './transfer-view';

export interface DecideTransferCommand {
  actor: Actor;
  id: string;
  decision: 'ACCEPT' | 'REJECT';
  /** Why the receiving county rejects it: required to reject. */
  reason?: string | null;
}

/**
 * An officer of the receiving county (or the administrator) accepts a transfer from another county
 * waiting for it, which executes it (postings, the teacher's county), or rejects it saying why
 * (docs/rules.md, "Transfers"). Another county's officer answers 404, the sending county's included.
 */
@Injectable()
export class DecideTransferUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly transfers: TransferRepository,
    private readonly access: TransferAccess,
    private readonly execution: TransferExecution,
    private readonly notices: TransferNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: DecideTransferCommand): Promise<TransferView> {
    requireRole(command.actor, REGISTRY_WRITERS, `${command.decision === 'ACCEPT' ? 'accept' : 'reject'} transfers`);
    const note = command.decision === 'REJECT' ? requiredReason(command.reason, 'reason') : null;
    return this.tx.run(async () => {
      const transfer = await this.access.forChange(command.actor, command.id, 'RECEIVING');
      const status = transferStatusAfter(transfer.status, command.decision, true);
      const now = this.clock.now();
      const changes: Partial<TransferEntity> = {
        status,
        decidedAt: now,
        decidedBy: command.actor.userId,
        decidedByUsername: command.actor.username,
        decisionNote: note,
        updatedAt: now,
      };
      if (status === 'EXECUTED') {
        const executed = await this.execution.execute(transfer, { from: transfer.fromSchoolName, to: transfer.toSchoolName });
        Object.assign(changes, { executedAt: now, postingId: executed.postingId, fromSchoolId: executed.fromSchoolId });
      }
      await this.transfers.update(transfer.id, changes);
      const after = { ...transfer, ...changes, version: transfer.version + 1 };
      await this.audit.record({
        action: command.decision === 'ACCEPT' ? 'transfer.accept' : 'transfer.reject',
        entity: 'transfer',
        entityId: transfer.id,
        countyId: transfer.toCountyId,
        before: transferView(transfer, transfer),
        after: transferView(after, transfer),
      });
      await this.notices.send(status === 'EXECUTED' ? 'EXECUTED' : 'REJECTED', after, transfer, command.actor);
      return transferView(after, transfer);
    });
  }
}

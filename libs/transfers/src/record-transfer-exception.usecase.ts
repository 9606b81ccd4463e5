import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { TransferEntity, TransferRepository, TransactionHost } from '@app/database';
import { Actor, requiredReason, requireRole, transferStatusAfter } from '@app/domain';
import { TransferAccess } from './transfer-access';
import { TransferExecution } from './transfer-execution';
import { TransferNotices } from './transfer-notices';
import { TransferView, transferView } from './transfer-view';

/**
 * The province administrator records an exception to the anti-poaching rule on a blocked transfer,
 * with a reason, audit-logged (docs/rules.md, "Transfers"); the transfer then goes on as a new one
 * would: executed at once within a county, PENDING for the receiving county's officers across counties.
 */
@Injectable()
export class RecordTransferExceptionUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly transfers: TransferRepository,
    private readonly access: TransferAccess,
    private readonly execution: TransferExecution,
    private readonly notices: TransferNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string; reason: string }): Promise<TransferView> {
    requireRole(command.actor, ['PROVINCE_ADMIN'], 'record exceptions to the anti-poaching rule (the province administrator does)');
    const reason = requiredReason(command.reason, 'reason');
    return this.tx.run(async () => {
      const transfer = await this.access.forChange(command.actor, command.id, 'SENDING');
      const status = transferStatusAfter(transfer.status, 'EXCEPTION', transfer.fromCountyId !== transfer.toCountyId);
      const now = this.clock.now();
      const changes: Partial<TransferEntity> = {
        status,
        exceptionAt: now,
        exceptionBy: command.actor.userId,
        exceptionByUsername: command.actor.username,
        exceptionReason: reason,
        updatedAt: now,
      };
      if (status === 'EXECUTED') {
        const executed = await this.execution.execute(transfer, { from: transfer.fromSchoolName, to: transfer.toSchoolName });
        Object.assign(changes, { executedAt: now, postingId: executed.postingId, fromSchoolId: executed.fromSchoolId });
      } else {
        // Across counties the postings are written on acceptance; checked now so that a refused one stays BLOCKED.
        await this.execution.check(transfer);
      }
      await this.transfers.update(transfer.id, changes);
      const after = { ...transfer, ...changes, version: transfer.version + 1 };
      await this.audit.record({
        action: 'transfer.exception',
        entity: 'transfer',
        entityId: transfer.id,
        countyId: transfer.fromCountyId,
        before: transferView(transfer, transfer),
        after: { ...transferView(after, transfer), exceptionReason: reason },
      });
      await this.notices.send(status === 'EXECUTED' ? 'EXECUTED' : 'PENDING', after, transfer, command.actor);
      return transferView(after, transfer);
    });
  }
}

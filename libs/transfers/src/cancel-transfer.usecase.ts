import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { TransferEntity, TransferRepository, TransactionHost } from '@app/database';
import { Actor, REGISTRY_WRITERS, requireRole, transferStatusAfter } from '@app/domain';
import { TransferAccess } from './transfer-access';
import { TransferView, transferView } from './transfer-view';

/**
 * An officer of the sending county (or the administrator) withdraws a transfer not yet executed: one
 * waiting for the receiving county, or one the anti-poaching rule blocked (docs/rules.md, "Transfers").
 */
@Injectable()
export class CancelTransferUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly transfers: TransferRepository,
    private readonly access: TransferAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<TransferView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'cancel transfers');
    return this.tx.run(async () => {
      const transfer = await this.access.forChange(command.actor, command.id, 'SENDING');
      const status = transferStatusAfter(transfer.status, 'CANCEL', transfer.fromCountyId !== transfer.toCountyId);
      const now = this.clock.now();
      const changes: Partial<TransferEntity> = { status, cancelledAt: now, updatedAt: now };
      await this.transfers.update(transfer.id, changes);
      const after = { ...transfer, ...changes, version: transfer.version + 1 };
      await this.audit.record({
        action: 'transfer.cancel',
        entity: 'transfer',
        entityId: transfer.id,
        countyId: transfer.fromCountyId,
        before: transferView(transfer, transfer),
        after: transferView(after, transfer),
      });
      return transferView(after, transfer);
    });
  }
}

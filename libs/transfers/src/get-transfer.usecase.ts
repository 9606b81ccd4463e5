import { Injectable } from '@nestjs/common';
import { Actor, requireRole } from '@app/domain';
import { TRANSFER_READERS, TransferAccess } from './transfer-access';
import { TransferView, transferView } from './transfer-view';

/** One transfer, in the caller's reach (the sending and receiving counties' officers, their cities', the administrator, the teacher). */
@Injectable()
export class GetTransferUseCase {
  constructor(private readonly access: TransferAccess) {}

  async execute(command: { actor: Actor; id: string }): Promise<TransferView> {
    requireRole(command.actor, TRANSFER_READERS, 'read transfers');
    const transfer = await this.access.inScope(command.actor, command.id);
    return transferView(transfer, transfer);
  }
}

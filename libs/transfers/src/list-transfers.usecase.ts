import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { ReferenceRepository, TransferFilter, TransferRepository } from '@app/database';
import { Actor, NotFoundError, requireRole, scopeOf } from '@app/domain';
import { TRANSFER_READERS } from './transfer-access';
import { TransferView, transferView } from './transfer-view';

/**
 * Transfers in the caller's reach, newest first: officers those from or to the counties of their reach;
 * a teacher their own; principals none (403). A county outside the reach answers 404.
 */
@Injectable()
export class ListTransfersUseCase {
  constructor(
    private readonly transfers: TransferRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute(command: { actor: Actor; filter: TransferFilter; page: PageRequest }): Promise<Page<TransferView>> {
    requireRole(command.actor, TRANSFER_READERS, 'read transfers');
    const scope = scopeOf(command.actor);
    if (command.filter.countyId && scope.level !== 'TEACHER' && !(await this.reference.findCountyInScope(scope, command.filter.countyId))) {
      throw new NotFoundError('county', command.filter.countyId);
    }
    const [rows, total] = await this.transfers.list(scope, command.filter, offsetOf(command.page), command.page.pageSize);
    return { items: rows.map((row) => transferView(row, row)), total, ...command.page };
  }
}

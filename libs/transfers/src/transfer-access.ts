import { Injectable } from '@nestjs/common';
import { TransferRepository, TransferRow } from '@app/database';
import { Actor, NotFoundError, Role, scopeOf } from '@app/domain';

/** Who reads transfers: officers of the sending and receiving counties (and their cities, the province), and the teacher themself. */
export const TRANSFER_READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'TEACHER'];

/** Which side of a transfer acts: the county that sends the teacher, or the one that receives them. */
export type TransferSide = 'SENDING' | 'RECEIVING';

/** Loads transfers within the caller's reach (404 outside it), for reading or for a change by one side. */
@Injectable()
export class TransferAccess {
  constructor(private readonly transfers: TransferRepository) {}

  async inScope(actor: Actor, id: string): Promise<TransferRow> {
    const transfer = await this.transfers.findInScope(scopeOf(actor), id);
    if (!transfer) throw new NotFoundError('transfer', id);
    return transfer;
  }

  /**
   * The transfer for a change by one side: its row locked first (two officers at once take turns), then read
   * as it now stands. A county officer of the other side, or of neither, answers 404 as if it did not exist
   * (the administrator acts for either side).
   */
  async forChange(actor: Actor, id: string, side: TransferSide): Promise<TransferRow> {
    await this.transfers.lock(id);
    const transfer = await this.inScope(actor, id);
    const county = side === 'SENDING' ? transfer.fromCountyId : transfer.toCountyId;
    if (actor.role !== 'PROVINCE_ADMIN' && actor.countyId !== county) throw new NotFoundError('transfer', id);
    return transfer;
  }
}

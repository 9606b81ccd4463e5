import { Injectable } from '@nestjs/common';
import { ReferenceRepository, TransferEntity } from '@app/database';
import { Actor, TransferHappening, transferDedupeKey, transferNoticeKind, transferRecipients } from '@app/domain';
import { Notifier } from '@app/notifications';
import type { TransferNames } from './transfer-view';

/**
 * Tells who should hear of what happened to a transfer (docs/rules.md, "Transfers"), inside the
 * transaction of the change: the receiving county's officers of a transfer waiting for them, the
 * teacher and both schools' principals of one executed, the sending county's officers of one
 * rejected, the province administrators of one blocked; never the person who acted.
 */
@Injectable()
export class TransferNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly reference: ReferenceRepository,
  ) {}

  async send(happening: TransferHappening, transfer: TransferEntity, names: TransferNames, actor: Actor): Promise<void> {
    const [from, to] = await Promise.all([this.reference.findCounty(transfer.fromCountyId), this.reference.findCounty(transfer.toCountyId)]);
    await this.notifier.notify({
      kind: transferNoticeKind(happening),
      params: {
        teacherName: names.teacherName,
        staffNo: names.staffNo,
        fromSchoolName: names.fromSchoolName,
        fromCountyName: from?.name ?? transfer.fromCountyId,
        toSchoolName: names.toSchoolName,
        toCountyName: to?.name ?? transfer.toCountyId,
        effectiveDate: transfer.effectiveDate,
        note: happening === 'REJECTED' ? transfer.decisionNote : transfer.reason,
      },
      to: transferRecipients(happening, transfer),
      about: {
        entity: 'transfer',
        entityId: transfer.id,
        countyId: happening === 'PENDING' || happening === 'EXECUTED' ? transfer.toCountyId : transfer.fromCountyId,
        schoolId: happening === 'PENDING' || happening === 'EXECUTED' ? transfer.toSchoolId : transfer.fromSchoolId,
      },
      dedupeKey: transferDedupeKey(happening, transfer.id),
      except: [actor.userId],
    });
  }
}

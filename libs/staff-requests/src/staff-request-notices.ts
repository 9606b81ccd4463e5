import { Injectable } from '@nestjs/common';
import type { StaffRequestEntity } from '@app/database';
import { Actor, StaffRequestHappening, staffRequestDedupeKey, staffRequestNotice, staffRequestNoticeKind, staffRequestRecipients } from '@app/domain';
import { Notifier } from '@app/notifications';

/**
 * Tells who should hear of what happened to a staff request (docs/rules.md, "Staff requests"), inside the
 * transaction of the change: the county's officers of a new or withdrawn request, the school's principals
 * of a decision and of the request being fulfilled; never the person who acted.
 */
@Injectable()
export class StaffRequestNotices {
  constructor(private readonly notifier: Notifier) {}

  async send(happening: StaffRequestHappening, request: StaffRequestEntity, schoolName: string, note: string | null, actor: Actor): Promise<void> {
    await this.notifier.notify({
      kind: staffRequestNoticeKind(happening),
      params: staffRequestNotice(request, schoolName, note),
      to: staffRequestRecipients(happening, request),
      about: { entity: 'staff_request', entityId: request.id, countyId: request.countyId, schoolId: request.schoolId },
      dedupeKey: staffRequestDedupeKey(happening, request.id),
      except: [actor.userId],
    });
  }
}

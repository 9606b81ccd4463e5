import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { StaffRequestEntity, StaffRequestRepository, TransactionHost } from '@app/database';
import { Actor, assertMayTake, requireRole, scopeOf } from '@app/domain';
import { StaffRequestAccess } from './staff-request-access';
import { staffRequestEvent } from './staff-request-event';
import { StaffRequestNotices } from './staff-request-notices';
import { StaffRequestDetailView, staffRequestView } from './staff-request-view';

/** A principal withdraws a request of their school before the county decides it; the county's officers hear of it. */
@Injectable()
export class CancelStaffRequestUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly requests: StaffRequestRepository,
    private readonly access: StaffRequestAccess,
    private readonly notices: StaffRequestNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<StaffRequestDetailView> {
    requireRole(command.actor, ['PRINCIPAL'], 'cancel staff requests (the school’s principal withdraws its own)');
    return this.tx.run(async () => {
      const request = await this.access.forChange(scopeOf(command.actor), command.id);
      assertMayTake(request.status, 'CANCEL');
      const now = this.clock.now();
      const changes = { status: 'CANCELLED', cancelledAt: now, updatedAt: now } satisfies Partial<StaffRequestEntity>;
      await this.requests.update(request.id, changes);
      const after = { ...request, ...changes, version: request.version + 1 };
      await this.requests.insertEvent(staffRequestEvent(request.id, 'CANCELLED', 'CANCELLED', command.actor, now));
      await this.audit.record({
        action: 'staff_request.cancel',
        entity: 'staff_request',
        entityId: request.id,
        countyId: request.countyId,
        before: staffRequestView(request, request.school),
        after: staffRequestView(after, request.school),
      });
      await this.notices.send('CANCEL', after, request.school.name, request.reason, command.actor);
      return this.access.detail(after);
    });
  }
}

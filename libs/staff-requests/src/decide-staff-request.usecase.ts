import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { StaffRequestEntity, StaffRequestRepository, TransactionHost } from '@app/database';
import { Actor, assertMayTake, decisionNote, REGISTRY_WRITERS, requireRole, scopeOf, StaffRequestDecision, statusAfterDecision } from '@app/domain';
import { StaffRequestAccess } from './staff-request-access';
import { staffRequestEvent } from './staff-request-event';
import { StaffRequestNotices } from './staff-request-notices';
import { StaffRequestDetailView, staffRequestView } from './staff-request-view';

export interface DecideStaffRequestCommand {
  actor: Actor;
  id: string;
  decision: StaffRequestDecision;
  /** Required to reject. */
  note?: string;
}

/** A county officer approves or rejects a submitted request of their county; the decision is final and the school's principals hear of it. */
@Injectable()
export class DecideStaffRequestUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly requests: StaffRequestRepository,
    private readonly access: StaffRequestAccess,
    private readonly notices: StaffRequestNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: DecideStaffRequestCommand): Promise<StaffRequestDetailView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'decide staff requests');
    const note = decisionNote(command.decision, command.note);
    return this.tx.run(async () => {
      const request = await this.access.forChange(scopeOf(command.actor), command.id);
      assertMayTake(request.status, command.decision);
      const now = this.clock.now();
      const changes = {
        status: statusAfterDecision(command.decision),
        decidedAt: now,
        decidedBy: command.actor.userId,
        decidedByUsername: command.actor.username,
        decisionNote: note,
        updatedAt: now,
      } satisfies Partial<StaffRequestEntity>;
      await this.requests.update(request.id, changes);
      const after = { ...request, ...changes, version: request.version + 1 };
      await this.requests.insertEvent(
        staffRequestEvent(request.id, command.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED', changes.status, command.actor, now, { note }),
      );
      await this.audit.record({
        action: command.decision === 'APPROVE' ? 'staff_request.approve' : 'staff_request.reject',
        entity: 'staff_request',
        entityId: request.id,
        countyId: request.countyId,
        before: staffRequestView(request, request.school),
        after: staffRequestView(after, request.school),
      });
      await this.notices.send(command.decision, after, request.school.name, note, command.actor);
      return this.access.detail(after);
    });
  }
}

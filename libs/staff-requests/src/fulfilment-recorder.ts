import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { StaffRequestEntity, StaffRequestFulfilmentEntity, StaffRequestRepository, StaffRequestRow } from '@app/database';
import { Actor, coverage, PostingKind } from '@app/domain';
import { staffRequestEvent } from './staff-request-event';
import { StaffRequestNotices } from './staff-request-notices';
import { staffRequestView } from './staff-request-view';

/** A posting counted towards a request, as the fulfilment records it. */
export interface CountedPosting {
  id: string;
  teacherId: string;
  kind: PostingKind;
  startDate: string;
  endDate: string | null;
  fractionMilli: number;
}

/**
 * Records a posting against an approved request whose rules it meets (the caller has checked them and locked the
 * request): the fulfilment, the request's cover — FULFILLED once the postings recorded cover its headcount — its
 * history, the audit entry, and the principals' notice of a request fulfilled. Inside the caller's transaction.
 */
@Injectable()
export class FulfilmentRecorder {
  constructor(
    private readonly requests: StaffRequestRepository,
    private readonly notices: StaffRequestNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, request: StaffRequestRow, posting: CountedPosting): Promise<StaffRequestRow> {
    const now = this.clock.now();
    const fulfilment: StaffRequestFulfilmentEntity = {
      id: newId(),
      requestId: request.id,
      postingId: posting.id,
      teacherId: posting.teacherId,
      kind: posting.kind,
      startDate: posting.startDate,
      endDate: posting.endDate,
      fractionMilli: posting.fractionMilli,
      recordedAt: now,
      recordedBy: actor.userId,
      recordedByUsername: actor.username,
    };
    const covered = coverage(request.headcount, [...(await this.requests.fulfilmentsOf(request.id)), fulfilment]);
    await this.requests.insertFulfilment(fulfilment);
    const changes = {
      status: covered.covered ? 'FULFILLED' : 'APPROVED',
      coveredMilli: covered.coveredMilli,
      fulfilledAt: covered.covered ? now : null,
      updatedAt: now,
    } satisfies Partial<StaffRequestEntity>;
    await this.requests.update(request.id, changes);
    const after = { ...request, ...changes, version: request.version + 1 };
    await this.requests.insertEvent(
      staffRequestEvent(request.id, 'FULFILMENT_RECORDED', changes.status, actor, now, {
        postingId: posting.id,
        fractionMilli: posting.fractionMilli,
      }),
    );
    await this.audit.record({
      action: 'staff_request.fulfil',
      entity: 'staff_request',
      entityId: request.id,
      countyId: request.countyId,
      before: staffRequestView(request, request.school),
      after: {
        ...staffRequestView(after, request.school),
        fulfilment: { postingId: posting.id, teacherId: posting.teacherId, fractionMilli: posting.fractionMilli },
      },
    });
    if (covered.covered) await this.notices.send('FULFIL', after, request.school.name, null, actor);
    return after;
  }
}

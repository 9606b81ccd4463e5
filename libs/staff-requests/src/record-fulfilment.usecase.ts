import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import {
  PostingRepository,
  StaffRequestEntity,
  StaffRequestFulfilmentEntity,
  StaffRequestRepository,
  TeacherRepository,
  TransactionHost,
} from '@app/database';
import { Actor, assertCountable, assertMayTake, coverage, NotFoundError, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { StaffRequestAccess } from './staff-request-access';
import { staffRequestEvent } from './staff-request-event';
import { StaffRequestNotices } from './staff-request-notices';
import { StaffRequestDetailView, staffRequestView } from './staff-request-view';

/**
 * A county officer records a posting at the request's school (a rotation, a shared posting, a transfer
 * or a new hire) against an approved request; once the postings recorded cover its headcount the request
 * is FULFILLED, in the same transaction, and the school's principals hear of it.
 */
@Injectable()
export class RecordFulfilmentUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly requests: StaffRequestRepository,
    private readonly postings: PostingRepository,
    private readonly teachers: TeacherRepository,
    private readonly access: StaffRequestAccess,
    private readonly notices: StaffRequestNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string; postingId: string }): Promise<StaffRequestDetailView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'record the fulfilment of staff requests');
    const scope = scopeOf(command.actor);
    const today = this.clock.today();
    return this.tx.run(async () => {
      const request = await this.access.forChange(scope, command.id);
      assertMayTake(request.status, 'RECORD_FULFILMENT');
      // Postings are visible exactly when their teacher is (an officer: the county's teachers).
      const posting = await this.postings.findInScope(scope, command.postingId, today);
      if (!posting) throw new NotFoundError('posting', command.postingId);
      const teacher = await this.teachers.findInScope(scope, posting.teacherId, today);
      if (!teacher) throw new NotFoundError('posting', command.postingId);
      const extras = await this.teachers.extraSubjectsOf(scope, [teacher.id], today);
      assertCountable(request, {
        schoolId: posting.schoolId,
        startDate: posting.startDate,
        endDate: posting.endDate,
        fractionMilli: posting.fractionMilli,
        teacherSubjects: [teacher.subject, ...extras.map((extra) => extra.subject)],
        countedFor: await this.requests.requestCounting(posting.id),
      });
      const now = this.clock.now();
      const fulfilment: StaffRequestFulfilmentEntity = {
        id: newId(),
        requestId: request.id,
        postingId: posting.id,
        teacherId: teacher.id,
        kind: posting.kind,
        startDate: posting.startDate,
        endDate: posting.endDate,
        fractionMilli: posting.fractionMilli,
        recordedAt: now,
        recordedBy: command.actor.userId,
        recordedByUsername: command.actor.username,
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
        staffRequestEvent(request.id, 'FULFILMENT_RECORDED', changes.status, command.actor, now, {
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
          fulfilment: { postingId: posting.id, teacherId: teacher.id, fractionMilli: posting.fractionMilli },
        },
      });
      if (covered.covered) await this.notices.send('FULFIL', after, request.school.name, null, command.actor);
      return this.access.detail(after);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository, StaffRequestRepository, TeacherRepository, TransactionHost } from '@app/database';
import { Actor, assertCountable, assertMayTake, NotFoundError, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { FulfilmentRecorder } from './fulfilment-recorder';
import { StaffRequestAccess } from './staff-request-access';
import { StaffRequestDetailView } from './staff-request-view';

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
    private readonly recorder: FulfilmentRecorder,
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
      const after = await this.recorder.record(command.actor, request, {
        id: posting.id,
        teacherId: teacher.id,
        kind: posting.kind,
        startDate: posting.startDate,
        endDate: posting.endDate,
        fractionMilli: posting.fractionMilli,
      });
      return this.access.detail(after);
    });
  }
}

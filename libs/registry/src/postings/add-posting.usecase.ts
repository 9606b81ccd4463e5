import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { PostingEntity, PostingRepository, TeacherRepository, TransactionHost } from '@app/database';
import { Actor, assertFits, assertPostingDates, fractionMilliOf, PostingKind, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { HeadcountRefresh } from '../headcount/headcount-refresh';
import { ShortageRescans } from '../shortages/shortage-rescans';
import { SchoolLookup } from '../schools/school-lookup';
import { TeacherLookup } from '../teachers/teacher-lookup';
import { postingView, PostingView } from '../views';

export interface AddPostingCommand {
  actor: Actor;
  teacherId: string;
  schoolId: string;
  startDate: string;
  endDate?: string | null;
  kind: PostingKind;
  fraction?: number;
}

/** Records where a teacher works (or worked): the invariant is that no day adds up to more than one full post. */
@Injectable()
export class AddPostingUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly teachers: TeacherRepository,
    private readonly postings: PostingRepository,
    private readonly teacherLookup: TeacherLookup,
    private readonly schoolLookup: SchoolLookup,
    private readonly headcount: HeadcountRefresh,
    private readonly rescans: ShortageRescans,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: AddPostingCommand): Promise<PostingView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'record postings');
    const fractionMilli = fractionMilliOf(command.fraction);
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const teacher = await this.teacherLookup.inScope(scope, command.teacherId);
      const school = await this.schoolLookup.inScope(scope, command.schoolId);
      const endDate = command.endDate ?? null;
      assertPostingDates({ startDate: command.startDate, endDate }, teacher.hireDate);

      await this.teachers.lock(teacher.id);
      const now = this.clock.now();
      const posting: PostingEntity = {
        id: newId(),
        teacherId: teacher.id,
        schoolId: school.id,
        startDate: command.startDate,
        endDate,
        kind: command.kind,
        fractionMilli,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      assertFits(await this.postings.ofTeacher(scope, teacher.id, this.clock.today()), posting);
      await this.postings.insert(posting);
      const view = postingView(posting, school.name);
      await this.audit.record({ action: 'posting.create', entity: 'posting', entityId: posting.id, countyId: teacher.countyId, after: view });
      await this.headcount.recount([school.id]);
      await this.rescans.request([school.id]);
      return view;
    });
  }
}

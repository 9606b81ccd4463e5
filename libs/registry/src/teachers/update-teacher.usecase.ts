import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository, TeacherEntity, TeacherRepository, TransactionHost } from '@app/database';
import { Actor, assertHireDateFits, REGISTRY_WRITERS, requireRole, scopeOf, validateTeacherFacts } from '@app/domain';
import { HeadcountRefresh } from '../headcount/headcount-refresh';
import { ShortageRescans } from '../shortages/shortage-rescans';
import { sentFields, VersionedEdit } from '../versioned-edit';
import { TeacherView } from '../views';
import { extraSubjectRows, StaffNoTakenError, TeacherProfile } from './create-teacher.usecase';
import { TeacherLookup } from './teacher-lookup';

export interface UpdateTeacherCommand extends Partial<TeacherProfile> {
  actor: Actor;
  id: string;
  version: number;
}

/** Changes a teacher's profile. Moving to another county is a transfer, not an edit. */
@Injectable()
export class UpdateTeacherUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly teachers: TeacherRepository,
    private readonly postings: PostingRepository,
    private readonly lookup: TeacherLookup,
    private readonly headcount: HeadcountRefresh,
    private readonly rescans: ShortageRescans,
    private readonly edit: VersionedEdit,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateTeacherCommand): Promise<TeacherView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'change teachers');
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const teacher = await this.lookup.inScope(scope, command.id);
      VersionedEdit.assertCurrent('teacher', teacher, command.version);
      const before = await this.lookup.view(scope, teacher);
      const next = {
        birthDate: command.birthDate ?? teacher.birthDate,
        hireDate: command.hireDate ?? teacher.hireDate,
        subject: command.subject ?? teacher.subject,
        extraSubjects: command.extraSubjects ?? before.extraSubjects,
        title: command.title ?? { level: teacher.titleLevel, since: teacher.titleSince },
        backbone: command.backbone ?? teacher.backbone,
      };
      validateTeacherFacts(next);
      if (
        command.staffNo !== undefined &&
        command.staffNo !== teacher.staffNo &&
        (await this.teachers.findByStaffNo(teacher.countyId, command.staffNo))
      ) {
        throw new StaffNoTakenError(teacher.countyId, command.staffNo);
      }
      if (next.hireDate !== teacher.hireDate) assertHireDateFits(next.hireDate, await this.postings.ofTeacher(scope, teacher.id, this.clock.today()));

      const changes: Partial<TeacherEntity> = {
        ...sentFields(command, ['staffNo', 'name', 'gender', 'birthDate', 'hireDate', 'onQuota', 'subject', 'backbone', 'psychology', 'post']),
        ...(command.title ? { titleLevel: command.title.level, titleSince: command.title.since ?? null } : {}),
        updatedAt: this.clock.now(),
      };
      const view = await this.edit.save({
        entity: 'teacher',
        action: 'teacher.update',
        id: teacher.id,
        countyId: teacher.countyId,
        expectedVersion: command.version,
        before,
        write: async () => {
          if (!(await this.teachers.update(teacher.id, command.version, changes))) return false;
          if (command.extraSubjects) await this.teachers.replaceExtraSubjects(teacher.id, extraSubjectRows(teacher.id, command.extraSubjects));
          return true;
        },
        after: async () => this.lookup.view(scope, await this.lookup.inScope(scope, teacher.id)),
      });
      if (command.onQuota !== undefined && command.onQuota !== teacher.onQuota) {
        await this.headcount.recount(view.currentPostings.map((p) => p.schoolId));
      }
      // What the teacher teaches counts in the shortages of the schools they are posted at.
      if (command.subject !== undefined || command.extraSubjects !== undefined || command.psychology !== undefined) {
        await this.rescans.request(view.currentPostings.map((p) => p.schoolId));
      }
      return view;
    });
  }
}

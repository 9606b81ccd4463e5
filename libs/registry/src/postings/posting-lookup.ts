import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingEntity, PostingRepository, SchoolRepository, TeacherEntity, TeacherRepository } from '@app/database';
import { NotFoundError, Scope } from '@app/domain';
import { VersionedEdit } from '../versioned-edit';
import { schoolNameOf } from '../views';

/** Loads a posting (with its teacher and the name of its school) for a change, checking scope and version. */
@Injectable()
export class PostingLookup {
  constructor(
    private readonly postings: PostingRepository,
    private readonly teachers: TeacherRepository,
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  async forChange(scope: Scope, id: string, version: number): Promise<{ posting: PostingEntity; teacher: TeacherEntity; schoolName: string }> {
    const posting = await this.postings.findInScope(scope, id, this.clock.today());
    if (!posting) throw new NotFoundError('posting', id);
    VersionedEdit.assertCurrent('posting', posting, version);
    // Postings are visible exactly when their teacher is, so this finds the teacher.
    const teacher = (await this.teachers.findInScope(scope, posting.teacherId, this.clock.today())) as TeacherEntity;
    await this.teachers.lock(teacher.id);
    const names = await this.schools.namesOfPostedSchools(scope, [posting.schoolId], [teacher.id], this.clock.today());
    return { posting, teacher, schoolName: schoolNameOf(names, posting.schoolId) };
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository, SchoolRepository, TeacherEntity, TeacherRepository } from '@app/database';
import { NotFoundError, Scope } from '@app/domain';
import { teacherView, TeacherView } from '../views';

/** Loads teachers in scope and builds their views. */
@Injectable()
export class TeacherLookup {
  constructor(
    private readonly teachers: TeacherRepository,
    private readonly postings: PostingRepository,
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  /** The teacher if the scope may see them; 404 otherwise, whether or not they exist. */
  async inScope(scope: Scope, id: string): Promise<TeacherEntity> {
    const teacher = await this.teachers.findInScope(scope, id, this.clock.today());
    if (!teacher) throw new NotFoundError('teacher', id);
    return teacher;
  }

  /** Views of several teachers with extra subjects and today's postings (with the schools' names): three queries whatever the count. */
  async views(scope: Scope, teachers: TeacherEntity[]): Promise<TeacherView[]> {
    const ids = teachers.map((t) => t.id);
    const today = this.clock.today();
    const [extras, current] = await Promise.all([this.teachers.extraSubjectsOf(scope, ids, today), this.postings.currentOf(scope, ids, today)]);
    const names = await this.schools.namesOfPostedSchools(
      scope,
      current.map((p) => p.schoolId),
      ids,
      today,
    );
    return teachers.map((t) => teacherView(t, extras, current, names));
  }

  async view(scope: Scope, teacher: TeacherEntity): Promise<TeacherView> {
    return (await this.views(scope, [teacher]))[0];
  }
}

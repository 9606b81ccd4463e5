import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository, SchoolRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { TeacherLookup } from '../teachers/teacher-lookup';
import { postingView, PostingView, schoolNameOf } from '../views';

/** A teacher's whole posting history, oldest first, with the schools' names. */
@Injectable()
export class ListPostingsUseCase {
  constructor(
    private readonly lookup: TeacherLookup,
    private readonly postings: PostingRepository,
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; teacherId: string }): Promise<PostingView[]> {
    const scope = scopeOf(command.actor);
    const teacher = await this.lookup.inScope(scope, command.teacherId);
    const today = this.clock.today();
    const postings = await this.postings.ofTeacher(scope, teacher.id, today);
    const names = await this.schools.namesOfPostedSchools(
      scope,
      postings.map((p) => p.schoolId),
      [teacher.id],
      today,
    );
    return postings.map((p) => postingView(p, schoolNameOf(names, p.schoolId)));
  }
}

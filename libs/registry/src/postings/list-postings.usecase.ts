import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { TeacherLookup } from '../teachers/teacher-lookup';
import { postingView, PostingView } from '../views';

/** A teacher's whole posting history, oldest first. */
@Injectable()
export class ListPostingsUseCase {
  constructor(
    private readonly lookup: TeacherLookup,
    private readonly postings: PostingRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; teacherId: string }): Promise<PostingView[]> {
    const scope = scopeOf(command.actor);
    const teacher = await this.lookup.inScope(scope, command.teacherId);
    return (await this.postings.ofTeacher(scope, teacher.id, this.clock.today())).map(postingView);
  }
}

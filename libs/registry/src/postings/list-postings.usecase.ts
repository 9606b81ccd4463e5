import { Injectable } from '@nestjs/common';
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
  ) {}

  async execute(command: { actor: Actor; teacherId: string }): Promise<PostingView[]> {
    const teacher = await this.lookup.inScope(scopeOf(command.actor), command.teacherId);
    return (await this.postings.ofTeacher(teacher.id)).map(postingView);
  }
}

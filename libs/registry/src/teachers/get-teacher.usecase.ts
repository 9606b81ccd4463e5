import { Injectable } from '@nestjs/common';
import { Actor, scopeOf } from '@app/domain';
import { TeacherView } from '../views';
import { TeacherLookup } from './teacher-lookup';

@Injectable()
export class GetTeacherUseCase {
  constructor(private readonly lookup: TeacherLookup) {}

  async execute(command: { actor: Actor; id: string }): Promise<TeacherView> {
    return this.lookup.view(await this.lookup.inScope(scopeOf(command.actor), command.id));
  }
}

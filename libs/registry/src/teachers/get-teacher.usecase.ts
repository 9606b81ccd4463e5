import { Injectable } from '@nestjs/common';
import { Actor, scopeOf } from '@app/domain';
import { TeacherView } from '../views';
import { TeacherLookup } from './teacher-lookup';

@Injectable()
export class GetTeacherUseCase {
  constructor(private readonly lookup: TeacherLookup) {}

  async execute(command: { actor: Actor; id: string }): Promise<TeacherView> {
    const scope = scopeOf(command.actor);
    return this.lookup.view(scope, await this.lookup.inScope(scope, command.id));
  }
}

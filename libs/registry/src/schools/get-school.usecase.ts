import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { SchoolRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { schoolView, SchoolView } from '../views';
import { SchoolLookup } from './school-lookup';

@Injectable()
export class GetSchoolUseCase {
  constructor(
    private readonly lookup: SchoolLookup,
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<SchoolView> {
    const scope = scopeOf(command.actor);
    const school = await this.lookup.inScope(scope, command.id);
    return schoolView(school, await this.schools.classificationsOf(scope, [school.id]), this.clock.today());
  }
}

import { Injectable } from '@nestjs/common';
import { SchoolRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { ClassificationChangeView, classificationHistoryView } from '../views';
import { SchoolLookup } from './school-lookup';

/** A school's classification history, oldest first. */
@Injectable()
export class ListClassificationsUseCase {
  constructor(
    private readonly lookup: SchoolLookup,
    private readonly schools: SchoolRepository,
  ) {}

  async execute(command: { actor: Actor; schoolId: string }): Promise<ClassificationChangeView[]> {
    const scope = scopeOf(command.actor);
    const school = await this.lookup.inScope(scope, command.schoolId);
    return classificationHistoryView(await this.schools.classificationsOf(scope, [school.id]));
  }
}

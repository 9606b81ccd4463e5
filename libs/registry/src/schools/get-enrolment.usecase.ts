import { Injectable } from '@nestjs/common';
import { SchoolRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { enrolmentView, EnrolmentView } from '../views';
import { SchoolLookup } from './school-lookup';

/** A school's recorded enrolment years, newest first; with a school year, that year alone (none when it is not recorded). */
@Injectable()
export class GetEnrolmentUseCase {
  constructor(
    private readonly lookup: SchoolLookup,
    private readonly schools: SchoolRepository,
  ) {}

  async execute(command: { actor: Actor; schoolId: string; schoolYear?: number }): Promise<EnrolmentView[]> {
    const scope = scopeOf(command.actor);
    const school = await this.lookup.inScope(scope, command.schoolId);
    const years = await this.schools.enrolmentsOf(scope, school.id, command.schoolYear);
    const grades = await this.schools.gradesOf(
      scope,
      years.map((y) => y.id),
    );
    return years.map((y) => enrolmentView(y, grades));
  }
}

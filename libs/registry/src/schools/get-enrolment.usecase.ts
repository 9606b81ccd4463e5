import { Injectable } from '@nestjs/common';
import { SchoolRepository } from '@app/database';
import { Actor, NotFoundError, scopeOf } from '@app/domain';
import { enrolmentView, EnrolmentView } from '../views';
import { SchoolLookup } from './school-lookup';

/** A school's enrolment: every recorded year (newest first), or one year. */
@Injectable()
export class GetEnrolmentUseCase {
  constructor(
    private readonly lookup: SchoolLookup,
    private readonly schools: SchoolRepository,
  ) {}

  async list(command: { actor: Actor; schoolId: string }): Promise<EnrolmentView[]> {
    const scope = scopeOf(command.actor);
    const school = await this.lookup.inScope(scope, command.schoolId);
    const years = await this.schools.enrolmentsOf(scope, school.id);
    const grades = await this.schools.gradesOf(
      scope,
      years.map((y) => y.id),
    );
    return years.map((y) => enrolmentView(y, grades));
  }

  async execute(command: { actor: Actor; schoolId: string; schoolYear: number }): Promise<EnrolmentView> {
    const scope = scopeOf(command.actor);
    const school = await this.lookup.inScope(scope, command.schoolId);
    const [year] = await this.schools.enrolmentsOf(scope, school.id, command.schoolYear);
    if (!year) throw new NotFoundError('enrolment', `${school.id}/${command.schoolYear}`);
    return enrolmentView(year, await this.schools.gradesOf(scope, [year.id]));
  }
}

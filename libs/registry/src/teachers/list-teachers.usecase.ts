import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { ReferenceRepository, TeacherFilter, TeacherRepository } from '@app/database';
import { Actor, NotFoundError, requireRole, scopeOf } from '@app/domain';
import { SchoolLookup } from '../schools/school-lookup';
import { TeacherView } from '../views';
import { TeacherLookup } from './teacher-lookup';

/**
 * Teachers the caller may see, filtered and paged: officers their counties, a principal their
 * school's staff. A county or school filter outside the caller's reach answers 404.
 */
@Injectable()
export class ListTeachersUseCase {
  constructor(
    private readonly teachers: TeacherRepository,
    private readonly reference: ReferenceRepository,
    private readonly schools: SchoolLookup,
    private readonly lookup: TeacherLookup,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; filter: TeacherFilter; page: PageRequest }): Promise<Page<TeacherView>> {
    requireRole(command.actor, ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL'], 'list teachers');
    const scope = scopeOf(command.actor);
    if (command.filter.countyId && !(await this.reference.findCountyInScope(scope, command.filter.countyId))) {
      throw new NotFoundError('county', command.filter.countyId);
    }
    if (command.filter.schoolId) await this.schools.inScope(scope, command.filter.schoolId);
    const [rows, total] = await this.teachers.list(scope, command.filter, this.clock.today(), offsetOf(command.page), command.page.pageSize);
    return { items: await this.lookup.views(scope, rows), total, ...command.page };
  }
}

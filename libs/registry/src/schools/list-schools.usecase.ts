import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { SchoolFilter, SchoolRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { schoolView, SchoolView } from '../views';

/**
 * Schools the caller may see, filtered and paged (by location and weak as classified on `asOf`,
 * default today), with their classification on that day. Two queries a page.
 */
@Injectable()
export class ListSchoolsUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: {
    actor: Actor;
    filter: Omit<SchoolFilter, 'classifiedOn'> & { asOf?: string };
    page: PageRequest;
  }): Promise<Page<SchoolView>> {
    const scope = scopeOf(command.actor);
    const { asOf, ...filter } = command.filter;
    const day = asOf ?? this.clock.today();
    const [rows, total] = await this.schools.list(scope, { ...filter, classifiedOn: day }, offsetOf(command.page), command.page.pageSize);
    const classifications = await this.schools.classificationsOf(
      scope,
      rows.map((s) => s.id),
    );
    return { items: rows.map((s) => schoolView(s, classifications, day)), total, ...command.page };
  }
}

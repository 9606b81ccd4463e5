import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { SchoolFilter, SchoolRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { schoolView, SchoolView } from '../views';

/** Schools the caller may see, filtered and paged, with today's classification. Two queries a page. */
@Injectable()
export class ListSchoolsUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; filter: SchoolFilter; page: PageRequest }): Promise<Page<SchoolView>> {
    const scope = scopeOf(command.actor);
    const [rows, total] = await this.schools.list(scope, command.filter, offsetOf(command.page), command.page.pageSize);
    const classifications = await this.schools.classificationsOf(
      scope,
      rows.map((s) => s.id),
    );
    const today = this.clock.today();
    return { items: rows.map((s) => schoolView(s, classifications, today)), total, ...command.page };
  }
}

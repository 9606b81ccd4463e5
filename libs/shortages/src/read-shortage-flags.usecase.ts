import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { ReferenceRepository, ShortageFlagFilter, ShortageFlagRepository } from '@app/database';
import { Actor, NotFoundError, requireRole, Role, scopeOf } from '@app/domain';
import { SchoolLookup } from '@app/registry';
import { flagDetailView, flagView, ShortageFlagDetailView, ShortageFlagView } from './shortage-views';

/** Who reads shortage flags: officers in their reach, a principal their own school's; teachers do not. */
const FLAG_READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL'];

/** Shortage flags in the caller's reach: the list (most severe first) and one flag with its explanation. */
@Injectable()
export class ReadShortageFlagsUseCase {
  constructor(
    private readonly flags: ShortageFlagRepository,
    private readonly reference: ReferenceRepository,
    private readonly schools: SchoolLookup,
  ) {}

  async get(command: { actor: Actor; id: string }): Promise<ShortageFlagDetailView> {
    requireRole(command.actor, FLAG_READERS, 'read shortage flags');
    const flag = await this.flags.findInScope(scopeOf(command.actor), command.id);
    if (!flag) throw new NotFoundError('shortage flag', command.id);
    return flagDetailView(flag);
  }

  async list(command: { actor: Actor; filter: ShortageFlagFilter; page: PageRequest }): Promise<Page<ShortageFlagView>> {
    requireRole(command.actor, FLAG_READERS, 'read shortage flags');
    const scope = scopeOf(command.actor);
    if (command.filter.countyId && !(await this.reference.findCountyInScope(scope, command.filter.countyId))) {
      throw new NotFoundError('county', command.filter.countyId);
    }
    if (command.filter.schoolId) await this.schools.inScope(scope, command.filter.schoolId);
    const [rows, total] = await this.flags.list(scope, command.filter, offsetOf(command.page), command.page.pageSize);
    return { items: rows.map(flagView), total, ...command.page };
  }
}

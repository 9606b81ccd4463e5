import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { CountyEntity, QuotaRepository } from '@app/database';
import { Actor, schoolYearOf, unallocatedOf } from '@app/domain';
import { QuotaAccess } from './quota-access';
import type { CountyQuotaView } from './staffing-views';

/** A county's quota pool for a year (the current school year by default): approved total, allocations per school, what is left. */
@Injectable()
export class GetCountyQuotaUseCase {
  constructor(
    private readonly access: QuotaAccess,
    private readonly quotas: QuotaRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; countyId: string; year?: number }): Promise<CountyQuotaView> {
    const county = await this.access.countyForRead(command.actor, command.countyId);
    return this.view(county, command.year ?? schoolYearOf(this.clock.today()));
  }

  /** The pool as it stands (inside the caller's transaction when there is one): two queries. */
  async view(county: CountyEntity, year: number): Promise<CountyQuotaView> {
    const approved = await this.quotas.findCounty(county.id, year);
    const schools = await this.quotas.countyAllocations(county.id, year);
    const allocated = schools.reduce((total, school) => total + (school.allocated ?? 0), 0);
    const approvedTotal = approved?.approvedTotal ?? null;
    return {
      countyId: county.id,
      countyName: county.name,
      year,
      approvedTotal,
      allocated,
      unallocated: unallocatedOf({ approvedTotal, allocated }),
      version: approved?.version ?? null,
      updatedAt: approved ? new Date(approved.updatedAt).toISOString() : null,
      schools,
    };
  }
}

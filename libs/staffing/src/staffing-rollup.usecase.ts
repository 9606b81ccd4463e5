import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { ReferenceRepository, StaffingReach, StaffingReportRepository } from '@app/database';
import { Actor, ForbiddenError, groupBy, NotFoundError, requireRole, Role, scopeOf, staffingDayOf, unallocatedOf } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { computeLine, totalsOf } from './staffing-lines';
import type { StaffingRollup } from './staffing-views';

const ROLLUP_READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER'];

/**
 * The staffing of every county of a city (a city officer's own; the administrator's choice) or of the province: per
 * county the pool, the schools' standard quotas, allocations, headcounts, vacancies and open flags summed, and the
 * schools over and under. Set-based: the same six statements as a county report, over the whole reach.
 */
@Injectable()
export class StaffingRollupUseCase {
  constructor(
    private readonly staffing: StaffingReportRepository,
    private readonly reference: ReferenceRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; cityId?: string; year?: number; asOf?: string }): Promise<StaffingRollup> {
    requireRole(command.actor, ROLLUP_READERS, 'read a staffing roll-up');
    const scope = scopeOf(command.actor);
    let cityId: string | null = command.cityId ?? null;
    if (scope.level === 'CITY') {
      if (cityId !== null && cityId !== scope.cityId) throw new NotFoundError('city', cityId);
      cityId = scope.cityId;
    } else if (scope.level !== 'PROVINCE') {
      throw new ForbiddenError('Only city officers and the administrator read roll-ups');
    }
    if (cityId !== null && !(await this.reference.findCity(cityId))) throw new NotFoundError('city', cityId);
    const { year, asOf } = staffingDayOf(this.clock.today(), command.year, command.asOf);
    const policy = await this.policy.inForce(asOf);
    const reach: StaffingReach = cityId === null ? { province: true } : { cityId };
    const [counties, rows, approved] = await Promise.all([
      cityId === null ? this.reference.listCounties() : this.reference.listCounties(cityId),
      this.staffing.schools(scope, reach, asOf, year, year),
      this.staffing.approvedTotals(scope, reach, year),
    ]);
    const computed = rows.map((row) => ({ countyId: row.countyId, line: computeLine(row, policy.parameters.quota) }));
    const linesOf = groupBy(computed, (entry) => entry.countyId);
    const countyLines = counties.map((county) => {
      const totals = totalsOf((linesOf.get(county.id) ?? []).map((entry) => entry.line));
      const approvedTotal = approved.get(county.id) ?? null;
      return {
        countyId: county.id,
        countyName: county.name,
        cityId: county.cityId,
        approvedTotal,
        allocated: totals.allocatedQuota,
        unallocated: unallocatedOf({ approvedTotal, allocated: totals.allocatedQuota }),
        ...totals,
      };
    });
    return {
      cityId,
      year,
      asOf,
      policyVersion: policy.version,
      totals: {
        ...totalsOf(computed.map((entry) => entry.line)),
        approvedTotal: [...approved.values()].reduce((sum, total) => sum + total, 0),
        countiesWithoutApprovedTotal: counties.filter((county) => !approved.has(county.id)).length,
      },
      counties: countyLines,
    };
  }
}

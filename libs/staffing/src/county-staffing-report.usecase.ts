import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { StaffingReportRepository } from '@app/database';
import { Actor, scopeOf, staffingDayOf, unallocatedOf } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { QuotaAccess } from './quota-access';
import { computeLine, extremesOf, totalsOf } from './staffing-lines';
import type { CountyStaffingReport } from './staffing-views';

/**
 * A county's staffing report for a school year, judged on a day: every school with its standard quota, allocation,
 * on-quota headcount, vacancy and open shortage flags; the county's totals and pool; the schools over and under their
 * allocation. Set-based: six statements for the whole county (StaffingReportRepository), whatever its size. Officers.
 */
@Injectable()
export class CountyStaffingReportUseCase {
  constructor(
    private readonly access: QuotaAccess,
    private readonly staffing: StaffingReportRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; countyId: string; year?: number; asOf?: string }): Promise<CountyStaffingReport> {
    const county = await this.access.countyForRead(command.actor, command.countyId);
    const { year, asOf } = staffingDayOf(this.clock.today(), command.year, command.asOf);
    const policy = await this.policy.inForce(asOf);
    const scope = scopeOf(command.actor);
    const reach = { countyId: county.id };
    const [rows, approved] = await Promise.all([
      this.staffing.schools(scope, reach, asOf, year, year),
      this.staffing.approvedTotals(scope, reach, year),
    ]);
    const lines = rows.map((row) => computeLine(row, policy.parameters.quota));
    const totals = totalsOf(lines);
    const approvedTotal = approved.get(county.id) ?? null;
    return {
      countyId: county.id,
      countyName: county.name,
      year,
      asOf,
      policyVersion: policy.version,
      pool: { approvedTotal, allocated: totals.allocatedQuota, unallocated: unallocatedOf({ approvedTotal, allocated: totals.allocatedQuota }) },
      totals,
      schools: lines.map((l) => l.line),
      ...extremesOf(lines),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { StaffingReportRepository } from '@app/database';
import { Actor, scopeOf, staffingDayOf, standardQuota } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { QuotaAccess } from './quota-access';
import { computeLine } from './staffing-lines';
import type { SchoolStaffingView } from './staffing-views';

/**
 * A school's staffing on a day (today by default): its standard quota with the breakdown of the rules that produced
 * it, its allocated quota for the school year of the day, its on-quota headcount and vacancy, its open shortage flags.
 * Officers in reach and the school's principal.
 */
@Injectable()
export class SchoolStaffingUseCase {
  constructor(
    private readonly access: QuotaAccess,
    private readonly staffing: StaffingReportRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; schoolId: string; asOf?: string }): Promise<SchoolStaffingView> {
    const school = await this.access.schoolForRead(command.actor, command.schoolId);
    const { year, asOf } = staffingDayOf(this.clock.today(), undefined, command.asOf);
    const policy = await this.policy.inForce(asOf);
    const [row] = await this.staffing.schools(scopeOf(command.actor), { schoolId: school.id }, asOf, year, year);
    const { line } = computeLine(row, policy.parameters.quota);
    const quota = standardQuota(row, policy.parameters.quota);
    return {
      ...line,
      countyId: row.countyId,
      asOf,
      year,
      boarders: quota?.boarders ?? null,
      breakdown: [...(quota?.breakdown ?? [])],
      smallSchool: quota?.smallSchool ?? null,
      policyVersion: policy.version,
    };
  }
}

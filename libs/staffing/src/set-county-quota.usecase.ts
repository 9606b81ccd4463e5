import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { QuotaRepository, TransactionHost } from '@app/database';
import { Actor, assertApprovedTotalCovers } from '@app/domain';
import { GetCountyQuotaUseCase } from './get-county-quota.usecase';
import { QuotaAccess } from './quota-access';
import { quotaChange } from './quota-change';
import type { CountyQuotaView } from './staffing-views';

export interface SetCountyQuotaCommand {
  actor: Actor;
  countyId: string;
  year: number;
  approvedTotal: number;
  reason?: string;
}

/**
 * Enters or changes a county's approved total (核定编制总数) for a year: never below what its schools are allocated
 * already (422 QUOTA_BELOW_ALLOCATED). The county's row is locked for the write, so an allocation made at the same
 * moment is judged against the total before or after, never half of each. The change is audit-logged and kept in the
 * county's quota history; setting the total it already has changes nothing.
 */
@Injectable()
export class SetCountyQuotaUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: QuotaAccess,
    private readonly quotas: QuotaRepository,
    private readonly pool: GetCountyQuotaUseCase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: SetCountyQuotaCommand): Promise<CountyQuotaView> {
    const county = await this.access.countyForWrite(command.actor, command.countyId);
    const { year, approvedTotal } = command;
    return this.tx.run(async () => {
      const now = this.clock.now();
      let current = await this.quotas.lockCounty(county.id, year);
      const allocated = await this.quotas.allocatedSum(county.id, year);
      assertApprovedTotalCovers(approvedTotal, { approvedTotal: current?.approvedTotal ?? null, allocated });
      if (!current) {
        if (await this.quotas.insertCounty({ countyId: county.id, year, approvedTotal, version: 1, updatedAt: now })) {
          await this.record(command, county.id, null, now);
          return this.pool.view(county, year);
        }
        // Another officer entered the first total a moment ago: change theirs, judged as it now stands.
        current = await this.quotas.lockCounty(county.id, year);
        if (!current) throw new Error(`the approved total of county ${county.id} for ${year} was neither written nor found`);
        assertApprovedTotalCovers(approvedTotal, {
          approvedTotal: current.approvedTotal,
          allocated: await this.quotas.allocatedSum(county.id, year),
        });
      }
      if (current.approvedTotal !== approvedTotal) {
        await this.quotas.updateCounty(county.id, year, approvedTotal, now);
        await this.record(command, county.id, current.approvedTotal, now);
      }
      return this.pool.view(county, year);
    });
  }

  private async record(command: SetCountyQuotaCommand, countyId: string, previous: number | null, at: Date): Promise<void> {
    const reason = command.reason?.trim() || null;
    await this.quotas.insertChanges([
      quotaChange(command.actor, at, {
        countyId,
        schoolId: null,
        year: command.year,
        kind: 'APPROVED_TOTAL',
        previousValue: previous,
        newValue: command.approvedTotal,
        reason,
      }),
    ]);
    await this.audit.record({
      action: 'quota.approve-total',
      entity: 'county_quota',
      entityId: countyId,
      countyId,
      before: previous === null ? null : { countyId, year: command.year, approvedTotal: previous },
      after: { countyId, year: command.year, approvedTotal: command.approvedTotal, reason },
    });
  }
}

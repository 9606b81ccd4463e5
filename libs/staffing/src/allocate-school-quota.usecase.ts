import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { QuotaRepository, TransactionHost } from '@app/database';
import { Actor, assertAllocationFits, unallocatedOf } from '@app/domain';
import { QuotaAccess } from './quota-access';
import { quotaChange } from './quota-change';
import type { SchoolAllocationView } from './staffing-views';

export interface AllocateSchoolQuotaCommand {
  actor: Actor;
  schoolId: string;
  year: number;
  allocated: number;
  reason?: string;
}

/**
 * Sets a school's allocation for a year from its county's pool. The county must have an approved total for the year
 * (422 QUOTA_NOT_APPROVED) and the county's allocations must stay within it (422 QUOTA_POOL_EXCEEDED). The county's
 * row is locked first (MySQL/MariaDB: SELECT … FOR UPDATE), so that two officers allocating at the same moment are
 * judged one after the other, each against the sum the other left. Audit-logged and kept in the school's history;
 * setting the allocation it already has changes nothing.
 */
@Injectable()
export class AllocateSchoolQuotaUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: QuotaAccess,
    private readonly quotas: QuotaRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: AllocateSchoolQuotaCommand): Promise<SchoolAllocationView> {
    const school = await this.access.schoolForWrite(command.actor, command.schoolId);
    const { year, allocated } = command;
    return this.tx.run(async () => {
      const approved = await this.quotas.lockCounty(school.countyId, year);
      const sum = await this.quotas.allocatedSum(school.countyId, year);
      const [current] = await this.quotas.allocationsOf([school.id], year);
      const previous = current?.allocated ?? null;
      const approvedTotal = approved?.approvedTotal ?? null;
      assertAllocationFits({ approvedTotal, allocated: sum }, previous ?? 0, allocated);
      const after = sum - (previous ?? 0) + allocated;
      if (previous !== allocated) {
        const now = this.clock.now();
        const reason = command.reason?.trim() || null;
        await this.quotas.saveAllocation({ schoolId: school.id, year, countyId: school.countyId, allocated, updatedAt: now }, current !== undefined);
        await this.quotas.insertChanges([
          quotaChange(command.actor, now, {
            countyId: school.countyId,
            schoolId: school.id,
            year,
            kind: 'ALLOCATION',
            previousValue: previous,
            newValue: allocated,
            reason,
          }),
        ]);
        await this.audit.record({
          action: 'quota.allocate',
          entity: 'school_quota_allocation',
          entityId: school.id,
          countyId: school.countyId,
          before: previous === null ? null : { schoolId: school.id, year, allocated: previous },
          after: { schoolId: school.id, year, allocated, reason },
        });
      }
      return {
        schoolId: school.id,
        code: school.code,
        name: school.name,
        countyId: school.countyId,
        year,
        allocated,
        previous,
        pool: { approvedTotal, allocated: after, unallocated: unallocatedOf({ approvedTotal, allocated: after }) },
      };
    });
  }
}

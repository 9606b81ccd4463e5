import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { QuotaRepository, SchoolEntity, TransactionHost } from '@app/database';
import { Actor, assertMovable, NotFoundError, planQuotaMove, unallocatedOf, ValidationFailedError } from '@app/domain';
import { QuotaAccess } from './quota-access';
import { quotaChange } from './quota-change';
import type { QuotaMoveView } from './staffing-views';

export interface MoveQuotaCommand {
  actor: Actor;
  countyId: string;
  fromSchoolId: string;
  toSchoolId: string;
  amount: number;
  year: number;
  reason: string;
}

/**
 * Moves quota between two schools of a county for a year (动态管理: between urban and rural schools, stages, schools
 * and groups), as one write: both allocations change, the history gets both sides (MOVE_OUT, MOVE_IN, sharing the
 * move's id) and the audit log one entry, or nothing is written at all. The school giving keeps 0 or more (422
 * QUOTA_MOVE_EXCEEDS_ALLOCATION); the county's total of allocations is unchanged. Both schools must belong to the
 * county (404 otherwise) and differ (400).
 */
@Injectable()
export class MoveQuotaUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: QuotaAccess,
    private readonly quotas: QuotaRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: MoveQuotaCommand): Promise<QuotaMoveView> {
    assertMovable(command.fromSchoolId, command.toSchoolId, command.amount);
    if (command.reason.trim() === '') throw ValidationFailedError.field('reason', 'must say why the quota moves');
    const county = await this.access.countyForWrite(command.actor, command.countyId);
    const { year, amount } = command;
    const reason = command.reason.trim();
    return this.tx.run(async () => {
      const approved = await this.quotas.lockCounty(county.id, year);
      const schools = await this.quotas.schoolsOfCounty(county.id, [command.fromSchoolId, command.toSchoolId]);
      const schoolOf = (id: string): SchoolEntity => {
        const school = schools.find((s) => s.id === id);
        if (!school) throw new NotFoundError('school', id);
        return school;
      };
      const from = schoolOf(command.fromSchoolId);
      const to = schoolOf(command.toSchoolId);
      const allocations = await this.quotas.allocationsOf([from.id, to.id], year);
      const fromRow = allocations.find((a) => a.schoolId === from.id);
      const toRow = allocations.find((a) => a.schoolId === to.id);
      const allocated = await this.quotas.allocatedSum(county.id, year);
      const approvedTotal = approved?.approvedTotal ?? null;
      const plan = planQuotaMove(
        { approvedTotal, allocated },
        { schoolId: from.id, allocated: fromRow?.allocated ?? 0 },
        { schoolId: to.id, allocated: toRow?.allocated ?? 0 },
        amount,
      );

      const now = this.clock.now();
      const moveId = newId();
      await this.quotas.saveAllocation({ schoolId: from.id, year, countyId: county.id, allocated: plan.from, updatedAt: now }, fromRow !== undefined);
      await this.quotas.saveAllocation({ schoolId: to.id, year, countyId: county.id, allocated: plan.to, updatedAt: now }, toRow !== undefined);
      await this.quotas.insertChanges([
        quotaChange(command.actor, now, {
          countyId: county.id,
          schoolId: from.id,
          year,
          kind: 'MOVE_OUT',
          previousValue: fromRow?.allocated ?? null,
          newValue: plan.from,
          moveId,
          otherSchoolId: to.id,
          reason,
        }),
        quotaChange(command.actor, now, {
          countyId: county.id,
          schoolId: to.id,
          year,
          kind: 'MOVE_IN',
          previousValue: toRow?.allocated ?? null,
          newValue: plan.to,
          moveId,
          otherSchoolId: from.id,
          reason,
        }),
      ]);
      const view: QuotaMoveView = {
        moveId,
        countyId: county.id,
        year,
        amount,
        reason,
        from: { schoolId: from.id, code: from.code, name: from.name, allocated: plan.from },
        to: { schoolId: to.id, code: to.code, name: to.name, allocated: plan.to },
        pool: { approvedTotal, allocated, unallocated: unallocatedOf({ approvedTotal, allocated }) },
      };
      await this.audit.record({
        action: 'quota.move',
        entity: 'quota_move',
        entityId: moveId,
        countyId: county.id,
        before: {
          year,
          from: { schoolId: from.id, allocated: fromRow?.allocated ?? null },
          to: { schoolId: to.id, allocated: toRow?.allocated ?? null },
        },
        after: view,
      });
      return view;
    });
  }
}

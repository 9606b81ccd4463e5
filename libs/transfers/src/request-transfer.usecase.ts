import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { ReferenceRepository, SchoolEntity, TransferEntity, TransferRepository, TransactionHost } from '@app/database';
import {
  Actor,
  checkPoaching,
  PoachingCheck,
  PROVINCE_SCOPE,
  REGISTRY_WRITERS,
  requiredReason,
  requireRole,
  RuleViolationError,
  scopeOf,
  statusOfNewTransfer,
  Zone,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { SchoolLookup, TeacherLookup } from '@app/registry';
import { TransferExecution } from './transfer-execution';
import { TransferNotices } from './transfer-notices';
import { TransferView, transferView } from './transfer-view';

export interface RequestTransferCommand {
  actor: Actor;
  teacherId: string;
  toSchoolId: string;
  effectiveDate: string;
  reason: string;
}

/**
 * A county officer (or the administrator) transfers a teacher of their county to another school
 * (docs/rules.md, "Transfers"). The posting rules are checked first, so that a transfer they refuse
 * leaves nothing behind. Then the anti-poaching rule, under the policy in force on the effective date,
 * with the zones of the cities of both schools: a transfer it refuses is kept as BLOCKED with its audit
 * entry and the province administrators are told, and only once that is committed does the caller get
 * 422 SUBEI_POACHING_BLOCKED, with the transfer's id beside the rule's reason. Otherwise a transfer within
 * the county is executed at once (its postings written in the same transaction), and one to another
 * county waits, PENDING, for that county's officers.
 */
@Injectable()
export class RequestTransferUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly transfers: TransferRepository,
    private readonly reference: ReferenceRepository,
    private readonly teacherLookup: TeacherLookup,
    private readonly schoolLookup: SchoolLookup,
    private readonly policies: PolicyStore,
    private readonly execution: TransferExecution,
    private readonly notices: TransferNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestTransferCommand): Promise<TransferView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'transfer teachers');
    const reason = requiredReason(command.reason, 'reason');
    const outcome = await this.tx.run(async () => {
      // A teacher of another county answers 404; the destination may be any school of the province.
      const teacher = await this.teacherLookup.inScope(scopeOf(command.actor), command.teacherId);
      const toSchool = await this.schoolLookup.inScope(PROVINCE_SCOPE, command.toSchoolId);
      const writes = await this.execution.check({ teacherId: teacher.id, toSchoolId: toSchool.id, effectiveDate: command.effectiveDate });
      const fromSchool = await this.schoolLookup.inScope(PROVINCE_SCOPE, writes.fromSchoolId);
      const policy = await this.policies.inForce(command.effectiveDate);
      const outstanding = { backbone: teacher.backbone, title: teacher.titleLevel, post: teacher.post };
      const poaching = checkPoaching(outstanding, await this.zoneOf(fromSchool), await this.zoneOf(toSchool), policy.parameters);
      const crossCounty = teacher.countyId !== toSchool.countyId;
      const now = this.clock.now();
      const transfer: TransferEntity = {
        id: newId(),
        teacherId: teacher.id,
        fromSchoolId: fromSchool.id,
        fromCountyId: teacher.countyId,
        toSchoolId: toSchool.id,
        toCountyId: toSchool.countyId,
        effectiveDate: command.effectiveDate,
        reason,
        status: statusOfNewTransfer(poaching.blocked, crossCounty),
        poachingBlocked: poaching.blocked,
        poachingReasonZh: poaching.reason.zh,
        poachingReasonEn: poaching.reason.en,
        policyVersion: policy.version,
        exceptionBy: null,
        exceptionByUsername: null,
        exceptionAt: null,
        exceptionReason: null,
        decidedBy: null,
        decidedByUsername: null,
        decidedAt: null,
        decisionNote: null,
        executedAt: null,
        postingId: null,
        cancelledAt: null,
        createdBy: command.actor.userId,
        createdByUsername: command.actor.username,
        createdAt: now,
        version: 1,
        updatedAt: now,
      };
      await this.transfers.insert(transfer);
      const names = { teacherName: teacher.name, staffNo: teacher.staffNo, fromSchoolName: fromSchool.name, toSchoolName: toSchool.name };
      if (transfer.status === 'EXECUTED') {
        const executed = await this.execution.execute(transfer, { from: fromSchool.name, to: toSchool.name });
        const changes = { executedAt: now, postingId: executed.postingId };
        await this.transfers.update(transfer.id, changes);
        Object.assign(transfer, changes, { version: transfer.version + 1 });
      }
      const view = transferView(transfer, names);
      await this.audit.record({
        action: poaching.blocked ? 'transfer.block' : 'transfer.request',
        entity: 'transfer',
        entityId: transfer.id,
        countyId: transfer.fromCountyId,
        after: { ...view, poachingCheck: detailsOf(poaching) },
      });
      if (transfer.status === 'BLOCKED') await this.notices.send('BLOCKED', transfer, names, command.actor);
      if (transfer.status === 'PENDING') await this.notices.send('PENDING', transfer, names, command.actor);
      if (transfer.status === 'EXECUTED') await this.notices.send('EXECUTED', transfer, names, command.actor);
      return { view, poaching };
    });
    // The blocked attempt and its audit entry are committed: now refuse, naming the transfer kept for an exception.
    if (outcome.poaching.blocked) {
      throw new RuleViolationError('SUBEI_POACHING_BLOCKED', outcome.poaching.reason.en, {
        ...detailsOf(outcome.poaching),
        transferId: outcome.view.id,
      });
    }
    return outcome.view;
  }

  private async zoneOf(school: SchoolEntity): Promise<Zone> {
    const county = await this.reference.findCounty(school.countyId);
    const city = county ? await this.reference.findCity(county.cityId) : null;
    if (!city) throw new Error(`school ${school.id} has no city (county ${school.countyId})`);
    return city.zone;
  }
}

/** What the 422 and the audit entry say of the check: the reason, the zones and the grounds (as assertNotPoaching words them). */
function detailsOf(check: PoachingCheck): Record<string, unknown> {
  return { reason: check.reason, fromZone: check.fromZone, toZone: check.toZone, grounds: check.grounds };
}

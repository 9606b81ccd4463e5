import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { SchoolRepository, StaffRequestEntity, StaffRequestRepository, TransactionHost } from '@app/database';
import {
  Actor,
  assertCitable,
  assertJustified,
  quotaCheck,
  reasonOf,
  requireRole,
  schoolYearOf,
  scopeOf,
  Subject,
  ValidationFailedError,
} from '@app/domain';
import { SchoolLookup } from '@app/registry';
import { StaffRequestAccess } from './staff-request-access';
import { staffRequestEvent } from './staff-request-event';
import { StaffRequestNotices } from './staff-request-notices';
import { StaffRequestDetailView, staffRequestView } from './staff-request-view';

export interface SubmitStaffRequestCommand {
  actor: Actor;
  schoolId: string;
  subject: Subject;
  headcount: number;
  neededFrom: string;
  reason?: string;
  flagIds?: string[];
}

/**
 * A principal asks the county for staff for their school (docs/rules.md, "Staff requests"): cited flags
 * must be open flags of the school, and a request that would take the school above its allocated quota
 * must say why. The county's officers hear of it.
 */
@Injectable()
export class SubmitStaffRequestUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly requests: StaffRequestRepository,
    private readonly schools: SchoolRepository,
    private readonly lookup: SchoolLookup,
    private readonly access: StaffRequestAccess,
    private readonly notices: StaffRequestNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitStaffRequestCommand): Promise<StaffRequestDetailView> {
    requireRole(command.actor, ['PRINCIPAL'], 'ask for staff (principals ask for their own school)');
    const today = this.clock.today();
    if (command.neededFrom < today) throw ValidationFailedError.field('neededFrom', `cannot be in the past (today is ${today})`);
    const flagIds = command.flagIds ?? [];
    return this.tx.run(async () => {
      // A principal's scope holds their own school only: any other answers 404.
      const school = await this.lookup.inScope(scopeOf(command.actor), command.schoolId);
      assertCitable(school.id, flagIds, await this.requests.flagsByIds(flagIds));
      const check = quotaCheck({
        neededFrom: command.neededFrom,
        allocated: await this.requests.allocationOf(school.id, schoolYearOf(command.neededFrom)),
        headcountMilli: await this.schools.onQuotaHeadcountMilli(school.id, command.neededFrom),
        requested: command.headcount,
      });
      const reason = reasonOf(command.reason);
      assertJustified(check, reason);
      const now = this.clock.now();
      const request: StaffRequestEntity = {
        id: newId(),
        countyId: school.countyId,
        schoolId: school.id,
        subject: command.subject,
        headcount: command.headcount,
        neededFrom: command.neededFrom,
        reason,
        status: 'SUBMITTED',
        quotaYear: check.year,
        allocatedQuota: check.allocated,
        headcountMilli: check.headcountMilli,
        overQuota: check.overQuota,
        coveredMilli: 0,
        submittedOn: today,
        submittedAt: now,
        submittedBy: command.actor.userId,
        submittedByUsername: command.actor.username,
        decidedAt: null,
        decidedBy: null,
        decidedByUsername: null,
        decisionNote: null,
        cancelledAt: null,
        fulfilledAt: null,
        version: 1,
        updatedAt: now,
      };
      await this.requests.insert(request, flagIds);
      await this.requests.insertEvent(staffRequestEvent(request.id, 'SUBMITTED', 'SUBMITTED', command.actor, now, { note: reason }));
      await this.audit.record({
        action: 'staff_request.submit',
        entity: 'staff_request',
        entityId: request.id,
        countyId: request.countyId,
        after: { ...staffRequestView(request, school), flagIds },
      });
      await this.notices.send('SUBMIT', request, school.name, reason, command.actor);
      return this.access.detail({ ...request, school });
    });
  }
}

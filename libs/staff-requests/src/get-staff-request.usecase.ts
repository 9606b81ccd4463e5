import { Injectable } from '@nestjs/common';
import { Actor, requireRole, scopeOf } from '@app/domain';
import { StaffRequestAccess } from './staff-request-access';
import { STAFF_REQUEST_READERS } from './staff-request-readers';
import { StaffRequestDetailView } from './staff-request-view';

/** One staff request with its cited flags, fulfilments and history, in the caller's reach. */
@Injectable()
export class GetStaffRequestUseCase {
  constructor(private readonly access: StaffRequestAccess) {}

  async execute(command: { actor: Actor; id: string }): Promise<StaffRequestDetailView> {
    requireRole(command.actor, STAFF_REQUEST_READERS, 'read staff requests');
    return this.access.detail(await this.access.inScope(scopeOf(command.actor), command.id));
  }
}

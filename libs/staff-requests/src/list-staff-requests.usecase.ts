import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { ReferenceRepository, StaffRequestFilter, StaffRequestRepository } from '@app/database';
import { Actor, NotFoundError, requireRole, scopeOf } from '@app/domain';
import { SchoolLookup } from '@app/registry';
import { STAFF_REQUEST_READERS } from './staff-request-readers';
import { staffRequestView, StaffRequestView } from './staff-request-view';

/** Staff requests in the caller's reach, newest first: officers their counties, a principal their own school; teachers none. */
@Injectable()
export class ListStaffRequestsUseCase {
  constructor(
    private readonly requests: StaffRequestRepository,
    private readonly reference: ReferenceRepository,
    private readonly schools: SchoolLookup,
  ) {}

  async execute(command: { actor: Actor; filter: StaffRequestFilter; page: PageRequest }): Promise<Page<StaffRequestView>> {
    requireRole(command.actor, STAFF_REQUEST_READERS, 'read staff requests');
    const scope = scopeOf(command.actor);
    if (command.filter.countyId && !(await this.reference.findCountyInScope(scope, command.filter.countyId))) {
      throw new NotFoundError('county', command.filter.countyId);
    }
    if (command.filter.schoolId) await this.schools.inScope(scope, command.filter.schoolId);
    const [rows, total] = await this.requests.list(scope, command.filter, offsetOf(command.page), command.page.pageSize);
    return { items: rows.map((row) => staffRequestView(row, row.school)), total, ...command.page };
  }
}

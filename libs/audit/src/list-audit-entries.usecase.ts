import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { AuditFilter, AuditLogEntity, AuditRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';

export interface ListAuditEntriesCommand {
  actor: Actor;
  filter: AuditFilter;
  page: PageRequest;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: { id: string | null; username: string; role: string };
  action: string;
  entity: string;
  entityId: string;
  countyId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** The audit trail of the caller's counties, newest first. */
@Injectable()
export class ListAuditEntriesUseCase {
  constructor(private readonly repository: AuditRepository) {}

  async execute(command: ListAuditEntriesCommand): Promise<Page<AuditEntryView>> {
    const [rows, total] = await this.repository.list(scopeOf(command.actor), command.filter, offsetOf(command.page), command.page.pageSize);
    return { items: rows.map(toView), total, ...command.page };
  }
}

function toView(row: AuditLogEntity): AuditEntryView {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: { id: row.actorId, username: row.actorUsername, role: row.actorRole },
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    countyId: row.countyId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}

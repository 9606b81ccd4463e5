import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@app/core';
import { AuditRepository } from '@app/database';

export interface AuditEntry {
  /** e.g. `school.create`, `posting.close`. */
  action: string;
  entity: string;
  entityId: string;
  /** The county the entity belongs to; null for province-level entities. */
  countyId: string | null;
  before?: object | null;
  after?: object | null;
}

/** Plain JSON of an entity or view: dates as strings, relations and undefined dropped. */
export function snapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * Writes one audit entry for a change, inside the change's transaction, with the signed-in
 * actor and request id of the current request ("system" when there is none, e.g. seeds).
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly repository: AuditRepository,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const actor = this.context.actor();
    await this.repository.insert({
      at: this.clock.now(),
      actorId: actor?.userId ?? null,
      actorUsername: actor?.username ?? 'system',
      actorRole: actor?.role ?? 'SYSTEM',
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      countyId: entry.countyId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      requestId: this.context.requestId(),
    });
  }
}

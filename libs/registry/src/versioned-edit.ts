import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { VersionConflictError } from '@app/domain';

export interface VersionedSave<V extends object> {
  entity: 'school' | 'teacher' | 'posting';
  /** The audit action, e.g. `school.update`, `posting.close`. */
  action: string;
  id: string;
  countyId: string;
  /** The version the client read and sent back. */
  expectedVersion: number;
  before: V;
  /** The update guarded by the version (UPDATE … WHERE version = expected); false when someone else wrote first. */
  write: () => Promise<boolean>;
  /** The record as it is after the write, as answered and audited. */
  after: () => Promise<V> | V;
}

/**
 * The skeleton every edit of the registry shares (optimistic locking): refuse a change made from a
 * stale read before checking anything else, write only if the version is still the one read, reload,
 * and audit before and after in the same transaction.
 */
@Injectable()
export class VersionedEdit {
  constructor(private readonly audit: AuditLog) {}

  /** 409 VERSION_CONFLICT when the stored record is no longer the version the client read. */
  static assertCurrent(entity: string, stored: { id: string; version: number }, expectedVersion: number): void {
    if (stored.version !== expectedVersion) throw new VersionConflictError(entity, stored.id, expectedVersion, stored.version);
  }

  async save<V extends object>(change: VersionedSave<V>): Promise<V> {
    if (!(await change.write())) throw new VersionConflictError(change.entity, change.id, change.expectedVersion);
    const after = await change.after();
    await this.audit.record({
      action: change.action,
      entity: change.entity,
      entityId: change.id,
      countyId: change.countyId,
      before: change.before,
      after,
    });
    return after;
  }
}

/** The fields of a partial update that the client sent (absent ones stay as they are). */
export function sentFields<C extends object, K extends keyof C>(command: C, fields: readonly K[]): { [P in K]?: Exclude<C[P], undefined> } {
  const sent: { [P in K]?: Exclude<C[P], undefined> } = {};
  for (const field of fields) {
    if (command[field] !== undefined) sent[field] = command[field] as Exclude<C[K], undefined>;
  }
  return sent;
}

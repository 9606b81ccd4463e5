import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { OutboxEntryEntity } from '../entities';
import { BulkRow, BulkWriter } from '../bulk-writer';
import { TransactionHost } from '../transaction-host';

export interface OutboxBacklog {
  /** Entries not yet handed to the queue. */
  pending: number;
  /** When the oldest of them was written (null when there are none). */
  oldestCreatedAt: Date | null;
}

/**
 * The outbox table: jobs that writes caused, waiting for the relay. Entries are claimed before
 * they are delivered, so that several relays (several API or worker processes) never hand the
 * same entry over at the same time:
 * - MySQL/MariaDB: the due rows are locked with `FOR UPDATE SKIP LOCKED` (another relay's
 *   rows are skipped, not waited for) and stamped with the claim in the same transaction;
 * - SQLite: a single `UPDATE … WHERE id IN (SELECT … LIMIT n)` takes the write lock for the whole
 *   claim (SQLite has one writer at a time, so two claims never interleave).
 * A claim is a lease: it sets `available_at` to the lease's end, so the entries of a relay that
 * died while delivering them become due again then.
 */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly bulk: BulkWriter,
  ) {}

  /** Stores entries in the current transaction (they exist exactly when the write commits), hundreds a statement. */
  async insert(entries: readonly OutboxEntryEntity[]): Promise<void> {
    await this.bulk.insert('outbox_entry', entries.map(outboxRow));
  }

  /**
   * Stores debounced entries in the current transaction, each unless one is already waiting under its `dedupeKey`
   * (unclaimed): one INSERT that skips the keys waiting, then one read of which were stored. Answers the ids stored.
   * Unique on the key, so two writes at the same moment store one.
   */
  async insertManyUnlessWaiting(entries: readonly OutboxEntryEntity[]): Promise<string[]> {
    if (entries.length === 0) return [];
    await this.bulk.insert('outbox_entry', entries.map(outboxRow), { skipDuplicates: true });
    const stored: string[] = [];
    for (let start = 0; start < entries.length; start += 500) {
      const ids = entries.slice(start, start + 500).map((e) => e.id);
      const rows = await this.tx.manager.query<{ id: string }[]>(`SELECT id FROM outbox_entry WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
      stored.push(...rows.map((r) => r.id));
    }
    return stored;
  }

  /** Whether any entry is due at `now`: a cheap look before taking a write lock to claim. */
  async anyDue(now: Date): Promise<boolean> {
    const row = await this.tx.manager
      .createQueryBuilder(OutboxEntryEntity, 'e')
      .select('e.id', 'id')
      .where('e.available_at <= :now', { now })
      .limit(1)
      .getRawOne<{ id: string }>();
    return row !== undefined;
  }

  /**
   * Claims up to `limit` entries due at `now` (only among `ids` when given), oldest first, for
   * `token` until `leaseUntil`, and returns them. Call inside a transaction.
   */
  async claim(token: string, now: Date, leaseUntil: Date, limit: number, ids?: string[]): Promise<OutboxEntryEntity[]> {
    if (ids && ids.length === 0) return [];
    const manager = this.tx.manager;
    const due = manager
      .createQueryBuilder(OutboxEntryEntity, 'due')
      .select('due.id', 'id')
      .where('due.available_at <= :now')
      .orderBy('due.available_at', 'ASC')
      .addOrderBy('due.id', 'ASC')
      .limit(limit);
    if (ids) due.andWhere('due.id IN (:...ids)');
    const parameters = ids ? { now, ids } : { now };
    const stamp = { claimToken: token, claimedAt: now, availableAt: leaseUntil, dedupeKey: null };

    if (this.tx.dialect === 'mysql') {
      const rows = await due.setParameters(parameters).setLock('pessimistic_write').setOnLocked('skip_locked').getRawMany<{ id: string }>();
      if (rows.length === 0) return [];
      await manager
        .createQueryBuilder()
        .update(OutboxEntryEntity)
        .set(stamp)
        .where('id IN (:...claimed)', { claimed: rows.map((row) => row.id) })
        .execute();
    } else {
      await manager.createQueryBuilder().update(OutboxEntryEntity).set(stamp).where(`id IN (${due.getQuery()})`).setParameters(parameters).execute();
    }
    return manager.find(OutboxEntryEntity, { where: { claimToken: token }, order: { id: 'ASC' } });
  }

  /** Removes delivered entries; only while `token` still holds their claim. */
  async remove(ids: string[], token: string): Promise<void> {
    if (ids.length > 0) await this.tx.manager.delete(OutboxEntryEntity, { id: In(ids), claimToken: token });
  }

  /** Gives a claimed entry back after a failed delivery: one more attempt, the error, due again at `availableAt`. */
  async release(id: string, token: string, error: string, availableAt: Date): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(OutboxEntryEntity)
      .set({ attempts: () => 'attempts + 1', lastError: error.slice(0, 500), claimToken: null, claimedAt: null, availableAt })
      .where('id = :id AND claim_token = :token', { id, token })
      .execute();
  }

  /** Gives claimed entries back untouched (due at `availableAt`), e.g. when the queue went away before they were tried. */
  async unclaim(ids: string[], token: string, availableAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.tx.manager
      .createQueryBuilder()
      .update(OutboxEntryEntity)
      .set({ claimToken: null, claimedAt: null, availableAt })
      .where('id IN (:...ids) AND claim_token = :token', { ids, token })
      .execute();
  }

  async backlog(): Promise<OutboxBacklog> {
    const manager = this.tx.manager;
    const [pending, oldest] = await Promise.all([
      manager.count(OutboxEntryEntity),
      manager.find(OutboxEntryEntity, { select: { id: true, createdAt: true }, order: { id: 'ASC' }, take: 1 }),
    ]);
    return { pending, oldestCreatedAt: oldest[0]?.createdAt ?? null };
  }
}

/** An entry as its table's row (the payload as JSON text, as its column writes it). */
function outboxRow(e: OutboxEntryEntity): BulkRow {
  return {
    id: e.id,
    job_name: e.jobName,
    payload: JSON.stringify(e.payload),
    created_at: e.createdAt,
    available_at: e.availableAt,
    attempts: e.attempts,
    last_error: e.lastError,
    claim_token: e.claimToken,
    claimed_at: e.claimedAt,
    dedupe_key: e.dedupeKey,
  };
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, newId } from '@app/core';
import { OutboxRepository, TransactionHost } from '@app/database';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { OutboxRelay } from './outbox-relay';

/** JobOutbox.add was called outside a transaction: the job would not be tied to any write. */
export class OutboxOutsideTransactionError extends Error {
  constructor(name: JobName) {
    super(`JobOutbox.add(${name}) was called outside a transaction: call it inside tx.run, next to the write that causes the job`);
    this.name = 'OutboxOutsideTransactionError';
  }
}

export interface OutboxOptions {
  /** Deliver no sooner than this many milliseconds after the write (default: at once). */
  delayMs?: number;
  /**
   * Debounce: while an entry under this key waits (not yet taken by a relay), adding another adds
   * nothing, so ten changes in the delay make one job. At most 120 characters.
   */
  dedupeKey?: string;
}

/**
 * How a use case queues work. Inside the `tx.run` of the write that causes it:
 *
 *     await this.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId });
 *
 * The job is stored in the outbox table in that same transaction, so it exists exactly when the
 * write does: a rollback drops it, a commit keeps it even if Redis is down or the process stops
 * right after. The OutboxRelay hands it to the queue once the transaction has committed; the
 * request never waits on Redis. Calling it outside a transaction throws.
 */
@Injectable()
export class JobOutbox {
  /** The entries each open transaction has recorded, to wake the relay once when it commits. */
  private readonly recorded = new WeakMap<EntityManager, string[]>();

  constructor(
    private readonly tx: TransactionHost,
    private readonly entries: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: OutboxOptions = {}): Promise<void> {
    await this.addMany(name, [{ payload, options }]);
  }

  /**
   * Several jobs of one name at once (a plan's schools, say), in as few statements as their number allows: the
   * entries without a key in one INSERT, those with a key (debounced) in one INSERT that skips the keys waiting.
   */
  async addMany<N extends JobName>(name: N, jobs: readonly { payload: JobPayloads[N]; options?: OutboxOptions }[]): Promise<void> {
    if (!this.tx.inTransaction) throw new OutboxOutsideTransactionError(name);
    if (jobs.length === 0) return;
    const now = this.clock.now();
    const entries = jobs.map(({ payload, options = {} }) => ({
      id: newId(),
      jobName: name,
      payload: { ...payload },
      createdAt: now,
      availableAt: new Date(now.getTime() + (options.delayMs ?? 0)),
      attempts: 0,
      lastError: null,
      claimToken: null,
      claimedAt: null,
      dedupeKey: options.dedupeKey ?? null,
    }));
    const plain = entries.filter((e) => e.dedupeKey === null);
    const keyed = entries.filter((e) => e.dedupeKey !== null);
    await this.entries.insert(plain);
    const stored = [...plain.map((e) => e.id), ...(keyed.length === 0 ? [] : await this.entries.insertManyUnlessWaiting(keyed))];
    if (stored.length === 0) return;
    const manager = this.tx.manager;
    let ids = this.recorded.get(manager);
    if (!ids) {
      const recorded: string[] = [];
      ids = recorded;
      this.recorded.set(manager, recorded);
      await this.tx.afterCommit(() => this.relay.afterCommit(recorded));
    }
    ids.push(...stored);
  }
}

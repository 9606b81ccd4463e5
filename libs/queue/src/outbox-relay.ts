import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, newId } from '@app/core';
import { OutboxEntryEntity, OutboxRepository, TransactionHost } from '@app/database';
import { JobPayloads } from './job-payloads';
import { JobQueue } from './job-queue';
import { isJobName } from './job-registry';

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

export interface OutboxRelayOptions {
  /** How often the relay looks for due entries besides being woken after each write (OUTBOX_POLL_MS). */
  pollMs: number;
  /** Entries claimed per round (default 100). */
  batchSize?: number;
  /** How long a claim holds an entry; a relay that dies while delivering frees it then (default 60 s). */
  leaseMs?: number;
  /** Wait after the first failed delivery of an entry, doubled each time up to `maxRetryMs` (defaults 1 s and 5 min). */
  retryMs?: number;
  maxRetryMs?: number;
}

/** Wait before the next delivery of an entry that has failed `attempts` times: doubling, capped. */
export function retryDelayMs(attempts: number, firstMs: number, maxMs: number): number {
  return Math.min(firstMs * 2 ** Math.max(0, attempts - 1), maxMs);
}

/** Prefix of the BullMQ job id of an outbox entry (BullMQ refuses ids with a colon). */
const OUTBOX_JOB_ID_PREFIX = 'outbox-';

/**
 * Hands outbox entries to the queue driver and deletes them once the driver has taken them.
 * Runs in the API and in workers; any number of relays share one outbox (entries are claimed
 * before delivery, see OutboxRepository), and each entry goes to BullMQ under a job id derived
 * from it, so that an entry handed over twice (a relay died between handing it over and deleting
 * it) is added once. Delivery is at least once; handlers are idempotent.
 *
 * When it runs: after each commit that recorded jobs (woken, see `afterCommit`), every
 * OUTBOX_POLL_MS (retries, entries of processes that died), and when Redis comes back. While the
 * queue is down it does not try at all: entries keep their place and their attempt count, and
 * nothing waits. A failed hand-over (Redis dropped during it, or did not answer within
 * HAND_OVER_TIMEOUT_MS) is retried with a doubling wait.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private timer?: NodeJS.Timeout;
  private stopListening?: () => void;
  private running?: Promise<void>;
  private wokenWhileRunning = false;
  private stopped = false;
  /** The last problem logged, so that a lasting one is logged once, not on every round. */
  private lastProblem?: string;

  constructor(
    private readonly tx: TransactionHost,
    private readonly entries: OutboxRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 5 * 60_000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.stopListening = this.jobs.onUp(() => this.wake());
    this.wake();
  }

  /** Stops polling and waits for the round in progress (each entry of it is delivered or given back). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopListening?.();
    await this.running;
  }

  /**
   * Called once a transaction that recorded jobs has committed. With the `sync` driver the
   * entries are delivered now, so their jobs have run when the write's request answers (as the
   * embedded profile always behaved; no Redis is involved). With `bullmq` the relay is only woken:
   * the request never waits on Redis.
   */
  async afterCommit(ids: string[]): Promise<void> {
    if (this.jobs.driverKind !== 'sync') return this.wake();
    try {
      // Round after round (a write may record more than a batch); delivered entries are gone from the next claim.
      let round = await this.deliverRound(ids);
      while (round.claimed === this.batchSize && round.delivered > 0) round = await this.deliverRound(ids);
    } catch (error) {
      this.problem(error);
    }
  }

  /** Starts a round in the background unless one is running (then another follows it). Never waits. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running = this.drain()
      .then(
        () => undefined,
        (error: unknown) => this.problem(error),
      )
      .finally(() => {
        this.running = undefined;
        if (this.wokenWhileRunning) {
          this.wokenWhileRunning = false;
          this.wake();
        }
      });
  }

  /** Delivers what is due until nothing is, the queue is down, or the relay stops; returns how many entries were delivered. */
  async drain(): Promise<number> {
    let delivered = 0;
    while (!this.stopped && this.jobs.isUp() && (await this.entries.anyDue(this.clock.now()))) {
      const round = await this.deliverRound();
      delivered += round.delivered;
      if (round.claimed < this.batchSize || round.delivered === 0) break;
    }
    return delivered;
  }

  /** One round: claim due entries (only `ids` when given), hand each to the driver, then delete or give back each. */
  private async deliverRound(ids?: string[]): Promise<{ claimed: number; delivered: number }> {
    const token = newId();
    const claimedAt = this.clock.now();
    const claimed = await this.tx.run(() => this.entries.claim(token, claimedAt, new Date(claimedAt.getTime() + this.leaseMs), this.batchSize, ids));
    if (claimed.length === 0) return { claimed: 0, delivered: 0 };

    const delivered: OutboxEntryEntity[] = [];
    const untried: string[] = [];
    const failed: { entry: OutboxEntryEntity; error: string }[] = [];
    for (const entry of claimed) {
      if (this.stopped || !this.jobs.isUp()) {
        untried.push(entry.id);
        continue;
      }
      try {
        if (!isJobName(entry.jobName)) throw new Error(`unknown job ${entry.jobName}`);
        await this.jobs.enqueue(entry.jobName, entry.payload as JobPayloads[typeof entry.jobName], { jobId: `${OUTBOX_JOB_ID_PREFIX}${entry.id}` });
        delivered.push(entry);
      } catch (error) {
        failed.push({ entry, error: error instanceof Error ? error.message : String(error) });
      }
    }

    const now = this.clock.now();
    await this.tx.run(async () => {
      await this.entries.remove(
        delivered.map((entry) => entry.id),
        token,
      );
      await this.entries.unclaim(untried, token, now);
      for (const { entry, error } of failed) {
        await this.entries.release(entry.id, token, error, new Date(now.getTime() + retryDelayMs(entry.attempts + 1, this.retryMs, this.maxRetryMs)));
      }
    });

    if (failed.length > 0) {
      this.problem(new Error(`could not hand jobs to the queue, each is retried with backoff: ${failed[0].error}`));
    } else {
      this.lastProblem = undefined;
    }
    const waited = delivered.length > 0 ? now.getTime() - Math.min(...delivered.map((entry) => entry.createdAt.getTime())) : 0;
    if (waited > 5000) this.logger.log(`Handed ${delivered.length} waiting job(s) to the queue (the oldest waited ${Math.round(waited / 1000)} s)`);
    return { claimed: claimed.length, delivered: delivered.length };
  }

  private problem(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message === this.lastProblem) return;
    this.lastProblem = message;
    this.logger.warn(`Outbox: ${message}`);
  }
}

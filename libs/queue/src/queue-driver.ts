import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
/** The BullMQ queue every job goes through. */
export const JOB_QUEUE_NAME = 'staffing-jobs';

export interface EnqueueOptions {
  /**
   * A stable id for the job, such as its outbox entry's. BullMQ adds a job whose id it already
   * holds only once, so a relay that hands the same entry over twice (it crashed between handing
   * it over and marking it delivered) does not run it twice. The sync driver only logs it.
   */
  jobId?: string;
}

/** The queue cannot take jobs now (Redis unreachable); the outbox keeps them until it can. */
export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailableError';
  }
}

/**
 * How jobs leave the process. Use cases never call a driver: they record jobs with
 * `JobOutbox.add` inside their transaction, and the outbox relay hands them to the driver after
 * the commit. Two drivers, chosen from validated config; where they differ:
 *
 * | | `bullmq` (Redis; production) | `sync` (in-process; embedded profile, unit tests) |
 * |---|---|---|
 * | who runs a job | a worker process (`apps/worker`) | this process, inline, when handed over |
 * | when | soon after the commit (the relay is woken, the request does not wait) | before the write's request answers (the relay delivers the write's entries right after its commit) |
 * | failures | retried with backoff (`jobOptions`), then kept in BullMQ's failed set | logged, not retried |
 * | same job twice | deduplicated (`jobOptions.deduplicationId`), same `jobId` added once | runs each time (jobs cannot pile up) |
 * | queue down | `isUp()` false: jobs wait in the outbox; `onUp` when Redis is back | never down |
 * | schedules | BullMQ job schedulers (one per id, however many processes register it) | in-process timers |
 *
 * Handlers are idempotent either way: delivery is at least once.
 */
export interface QueueDriver {
  readonly kind: 'bullmq' | 'sync';
  /** Hands one job over; rejects (never hangs) when the queue cannot take it now. */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
  /** Whether jobs can be handed over now, known without a round trip. */
  isUp(): boolean;
  /** Calls `listener` each time the queue becomes reachable again (never, for `sync`). Returns an unsubscribe function. */
  onUp(listener: () => void): () => void;
  /** 'up' when jobs can be handed over now (a short round trip for BullMQ, bounded in time). */
  health(): Promise<'up' | 'down'>;
  /** Runs `jobs` on the cron `pattern` in `timezone`; replaces earlier schedules and drops ones no longer listed. */
  schedule(jobs: ScheduledJob[], pattern: string, timezone: string): Promise<void>;
  schedules(): Promise<ScheduleInfo[]>;
}

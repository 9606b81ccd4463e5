import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { jobOptions } from './job-options';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { QueueConnection } from './queue-connection';
import { EnqueueOptions, JOB_QUEUE_NAME, QueueDriver, QueueUnavailableError } from './queue-driver';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

/** How long the relay waits for Redis to take one job before it gives the entry back for a later try. */
const HAND_OVER_TIMEOUT_MS = 5000;

/**
 * Puts jobs on the BullMQ queue in Redis; a worker process consumes them. The queue uses the
 * process's fail-fast `QueueConnection`, so a call made while Redis is away is refused at once
 * rather than queued in memory, and `enqueue` is bounded in time besides.
 */
@Injectable()
export class BullmqQueueDriver implements QueueDriver, OnApplicationShutdown {
  readonly kind = 'bullmq' as const;
  private readonly queue: Queue;

  constructor(
    private readonly connection: QueueConnection,
    prefix: string,
  ) {
    this.queue = new Queue(JOB_QUEUE_NAME, { connection: connection.client, prefix });
    this.queue.on('error', (error: Error) => connection.reportError('queue', error));
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    if (!this.connection.isUp()) throw new QueueUnavailableError('Redis is not reachable');
    const decided = jobOptions(name, payload);
    const adding = this.queue.add(name, payload, {
      jobId: options.jobId,
      attempts: decided.attempts,
      backoff: { type: 'exponential', delay: decided.backoffMs },
      // Checked after the job id: an entry handed over again is a no-op while its job exists;
      // another entry for the same school joins the waiting job, or waits behind a running one.
      deduplication: decided.deduplicationId ? { id: decided.deduplicationId, keepLastIfActive: true } : undefined,
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    await withTimeout(adding, HAND_OVER_TIMEOUT_MS, `Redis did not take job ${name} within ${HAND_OVER_TIMEOUT_MS} ms`);
  }

  /** The BullMQ queue itself, for the province administrator's queue dashboard (which reads it, and retries jobs on it). */
  get bullQueue(): Queue {
    return this.queue;
  }

  isUp(): boolean {
    return this.connection.isUp();
  }

  onUp(listener: () => void): () => void {
    return this.connection.onUp(listener);
  }

  async schedule(jobs: ScheduledJob[], pattern: string, timezone: string): Promise<void> {
    const wanted = new Set(jobs.map((job) => job.id));
    for (const existing of await this.queue.getJobSchedulers()) {
      if (existing.key && !wanted.has(existing.key)) await this.queue.removeJobScheduler(existing.key);
    }
    for (const job of jobs) {
      const options = jobOptions(job.name, job.payload);
      await this.queue.upsertJobScheduler(
        job.id,
        { pattern, tz: timezone },
        { name: job.name, data: job.payload, opts: { attempts: options.attempts, backoff: { type: 'exponential', delay: options.backoffMs } } },
      );
    }
  }

  async schedules(): Promise<ScheduleInfo[]> {
    return (await this.queue.getJobSchedulers()).map((s) => ({
      id: s.key,
      name: s.name,
      pattern: s.pattern ?? '',
      next: s.next ? new Date(s.next) : null,
    }));
  }

  async health(): Promise<'up' | 'down'> {
    return (await this.connection.ping(1000)) ? 'up' : 'down';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.connection.close();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(message)), ms);
  });
  // A late rejection of the abandoned call must not surface as unhandled.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Cron } from 'croner';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { JobRegistry } from './job-registry';
import { EnqueueOptions, QueueDriver } from './queue-driver';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

/**
 * Runs each job in this process as soon as it is handed over, once. Differences from BullMQ, by
 * design (see QueueDriver): no retries or backoff, no deduplication (jobs cannot pile up), a
 * failure is logged rather than kept in a failed set, the queue is never down, and schedules are
 * timers that live as long as the process. The outbox relay hands a write's jobs over right
 * after its commit, so they have run by the time the write's request answers.
 */
@Injectable()
export class SyncQueueDriver implements QueueDriver, OnModuleDestroy {
  readonly kind = 'sync' as const;
  private readonly timers = new Map<string, { job: ScheduledJob; cron: Cron }>();

  constructor(private readonly registry: JobRegistry) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    try {
      await this.registry.run(name, payload, { id: options.jobId });
    } catch {
      // Logged by the registry; not retried (the write it follows has committed).
    }
  }

  isUp(): boolean {
    return true;
  }

  onUp(): () => void {
    return () => undefined;
  }

  async health(): Promise<'up'> {
    return 'up';
  }

  async schedule(jobs: ScheduledJob[], pattern: string, timezone: string): Promise<void> {
    this.stopAll();
    for (const job of jobs) {
      // `protect`: a run still going when the next is due is not started twice.
      const cron = new Cron(pattern, { timezone, protect: true, unref: true, name: job.id }, () => this.enqueue(job.name, job.payload));
      this.timers.set(job.id, { job, cron });
    }
  }

  async schedules(): Promise<ScheduleInfo[]> {
    return [...this.timers.values()].map(({ job, cron }) => ({ id: job.id, name: job.name, pattern: cron.getPattern() ?? '', next: cron.nextRun() }));
  }

  onModuleDestroy(): void {
    this.stopAll();
  }

  private stopAll(): void {
    for (const { cron } of this.timers.values()) cron.stop();
    this.timers.clear();
  }
}

import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Cron } from 'croner';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { JobRegistry } from './job-registry';
import { QueueDriver } from './queue-driver';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

/**
 * Runs each job in this process as soon as it is enqueued, once. Differences from BullMQ, by
 * design: no retries or backoff, no deduplication (jobs cannot pile up), a failure is logged
 * rather than kept in a failed set, and schedules are timers that live as long as the process.
 */
@Injectable()
export class SyncQueueDriver implements QueueDriver, OnModuleDestroy {
  readonly kind = 'sync' as const;
  private readonly logger = new Logger(SyncQueueDriver.name);
  private readonly timers = new Map<string, { job: ScheduledJob; cron: Cron }>();

  constructor(private readonly registry: JobRegistry) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    try {
      await this.registry.dispatch(name, payload);
    } catch (error) {
      this.logger.error(`job ${name} failed: ${(error as Error).message}`, (error as Error).stack);
    }
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

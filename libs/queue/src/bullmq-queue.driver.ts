import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { jobOptions } from './job-options';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { JOB_QUEUE_NAME, QueueDriver } from './queue-driver';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

/** Puts jobs on the BullMQ queue in Redis; a worker process consumes them. */
@Injectable()
export class BullmqQueueDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;

  constructor(@InjectQueue(JOB_QUEUE_NAME) private readonly queue: Queue) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    const options = jobOptions(name, payload);
    await this.queue.add(name, payload, {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs },
      deduplication: options.deduplicationId ? { id: options.deduplicationId, keepLastIfActive: true } : undefined,
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
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
    try {
      const answered = await Promise.race([
        this.queue.getJobCounts('waiting').then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
      ]);
      return answered ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}

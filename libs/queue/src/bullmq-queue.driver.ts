import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { jobOptions } from './job-options';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { JOB_QUEUE_NAME, QueueDriver } from './queue-driver';

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

import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { BullmqQueueDriver } from './bullmq-queue.driver';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { EnqueueOptions, QUEUE_DRIVER, QueueDriver } from './queue-driver';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

/**
 * The configured queue driver (see QueueDriver for how `sync` and `bullmq` differ). Use cases do
 * not call it: a write that causes a job records it with `JobOutbox.add` in its own transaction,
 * and the outbox relay hands it over here. Direct `enqueue` is for the relay and for operators'
 * tools, outside any write.
 */
@Injectable()
export class JobQueue {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  get driverKind(): 'bullmq' | 'sync' {
    return this.driver.kind;
  }

  /** The BullMQ queue (JOB_QUEUE_NAME) for the queue dashboard; null with the `sync` driver, which has no queue to show. */
  bullmqQueue(): Queue | null {
    return this.driver instanceof BullmqQueueDriver ? this.driver.bullQueue : null;
  }

  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void> {
    return this.driver.enqueue(name, payload, options);
  }

  isUp(): boolean {
    return this.driver.isUp();
  }

  onUp(listener: () => void): () => void {
    return this.driver.onUp(listener);
  }

  health(): Promise<'up' | 'down'> {
    return this.driver.health();
  }

  schedule(jobs: ScheduledJob[], pattern: string, timezone: string): Promise<void> {
    return this.driver.schedule(jobs, pattern, timezone);
  }

  schedules(): Promise<ScheduleInfo[]> {
    return this.driver.schedules();
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { JobRegistry } from './job-registry';
import { QueueDriver } from './queue-driver';

/**
 * Runs each job in this process as soon as it is enqueued, once. Differences from BullMQ, by
 * design: no retries or backoff, no deduplication (jobs cannot pile up), and a failure is
 * logged rather than kept in a failed set.
 */
@Injectable()
export class SyncQueueDriver implements QueueDriver {
  readonly kind = 'sync' as const;
  private readonly logger = new Logger(SyncQueueDriver.name);

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
}

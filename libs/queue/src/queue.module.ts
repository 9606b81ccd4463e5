import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { QueueConfig } from '@app/config';
import { BullmqJobConsumer } from './bullmq-job.consumer';
import { BullmqQueueDriver } from './bullmq-queue.driver';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JOB_QUEUE_NAME, QUEUE_DRIVER } from './queue-driver';
import { NIGHTLY_JOBS } from './scheduled-jobs';
import { SyncQueueDriver } from './sync-queue.driver';

export interface QueueModuleOptions {
  queue: QueueConfig;
  /** This process runs jobs: the worker with BullMQ; always true with the sync driver. */
  consume: boolean;
  /** This process registers the nightly jobs (the API): `pattern` in `timezone`. */
  nightly?: { pattern: string; timezone: string };
}

const OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');

/**
 * The queue layer. With `sync` the API process runs every job itself; with `bullmq` the API only
 * produces and `apps/worker` consumes. A consuming process checks at start that every job name
 * has exactly one handler.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationBootstrap {
  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobQueue,
    @Inject(OPTIONS) private readonly options: QueueModuleOptions,
  ) {}

  static forRoot(options: QueueModuleOptions): DynamicModule {
    const { queue } = options;
    const consumes = queue.driver === 'sync' || options.consume;
    const providers: Provider[] = [JobRegistry, JobQueue, { provide: OPTIONS, useValue: { ...options, consume: consumes } }];
    const imports: DynamicModule[] = [DiscoveryModule as unknown as DynamicModule];
    if (queue.driver === 'sync') {
      providers.push(SyncQueueDriver, { provide: QUEUE_DRIVER, useExisting: SyncQueueDriver });
    } else {
      imports.push(
        BullModule.forRoot({ connection: { url: queue.redisUrl, maxRetriesPerRequest: null }, prefix: queue.prefix }),
        BullModule.registerQueue({ name: JOB_QUEUE_NAME }),
      );
      providers.push(BullmqQueueDriver, { provide: QUEUE_DRIVER, useExisting: BullmqQueueDriver });
      if (options.consume) providers.push(BullmqJobConsumer);
    }
    return { module: QueueModule, imports, providers, exports: [JobQueue] };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.consume) this.registry.assertComplete();
    if (this.options.nightly) await this.jobs.schedule(NIGHTLY_JOBS, this.options.nightly.pattern, this.options.nightly.timezone);
  }
}

import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { QueueConfig } from '@app/config';
import { BullmqJobConsumer } from './bullmq-job.consumer';
import { BullmqQueueDriver } from './bullmq-queue.driver';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { QueueConnection } from './queue-connection';
import { QUEUE_DRIVER } from './queue-driver';
import { NIGHTLY_JOBS } from './scheduled-jobs';
import { SyncQueueDriver } from './sync-queue.driver';

export interface QueueModuleOptions {
  queue: QueueConfig;
  /** This process runs jobs: the worker with BullMQ; always true with the sync driver. */
  consume: boolean;
  /** This process registers the nightly jobs, `pattern` in `timezone` (the API and the worker both do). */
  nightly?: { pattern: string; timezone: string };
}

const OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');

/**
 * The queue layer. With `sync` the API process runs every job itself; with `bullmq` the API only
 * produces and `apps/worker` consumes. A consuming process checks at start that every job name
 * has exactly one handler. Nothing here waits for Redis at start: the nightly schedule is
 * registered whenever the connection is (re)established, so a process starts while Redis is
 * away, and a Redis that comes back empty gets the schedule again.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Schedule');
  private stopListening?: () => void;

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
      providers.push(
        { provide: QueueConnection, useFactory: () => new QueueConnection(queue.redisUrl) },
        {
          provide: BullmqQueueDriver,
          useFactory: (connection: QueueConnection) => new BullmqQueueDriver(connection, queue.prefix),
          inject: [QueueConnection],
        },
        { provide: QUEUE_DRIVER, useExisting: BullmqQueueDriver },
      );
      if (options.consume) {
        providers.push({
          provide: BullmqJobConsumer,
          useFactory: (registry: JobRegistry, connection: QueueConnection) => new BullmqJobConsumer(registry, connection, queue),
          inject: [JobRegistry, QueueConnection],
        });
      }
    }
    return { module: QueueModule, imports, providers, exports: [JobQueue] };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.consume) this.registry.assertComplete();
    if (!this.options.nightly) return;
    this.stopListening = this.jobs.onUp(() => void this.registerNightly());
    if (this.jobs.isUp()) await this.registerNightly();
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }

  /** Idempotent (schedules by stable id): any number of processes, any number of times, one run a night. */
  private async registerNightly(): Promise<void> {
    const nightly = this.options.nightly;
    if (!nightly) return;
    try {
      await this.jobs.schedule(NIGHTLY_JOBS, nightly.pattern, nightly.timezone);
      this.logger.log(`Nightly jobs registered (${nightly.pattern}, ${nightly.timezone}): ${NIGHTLY_JOBS.map((job) => job.id).join(', ')}`);
    } catch (error) {
      // Redis went away again; the next reconnection registers them.
      this.logger.warn(`Could not register the nightly jobs: ${(error as Error).message}`);
    }
  }
}

import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { JobPayloads } from './job-payloads';
import { isJobName, JobRegistry } from './job-registry';
import { QueueConnection, workerConnectionOptions } from './queue-connection';
import { JOB_QUEUE_NAME } from './queue-driver';

/** Jobs a worker process runs at the same time. */
const WORKER_CONCURRENCY = 4;

/**
 * The worker side of the BullMQ driver: takes jobs from Redis and hands them to their handler.
 * Each job's start, end (with its duration) and failure are logged at the default level (by the
 * registry). The worker's connection errors are left to the one line the process's
 * QueueConnection logs when Redis goes away; other errors are logged.
 */
@Injectable()
export class BullmqJobConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;

  constructor(
    private readonly registry: JobRegistry,
    private readonly connection: QueueConnection,
    private readonly options: { redisUrl: string; prefix: string; lockMs: number },
  ) {}

  /** Starts taking jobs once every handler is known (the queue layer checks them first). */
  onApplicationBootstrap(): void {
    this.registry.assertComplete();
    this.worker = new Worker(JOB_QUEUE_NAME, (job: Job) => this.process(job), {
      connection: workerConnectionOptions(this.options.redisUrl),
      prefix: this.options.prefix,
      concurrency: WORKER_CONCURRENCY,
      // A worker that dies leaves its jobs locked until the lock runs out; then another worker (or
      // this one restarted) finds them stalled and runs them again.
      lockDuration: this.options.lockMs,
      stalledInterval: Math.max(1000, Math.round(this.options.lockMs / 2)),
    });
    this.worker.on('error', (error: Error) => this.connection.reportError('worker', error));
  }

  async process(job: Job): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`unknown job ${job.name}`);
    await this.registry.run(job.name, job.data as JobPayloads[typeof job.name], {
      id: job.id,
      attempt: job.attemptsMade + 1,
      attempts: job.opts.attempts ?? 1,
    });
  }

  /**
   * Lets running jobs finish, before the database closes. With Redis away that wait could last
   * until it is back (the worker cannot report the jobs done), so the worker is closed at once:
   * its unfinished jobs are stalled jobs BullMQ runs again, which handlers allow (idempotent).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close(!this.connection.isUp());
  }
}

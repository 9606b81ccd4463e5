import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from './job-name';
import { JobRegistry } from './job-registry';
import { JOB_QUEUE_NAME } from './queue-driver';

/** The worker side of the BullMQ driver: takes jobs from Redis and hands them to their handler. */
@Processor(JOB_QUEUE_NAME, { concurrency: 4 })
export class BullmqJobConsumer extends WorkerHost {
  private readonly logger = new Logger(BullmqJobConsumer.name);

  constructor(private readonly registry: JobRegistry) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (!Object.values(JobName).includes(job.name as JobName)) throw new Error(`unknown job ${job.name}`);
    const started = Date.now();
    await this.registry.dispatch(job.name as JobName, job.data);
    this.logger.debug(`job ${job.name} ${job.id} done in ${Date.now() - started} ms`);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { QUEUE_DRIVER, QueueDriver } from './queue-driver';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

/** What use cases call to queue work. Enqueue after the write commits (TransactionHost.afterCommit). */
@Injectable()
export class JobQueue {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  get driverKind(): 'bullmq' | 'sync' {
    return this.driver.kind;
  }

  enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    return this.driver.enqueue(name, payload);
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

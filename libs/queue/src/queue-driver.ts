import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { ScheduledJob, ScheduleInfo } from './scheduled-jobs';

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
/** The BullMQ queue every job goes through. */
export const JOB_QUEUE_NAME = 'staffing-jobs';

/**
 * How jobs leave the producer. Two drivers, chosen from validated config:
 * - `bullmq`: the job goes to Redis; a worker process runs it, with retries and backoff;
 *   schedules are BullMQ job schedulers (one per id, however many processes register it).
 * - `sync`: the job runs in this process, inline, once, when enqueued; a failure is logged and
 *   not retried, and the caller is not failed by it (the write it follows has committed);
 *   schedules are in-process timers.
 */
export interface QueueDriver {
  readonly kind: 'bullmq' | 'sync';
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void>;
  /** 'up' when jobs can be enqueued now. */
  health(): Promise<'up' | 'down'>;
  /** Runs `jobs` on the cron `pattern` in `timezone`; replaces earlier schedules and drops ones no longer listed. */
  schedule(jobs: ScheduledJob[], pattern: string, timezone: string): Promise<void>;
  schedules(): Promise<ScheduleInfo[]>;
}

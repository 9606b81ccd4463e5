import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';

/** What the BullMQ driver applies to a job. The `sync` driver runs once, inline, and ignores them. */
export interface JobOptions {
  /**
   * Jobs with the same deduplication id coalesce: while one waits, another is not added (the
   * waiting one reads the latest data when it runs); while one runs, one more is kept to run after
   * it. BullMQ checks the job id first: each outbox entry goes over under its own id, so an entry
   * handed over twice is added once, and separate entries for one school still coalesce here.
   */
  deduplicationId?: string;
  attempts: number;
  backoffMs: number;
}

/** The one place where job options are decided. Handlers are idempotent, so retries are safe. */
export const JOB_OPTIONS: { [N in JobName]: (payload: JobPayloads[N]) => JobOptions } = {
  [JobName.RecomputeSchoolHeadcount]: ({ schoolId }) => ({ deduplicationId: `headcount:${schoolId}`, attempts: 5, backoffMs: 2000 }),
  [JobName.RefreshHeadcounts]: () => ({ deduplicationId: 'headcount:all', attempts: 3, backoffMs: 60_000 }),
  // A school that fails is retried by the scan itself (SHORTAGE_SCAN_ATTEMPTS); these attempts cover the unit as a whole (a database away).
  [JobName.ScanShortageBatch]: ({ batchId }) => ({ deduplicationId: `shortage-batch:${batchId}`, attempts: 5, backoffMs: 2000 }),
  [JobName.NightlyShortageScan]: () => ({ deduplicationId: 'shortage:nightly', attempts: 3, backoffMs: 60_000 }),
  [JobName.RescanSchoolShortages]: ({ schoolId }) => ({ deduplicationId: `shortage-rescan:${schoolId}`, attempts: 5, backoffMs: 5000 }),
  [JobName.CompleteRotationPlans]: () => ({ deduplicationId: 'rotation:complete', attempts: 3, backoffMs: 60_000 }),
  [JobName.PreviewImport]: ({ importId }) => ({ deduplicationId: `import:${importId}`, attempts: 3, backoffMs: 5000 }),
};

export function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N]): JobOptions {
  return (JOB_OPTIONS[name] as (payload: JobPayloads[N]) => JobOptions)(payload);
}

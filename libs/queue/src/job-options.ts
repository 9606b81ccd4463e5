import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';

/** What the BullMQ driver applies to a job. The `sync` driver runs once, inline, and ignores them. */
export interface JobOptions {
  /** Jobs with the same id never run side by side; one more waits if added while one runs. */
  deduplicationId?: string;
  attempts: number;
  backoffMs: number;
}

/** The one place where job options are decided. Handlers are idempotent, so retries are safe. */
export const JOB_OPTIONS: { [N in JobName]: (payload: JobPayloads[N]) => JobOptions } = {
  [JobName.RecomputeSchoolHeadcount]: ({ schoolId }) => ({ deduplicationId: `headcount:${schoolId}`, attempts: 5, backoffMs: 2000 }),
  [JobName.RefreshHeadcounts]: () => ({ deduplicationId: 'headcount:all', attempts: 3, backoffMs: 60_000 }),
};

export function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N]): JobOptions {
  return (JOB_OPTIONS[name] as (payload: JobPayloads[N]) => JobOptions)(payload);
}

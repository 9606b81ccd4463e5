import { JobName } from './job-name';

/** The payload of each job, by name. Payloads are plain JSON (they cross Redis). */
export interface JobPayloads {
  [JobName.RecomputeSchoolHeadcount]: { schoolId: string };
  [JobName.RefreshHeadcounts]: Record<string, never>;
  [JobName.ScanShortageBatch]: { scanId: string; batchId: string };
  [JobName.NightlyShortageScan]: Record<string, never>;
  [JobName.RescanSchoolShortages]: { schoolId: string };
  [JobName.CompleteRotationPlans]: Record<string, never>;
  [JobName.PreviewImport]: { importId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/** A job as a discriminated union: `{ name, payload }` with the payload typed by name. */
export type AnyJob = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];

import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';

export interface ScheduledJob<N extends JobName = JobName> {
  /** Stable id: registering the same id again replaces the schedule, never duplicates it. */
  id: string;
  name: N;
  payload: JobPayloads[N];
}

/** The jobs that run every night at NIGHTLY_CRON (in TIMEZONE), whatever the number of workers. */
export const NIGHTLY_JOBS: ScheduledJob[] = [
  { id: 'nightly-headcounts', name: JobName.RefreshHeadcounts, payload: {} },
  { id: 'nightly-shortage-scan', name: JobName.NightlyShortageScan, payload: {} },
  { id: 'nightly-rotation-completion', name: JobName.CompleteRotationPlans, payload: {} },
];

export interface ScheduleInfo {
  id: string;
  name: string;
  pattern: string;
  next: Date | null;
}

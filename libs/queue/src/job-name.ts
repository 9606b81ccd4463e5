/** Every job the service queues. Each has exactly one handler, or the consuming process refuses to start. */
export enum JobName {
  /** Recompute one school's cached on-quota headcount (fraction-weighted) for a day. */
  RecomputeSchoolHeadcount = 'school.recompute-headcount',
  /** Recount every school's cached headcount for the new day (nightly). */
  RefreshHeadcounts = 'school.refresh-headcounts',
}

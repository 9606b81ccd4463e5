/** Every job the service queues. Each has exactly one handler, or the consuming process refuses to start. */
export enum JobName {
  /** Recompute one school's cached on-quota headcount (fraction-weighted) for a day. */
  RecomputeSchoolHeadcount = 'school.recompute-headcount',
  /** Recount every school's cached headcount for the new day (nightly). */
  RefreshHeadcounts = 'school.refresh-headcounts',
  /** Scan one unit of work of a shortage scan: some schools of one county, in one transaction. */
  ScanShortageBatch = 'shortage.scan-batch',
  /** Start the nightly shortage scan of every county (once a night), and take up units of work left waiting. */
  NightlyShortageScan = 'shortage.nightly-scan',
  /** Rescan one school's shortages after its postings, enrolment or classification changed (debounced). */
  RescanSchoolShortages = 'shortage.rescan-school',
  /** Record completed every active rotation plan whose terms have all ended (nightly). */
  CompleteRotationPlans = 'rotation.complete-plans',
  /** Read and check a registry import's file against the county's registry (writes nothing to the registry). */
  PreviewImport = 'import.preview',
}

/**
 * "A posting covers a day", in SQL: the same rule as coversDay in libs/domain (inclusive ends, a null
 * end = still open), for every query that asks which postings run on a day. `alias` is the posting
 * table's alias, `day` the name of the query parameter holding the day (without the colon).
 */
export function postingCoversDay(alias: string, day: string): string {
  return `${alias}.start_date <= :${day} AND ${postingRunsOnOrAfter(alias, day)}`;
}

/** Postings not ended before the day: running on it, or starting later (current and incoming staff). */
export function postingRunsOnOrAfter(alias: string, day: string): string {
  return `(${alias}.end_date IS NULL OR ${alias}.end_date >= :${day})`;
}

import { coversDay } from '../postings/posting-load';
import type { PostingSpan } from '../postings/posting-load';
import type { StaffingStatus } from './quota-types';

/**
 * A school's vacancy on a day (docs/rules.md, "Staffing quotas"): its allocated quota minus its on-quota headcount
 * (在编在岗), each teacher counted by their posting fraction at the school that day, so a teacher shared half time
 * counts 0.5 here and 0.5 at the other school. Positive: posts to fill (空编); negative: overstaffed (超编).
 * Headcounts and vacancies are held in thousandths of a post, so that 0.2 + 0.3 + 0.5 is exactly 1.
 */

/** A posting at the school, with whether its teacher is on the quota (在编). */
export interface HeadcountPosting extends PostingSpan {
  readonly onQuota: boolean;
}

/** On-quota teachers posted at the school on `day`, fraction-weighted, in thousandths (the rule the reports' SQL follows). */
export function onQuotaHeadcountMilli(postings: readonly HeadcountPosting[], day: string): number {
  return postings.reduce((total, posting) => (posting.onQuota && coversDay(posting, day) ? total + posting.fractionMilli : total), 0);
}

/** Allocated posts minus the headcount, in thousandths; null when the school has no allocation for the year. */
export function vacancyMilli(allocated: number | null, headcountMilli: number): number | null {
  return allocated === null ? null : allocated * 1000 - headcountMilli;
}

/** UNDER (posts to fill), AT_QUOTA, OVER (overstaffed), or UNALLOCATED when the school has no allocation for the year. */
export function staffingStatus(allocated: number | null, headcountMilli: number): StaffingStatus {
  const vacancy = vacancyMilli(allocated, headcountMilli);
  if (vacancy === null) return 'UNALLOCATED';
  return vacancy > 0 ? 'UNDER' : vacancy < 0 ? 'OVER' : 'AT_QUOTA';
}

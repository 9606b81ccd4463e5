import { schoolYearOf } from '../calendar/school-year';
import { RuleViolationError } from '../errors/domain-error';
import { FULL_POST_MILLI, milliToFraction } from '../postings/posting-load';

/**
 * The fewest characters (not bytes; surrounding spaces ignored) of the reason a request above the school's
 * allocated quota must give. A rule of the request form, as the contract states it, not a staffing figure of
 * the plan: it is not in the policy set.
 */
export const JUSTIFICATION_MIN_CHARACTERS = 10;

/** What the justification rule reads about a request. */
export interface QuotaCheckInput {
  /** The day the staff are needed from: its school year's allocation and that day's headcount are read. */
  readonly neededFrom: string;
  /** The school's allocated quota for that school year; null when none is recorded. */
  readonly allocated: number | null;
  /** On-quota teachers posted at the school on neededFrom, fraction-weighted, in thousandths. */
  readonly headcountMilli: number;
  /** Teachers asked for. */
  readonly requested: number;
}

/** The justification rule's figures, kept with the request. */
export interface QuotaCheck {
  /** The school year of neededFrom (2026 = 2026-09-01 … 2027-08-31). */
  readonly year: number;
  readonly allocated: number | null;
  readonly headcountMilli: number;
  readonly requested: number;
  /** headcount + requested > allocated, an unrecorded allocation counting as 0. */
  readonly overQuota: boolean;
}

/**
 * Whether a request would take the school above its allocated quota: the on-quota headcount on the day
 * the staff are needed (fraction-weighted) plus the headcount asked for, against the quota allocated to
 * the school for that day's school year. A school with no allocation recorded for that year has no quota
 * to fill: every request of it is above quota.
 */
export function quotaCheck(input: QuotaCheckInput): QuotaCheck {
  const allocatedMilli = (input.allocated ?? 0) * FULL_POST_MILLI;
  return {
    year: schoolYearOf(input.neededFrom),
    allocated: input.allocated,
    headcountMilli: input.headcountMilli,
    requested: input.requested,
    overQuota: input.headcountMilli + input.requested * FULL_POST_MILLI > allocatedMilli,
  };
}

/** A reason as stored: trimmed, null when blank. */
export function reasonOf(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Refuses (422 JUSTIFICATION_REQUIRED) a request above quota whose reason is shorter than JUSTIFICATION_MIN_CHARACTERS. */
export function assertJustified(check: QuotaCheck, reason: string | null | undefined): void {
  if (!check.overQuota) return;
  const given = [...(reasonOf(reason) ?? '')].length;
  if (given >= JUSTIFICATION_MIN_CHARACTERS) return;
  const headcount = milliToFraction(check.headcountMilli);
  throw new RuleViolationError(
    'JUSTIFICATION_REQUIRED',
    check.allocated === null
      ? `No quota is allocated to the school for school year ${check.year}: say why the staff are needed, in at least ${JUSTIFICATION_MIN_CHARACTERS} characters`
      : `${headcount} on quota + ${check.requested} asked for would exceed the ${check.allocated} allocated for school year ${check.year}: ` +
          `say why, in at least ${JUSTIFICATION_MIN_CHARACTERS} characters`,
    {
      schoolYear: check.year,
      allocated: check.allocated,
      onQuotaHeadcount: headcount,
      requested: check.requested,
      minReasonLength: JUSTIFICATION_MIN_CHARACTERS,
      reasonLength: given,
    },
  );
}

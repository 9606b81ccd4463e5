import { groupBy } from '../collections/group-by';
import { fullYearsBetween, yearsBetween } from '../calendar/calendar-date';
import { ClassificationChange } from '../classification/classification-timeline';
import { ValidationFailedError } from '../errors/domain-error';
import type { PolicyParameters } from '../policy/policy.schema';
import { rankOf, TITLE_LEVELS, TitleLevel } from '../reference/codes';
import { cycleOf, expectedHoursToDate } from '../training/training-cycle';
import {
  dayServiceReaches,
  DayInterval,
  QualifyingPeriod,
  qualifiesOn,
  qualifyingIntervals,
  QualifyingRule,
  qualifyingService,
  ServicePosting,
} from './qualifying-service';

export type EligibilityRuleCode = 'RURAL_OR_WEAK_SERVICE' | 'TITLE_TENURE' | 'TRAINING_ON_PACE';
export const ELIGIBILITY_RULES: readonly EligibilityRuleCode[] = ['RURAL_OR_WEAK_SERVICE', 'TITLE_TENURE', 'TRAINING_ON_PACE'];

/** The answer to "may this teacher apply for a senior title": yes, not yet, or they hold one already. */
export const ELIGIBILITY_STATUSES = ['ELIGIBLE', 'NOT_YET', 'HOLDS_TITLE'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

export interface RuleOutcome {
  code: EligibilityRuleCode;
  passed: boolean;
  required: number;
  actual: number;
  unit: 'days' | 'years' | 'hours';
}

export interface EligibilityAnswer {
  seniorTitle: { eligible: boolean; rules: RuleOutcome[]; earliestServiceDate: string | null };
  principalPriority: { priority: boolean; required: number; actual: number; unit: 'days' };
  qualifyingPeriods: QualifyingPeriod[];
}

export interface EligibilityFacts {
  hireDate: string;
  title: { level: TitleLevel; since: string | null };
  postings: readonly ServicePosting[];
  /** Qualifying intervals of every school the postings name (see qualifyingIntervals). */
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>;
  /** Approved hours in the training cycle containing the as-of day. */
  approvedTrainingHours: number;
}

export type EligibilityPolicy = Pick<PolicyParameters, 'eligibility' | 'training'>;

export function qualifyingRuleOf(policy: Pick<PolicyParameters, 'eligibility'>): QualifyingRule {
  return {
    locations: policy.eligibility.qualifyingLocations,
    weakQualifies: policy.eligibility.weakQualifies,
    minDailyMilli: Math.round(policy.eligibility.minDailyFraction * 1000),
  };
}

/** Each school's qualifying intervals, from its classification changes. */
export function qualifyingIntervalsBySchool(
  changes: readonly (ClassificationChange & { schoolId: string })[],
  policy: Pick<PolicyParameters, 'eligibility'>,
): Map<string, DayInterval[]> {
  const rule = qualifyingRuleOf(policy);
  const bySchool = groupBy(changes, (change) => change.schoolId);
  return new Map([...bySchool].map(([schoolId, list]) => [schoolId, qualifyingIntervals(list, rule)]));
}

/** Refuses (400) an as-of day before the teacher was hired; a future day is a projection and allowed. */
export function assertAsOfAfterHire(asOf: string, hireDate: string): void {
  if (asOf < hireDate) throw ValidationFailedError.field('asOf', `cannot be before the teacher's hire date (${hireDate})`);
}

/**
 * The senior-title answer (高级职称: one year of rural or weak service, five full years holding
 * the first-level title, training on pace) and the principal-selection priority (three years of
 * rural or weak service), as of a day, under a policy.
 */
export function evaluateEligibility(facts: EligibilityFacts, asOf: string, policy: EligibilityPolicy): EligibilityAnswer {
  assertAsOfAfterHire(asOf, facts.hireDate);
  const rule = qualifyingRuleOf(policy);
  const service = qualifyingService(facts.postings, facts.qualifyingBySchool, asOf, rule.minDailyMilli);
  const senior = policy.eligibility.seniorTitle;

  const rules: RuleOutcome[] = [
    { code: 'RURAL_OR_WEAK_SERVICE', passed: service.days >= senior.serviceDays, required: senior.serviceDays, actual: service.days, unit: 'days' },
    titleTenure(facts.title, asOf, senior.tenureTitle, senior.tenureYears),
  ];
  if (senior.requireTrainingOnPace) {
    const expected = expectedHoursToDate(cycleOf(asOf, policy.training), facts.hireDate, asOf, policy.training);
    rules.push({
      code: 'TRAINING_ON_PACE',
      passed: facts.approvedTrainingHours >= expected,
      required: expected,
      actual: facts.approvedTrainingHours,
      unit: 'hours',
    });
  }

  const serviceMissing = service.days < senior.serviceDays;
  const earliestServiceDate =
    serviceMissing && qualifiesOn(facts.postings, facts.qualifyingBySchool, asOf, rule.minDailyMilli)
      ? dayServiceReaches(facts.postings, facts.qualifyingBySchool, asOf, senior.serviceDays, rule.minDailyMilli)
      : null;

  const priorityDays = policy.eligibility.principalPriority.serviceDays;
  return {
    seniorTitle: { eligible: rules.every((r) => r.passed), rules, earliestServiceDate },
    principalPriority: { priority: service.days >= priorityDays, required: priorityDays, actual: service.days, unit: 'days' },
    qualifyingPeriods: service.periods,
  };
}

/**
 * Full years holding the required title (or a higher one) by `asOf`: a title obtained on
 * 2021-09-01 has 5 years on 2026-09-01. `actual` is the years held, to 0.1 rounded down.
 */
export function titleTenure(title: { level: TitleLevel; since: string | null }, asOf: string, required: TitleLevel, years: number): RuleOutcome {
  const rank = rankOf(TITLE_LEVELS, title.level);
  const holds = title.since !== null && title.since <= asOf && rank >= rankOf(TITLE_LEVELS, required);
  const held = holds ? yearsBetween(title.since as string, asOf) : 0;
  // A teacher who already holds a higher title has served the lower one before it.
  const passed = holds && (rank > rankOf(TITLE_LEVELS, required) || fullYearsBetween(title.since as string, asOf) >= years);
  return { code: 'TITLE_TENURE', passed, required: years, actual: Math.floor(held * 10 + 1e-9) / 10, unit: 'years' };
}

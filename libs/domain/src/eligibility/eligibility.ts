import { groupBy } from '../collections/group-by';
import { fullYearsBetween, minDate, yearsBetween } from '../calendar/calendar-date';
import { ClassificationChange } from '../classification/classification-timeline';
import { ValidationFailedError } from '../errors/domain-error';
import type { Label } from '../labels/code-labels';
import type { PolicyParameters } from '../policy/policy.schema';
import { rankOf, TITLE_LEVELS, TitleLevel } from '../reference/codes';
import { cycleOf, expectedHoursToDate, TrainingCycle } from '../training/training-cycle';
import { SENIOR_TITLE } from './eligibility-codes';
import type { EligibilityRuleCode, EligibilityStatus, RuleUnit } from './eligibility-codes';
import {
  dayServiceReaches,
  DayInterval,
  QualifyingPeriod,
  qualifyingIntervals,
  QualifyingRule,
  qualifyingServiceReaching,
  ServicePosting,
} from './qualifying-service';
import { serviceMessage, tenureMessage, trainingMessage } from './rule-messages';

export { ELIGIBILITY_RULES, ELIGIBILITY_STATUSES, RULE_OUTCOMES, RULE_UNITS, SENIOR_TITLE } from './eligibility-codes';
export type { EligibilityRuleCode, EligibilityStatus, RuleOutcomeCode, RuleUnit } from './eligibility-codes';

export interface RuleOutcome {
  code: EligibilityRuleCode;
  passed: boolean;
  required: number;
  actual: number;
  unit: RuleUnit;
  /** Only on a failed rule: what is missing, in Chinese and English, from the policy's numbers. */
  message?: Label;
  /**
   * Only on TRAINING_ON_PACE for an as-of day after today (the rule is then judged today): the
   * hours still to be approved by the as-of day to be on pace then (never negative).
   */
  hoursToRecordBy?: { date: string; hours: number };
}

export interface SeniorTitleAnswer {
  /** True exactly when `status` is ELIGIBLE. */
  eligible: boolean;
  status: EligibilityStatus;
  rules: RuleOutcome[];
  earliestServiceDate: string | null;
}

export interface EligibilityAnswer {
  seniorTitle: SeniorTitleAnswer;
  principalPriority: { priority: boolean; required: number; actual: number; unit: 'days' };
  qualifyingPeriods: QualifyingPeriod[];
}

export interface EligibilityFacts {
  hireDate: string;
  title: { level: TitleLevel; since: string | null };
  postings: readonly ServicePosting[];
  /** Qualifying intervals of every school the postings name (see qualifyingIntervals). */
  qualifyingBySchool: ReadonlyMap<string, readonly DayInterval[]>;
  /**
   * Approved hours, as recorded today, in the training cycle of the day the training rule is judged
   * on (trainingJudgedOn: the as-of day, or today when the as-of day is later).
   */
  approvedTrainingHours: number;
  /**
   * For an as-of day after today: approved hours, as recorded today, in the as-of day's cycle
   * (omitted: the same cycle as the judged day's, so approvedTrainingHours).
   */
  approvedHoursInAsOfCycle?: number;
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
 * The day the training rule is judged on: the as-of day, or today when the as-of day is later
 * (training after today cannot have been recorded yet).
 */
export function trainingJudgedOn(asOf: string, today: string): string {
  return minDate(asOf, today);
}

/** The training cycles an answer reads approved hours of: the judged day's, and the as-of day's when it differs. */
export function trainingCyclesOf(
  asOf: string,
  today: string,
  training: EligibilityPolicy['training'],
): { judged: TrainingCycle; asOf: TrainingCycle | null } {
  const judged = cycleOf(trainingJudgedOn(asOf, today), training);
  const ofAsOf = cycleOf(asOf, training);
  return { judged, asOf: ofAsOf.start === judged.start ? null : ofAsOf };
}

/** True when the teacher's title is the senior title or higher: they hold what the answer is about. */
export function holdsSeniorTitle(level: TitleLevel): boolean {
  return rankOf(TITLE_LEVELS, level) >= rankOf(TITLE_LEVELS, SENIOR_TITLE);
}

/**
 * The senior-title answer (高级职称: one year of rural or weak service, five full years holding
 * the first-level title, training on pace) and the principal-selection priority (three years of
 * rural or weak service), as of a day, under a policy, given on `today`.
 *
 * Service and tenure are evaluated on the as-of day from the postings given (recorded or planned);
 * training on the judged day (trainingJudgedOn), with `hoursToRecordBy` for an as-of day after
 * today. A teacher holding the senior title already is HOLDS_TITLE (not eligible), rules still
 * shown. When the service rule fails, `earliestServiceDate` is the first day the count reaches the
 * requirement following the postings, future ones included (null when it never does).
 */
export function evaluateEligibility(facts: EligibilityFacts, asOf: string, policy: EligibilityPolicy, today: string): EligibilityAnswer {
  assertAsOfAfterHire(asOf, facts.hireDate);
  const rule = qualifyingRuleOf(policy);
  const senior = policy.eligibility.seniorTitle;
  const service = qualifyingServiceReaching(facts.postings, facts.qualifyingBySchool, asOf, rule.minDailyMilli, senior.serviceDays);

  const serviceRule: RuleOutcome = {
    code: 'RURAL_OR_WEAK_SERVICE',
    passed: service.days >= senior.serviceDays,
    required: senior.serviceDays,
    actual: service.days,
    unit: 'days',
  };
  if (!serviceRule.passed) serviceRule.message = serviceMessage(senior.serviceDays, service.days);
  const rules: RuleOutcome[] = [serviceRule, titleTenure(facts.title, asOf, senior.tenureTitle, senior.tenureYears)];
  if (senior.requireTrainingOnPace) rules.push(trainingOnPace(facts, asOf, today, policy.training));

  const earliestServiceDate = serviceRule.passed ? null : service.reachedOn;
  const status: EligibilityStatus = holdsSeniorTitle(facts.title.level) ? 'HOLDS_TITLE' : rules.every((r) => r.passed) ? 'ELIGIBLE' : 'NOT_YET';

  const priorityDays = policy.eligibility.principalPriority.serviceDays;
  return {
    seniorTitle: { eligible: status === 'ELIGIBLE', status, rules, earliestServiceDate },
    principalPriority: { priority: service.days >= priorityDays, required: priorityDays, actual: service.days, unit: 'days' },
    qualifyingPeriods: service.periods,
  };
}

/**
 * TRAINING_ON_PACE: approved hours ≥ hours expected by the judged day (the as-of day, or today when
 * that is later), and for a later as-of day the hours still to record by it.
 */
function trainingOnPace(facts: EligibilityFacts, asOf: string, today: string, training: EligibilityPolicy['training']): RuleOutcome {
  const judgedOn = trainingJudgedOn(asOf, today);
  const expected = expectedHoursToDate(cycleOf(judgedOn, training), facts.hireDate, judgedOn, training);
  const outcome: RuleOutcome = {
    code: 'TRAINING_ON_PACE',
    passed: facts.approvedTrainingHours >= expected,
    required: expected,
    actual: facts.approvedTrainingHours,
    unit: 'hours',
  };
  if (!outcome.passed) outcome.message = trainingMessage(expected, facts.approvedTrainingHours, judgedOn);
  if (asOf > today) {
    const expectedThen = expectedHoursToDate(cycleOf(asOf, training), facts.hireDate, asOf, training);
    const approved = facts.approvedHoursInAsOfCycle ?? facts.approvedTrainingHours;
    outcome.hoursToRecordBy = { date: asOf, hours: Math.max(0, Math.round((expectedThen - approved) * 10) / 10) };
  }
  return outcome;
}

/**
 * The first day on which qualifying days reach the senior title's requirement following the
 * postings given (recorded or planned; open ones go on, schools keep their last classification),
 * whether that day is past or future; null when they never do.
 */
export function serviceRequirementMetOn(
  facts: Pick<EligibilityFacts, 'hireDate' | 'postings' | 'qualifyingBySchool'>,
  asOf: string,
  policy: EligibilityPolicy,
): string | null {
  const required = policy.eligibility.seniorTitle.serviceDays;
  if (required <= 0) return facts.hireDate;
  return dayServiceReaches(facts.postings, facts.qualifyingBySchool, asOf, required, qualifyingRuleOf(policy).minDailyMilli);
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
  const actual = Math.floor(held * 10 + 1e-9) / 10;
  const outcome: RuleOutcome = { code: 'TITLE_TENURE', passed, required: years, actual, unit: 'years' };
  if (!passed) outcome.message = tenureMessage(holds ? title : null, required, years, actual);
  return outcome;
}

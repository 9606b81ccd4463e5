import type { TitleLevel } from '../reference/codes';

/** The senior-title rules (docs/rules.md, "Eligibility"), in the order answers list them. */
export const ELIGIBILITY_RULES = ['RURAL_OR_WEAK_SERVICE', 'TITLE_TENURE', 'TRAINING_ON_PACE'] as const;
export type EligibilityRuleCode = (typeof ELIGIBILITY_RULES)[number];

/** The answer to "may this teacher apply for a senior title": yes, not yet, or they hold one already. */
export const ELIGIBILITY_STATUSES = ['ELIGIBLE', 'NOT_YET', 'HOLDS_TITLE'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/** What a rule counts in. */
export const RULE_UNITS = ['days', 'years', 'hours'] as const;
export type RuleUnit = (typeof RULE_UNITS)[number];

/** A rule's outcome, as exports write it. */
export const RULE_OUTCOMES = ['PASSED', 'FAILED'] as const;
export type RuleOutcomeCode = (typeof RULE_OUTCOMES)[number];

/** The title the eligibility answer is about (高级教师): teachers at this level or above hold it already. */
export const SENIOR_TITLE: TitleLevel = 'SENIOR';

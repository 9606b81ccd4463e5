import { addYears } from '../calendar/calendar-date';
import { Label, labelOf } from '../labels/code-labels';
import type { TitleLevel } from '../reference/codes';

/**
 * The sentences a failed eligibility rule carries (docs/rules.md, "Eligibility"), in Chinese and
 * English, built from the policy's numbers and the teacher's figures: what is missing and what
 * the policy asks.
 */

/** A figure as people read it: whole numbers as they are, others to one decimal. */
function figure(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "1 day", "152 more days", "3 more training hours": English with its plural, words before the unit. */
function counted(value: number, unit: 'day' | 'year' | 'hour', before = ''): string {
  return `${figure(value)} ${before}${unit}${figure(value) === '1' ? '' : 's'}`;
}

/** RURAL_OR_WEAK_SERVICE: 乡村或薄弱学校任教经历尚差 152 天（需 365 天）. */
export function serviceMessage(required: number, actual: number): Label {
  const missing = Math.max(0, required - actual);
  return {
    zh: `乡村或薄弱学校任教经历尚差 ${figure(missing)} ${labelOf('ruleUnits', 'days').zh}（需 ${figure(required)} ${labelOf('ruleUnits', 'days').zh}）`,
    en: `${counted(missing, 'day', 'more ')} at a rural or weak school needed (${figure(required)} required)`,
  };
}

/**
 * TITLE_TENURE: either the title is not held (yet), or it is held for fewer full years than the
 * policy asks, with the day the requirement is reached.
 */
export function tenureMessage(
  held: { level: TitleLevel; since: string | null } | null,
  tenureTitle: TitleLevel,
  years: number,
  actual: number,
): Label {
  const title = labelOf('titleLevels', tenureTitle);
  const unit = labelOf('ruleUnits', 'years').zh;
  if (held === null || held.since === null) {
    return {
      zh: `尚未取得${title.zh}职称（需任该职称满 ${figure(years)} ${unit}）`,
      en: `The title ${title.en} is not held yet (${counted(years, 'year')} holding it required)`,
    };
  }
  const reachedOn = addYears(held.since, Math.ceil(years));
  return {
    zh: `任${title.zh}职称尚不满 ${figure(years)} ${unit}（现 ${figure(actual)} ${unit}，${reachedOn} 满 ${figure(years)} ${unit}）`,
    en: `${counted(years, 'year')} holding the title ${title.en} required (${figure(actual)} so far; reached on ${reachedOn})`,
  };
}

/** TRAINING_ON_PACE: hours missing against those expected by the day the rule is judged on. */
export function trainingMessage(required: number, actual: number, judgedOn: string): Label {
  const missing = Math.max(0, required - actual);
  const unit = labelOf('ruleUnits', 'hours').zh;
  return {
    zh: `培训学时尚差 ${figure(missing)} ${unit}（截至 ${judgedOn} 应完成 ${figure(required)} ${unit}）`,
    en: `${counted(missing, 'hour', 'more training ')} needed (${figure(required)} expected by ${judgedOn})`,
  };
}

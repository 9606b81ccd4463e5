import { labelOf, type Label } from '../labels/code-labels';
import type { Subject } from '../reference/codes';
import { EXEMPTION_REASONS, type BackboneDenominator, type ExemptionReason, type RotationReason } from './rotation-codes';

/**
 * The sentences rotation answers carry (docs/rules.md, "Rotation: plans"), in Chinese and English, built
 * from the teacher's or the plan's figures and the policy's numbers.
 */

/** A share as a percentage people read: 0.1 → "10", 0.07 → "7" (never 7.000000000000001). */
function percent(share: number): string {
  return String(Number((share * 100).toFixed(6)));
}

function people(count: number): string {
  return `${count} ${count === 1 ? 'teacher' : 'teachers'}`;
}

function years(count: number): string {
  return `${count} ${count === 1 ? 'year' : 'years'}`;
}

export interface YearsFigures {
  readonly since: string | null;
  readonly years: number;
  readonly required: number;
  readonly reachedOn: string | null;
}

/** Why a teacher is not eligible, one sentence per reason. */
export function reasonMessage(reason: RotationReason, referenceDate: string, figures: YearsFigures): Label {
  switch (reason) {
    case 'NOT_ON_QUOTA':
      return { zh: '非在编教师，不列入交流轮岗对象', en: 'Not on the staffing quota: not subject to rotation' };
    case 'NOT_AT_SCHOOL':
      return {
        zh: `${referenceDate} 无常规任教学校（交流、支教中或未任教）`,
        en: `No regular post at a school on ${referenceDate} (rotating, on support, or not posted)`,
      };
    case 'TOO_FEW_YEARS':
      return {
        zh: `自 ${figures.since} 起在本校连续任教 ${figures.years} 年，不满 ${figures.required} 年（${figures.reachedOn} 满）`,
        en: `${years(figures.years)} at the school without a break since ${figures.since}, ${figures.required} required (reached on ${figures.reachedOn})`,
      };
  }
}

/** How long the teacher has served at the school, as the due and the exempt sentences begin. */
function yearsServed(referenceDate: string, figures: YearsFigures): Label {
  return {
    zh: `自 ${figures.since} 起在本校连续任教 ${figures.years} 年，满 ${figures.required} 年（${referenceDate}）`,
    en: `${years(figures.years)} at the school without a break since ${figures.since} on ${referenceDate}, ${figures.required} required`,
  };
}

/** An eligible teacher: 自 2020-09-01 起在本校连续任教 6 年，满 6 年（2026-09-01），应交流轮岗. */
export function dueMessage(referenceDate: string, figures: YearsFigures): Label {
  const served = yearsServed(referenceDate, figures);
  return { zh: `${served.zh}，应交流轮岗`, en: `${served.en}: due to rotate` };
}

export function ageExemptionMessage(referenceDate: string, age: number, exemptAge: number): Label {
  return {
    zh: `${referenceDate} 年满 ${age} 周岁（${exemptAge} 周岁及以上免于交流）`,
    en: `Aged ${age} on ${referenceDate} (exempt from ${exemptAge})`,
  };
}

/** A recorded exemption; a reason of EXEMPTION_REASONS reads as its label. */
export function recordedExemptionMessage(reason: string, validFrom: string, validTo: string | null): Label {
  const label = (EXEMPTION_REASONS as readonly string[]).includes(reason)
    ? labelOf('exemptionReasons', reason as ExemptionReason)
    : { zh: reason, en: reason };
  return {
    zh: `已登记免于交流：${label.zh}（${validFrom} 至 ${validTo ?? '长期'}）`,
    en: `Exemption recorded: ${label.en} (${validFrom} to ${validTo ?? 'no end'})`,
  };
}

/** An eligible teacher who is exempt: the years, then each ground. */
export function exemptMessage(referenceDate: string, figures: YearsFigures, grounds: readonly Label[]): Label {
  const served = yearsServed(referenceDate, figures);
  return {
    zh: `${served.zh}；${grounds.map((g) => g.zh).join('；')}，免于交流`,
    en: `${served.en}; ${grounds.map((g) => g.en.charAt(0).toLowerCase() + g.en.slice(1)).join('; ')}: exempt`,
  };
}

export function joined(parts: readonly Label[]): Label {
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

export interface TargetFigures {
  readonly eligibleCount: number;
  readonly minRotating: number;
  readonly minBackbone: number;
  readonly backboneDenominator: { readonly kind: BackboneDenominator; readonly count: number };
}

export interface TargetShares {
  readonly minRotatingShare: number;
  readonly minBackboneShare: number;
}

/**
 * The targets with how they were computed: 应交流不少于 2 人（符合条件 11 人 × 10%，向上取整）；其中骨干教师不少于 1 人（交流人数 2 人 × 20%，向上取整）,
 * with what the plan has when it is given.
 */
export function targetsMessage(targets: TargetFigures, shares: TargetShares, planned?: { rotating: number; backbone: number }): Label {
  const denominator = targets.backboneDenominator;
  const denominatorZh = denominator.kind === 'ROTATING' ? '交流人数' : '符合条件';
  const denominatorEn = denominator.kind === 'ROTATING' ? 'rotating' : 'eligible';
  const zhPlanned = (count: number) => (planned ? `，计划 ${count} 人` : '');
  const enPlanned = (count: number) => (planned ? `, ${count} planned` : '');
  return {
    zh:
      `应交流不少于 ${targets.minRotating} 人（符合条件 ${targets.eligibleCount} 人 × ${percent(shares.minRotatingShare)}%，向上取整）${zhPlanned(planned?.rotating ?? 0)}；` +
      `其中骨干教师不少于 ${targets.minBackbone} 人（${denominatorZh} ${denominator.count} 人 × ${percent(shares.minBackboneShare)}%，向上取整）${zhPlanned(planned?.backbone ?? 0)}`,
    en:
      `At least ${people(targets.minRotating)} to rotate (${percent(shares.minRotatingShare)}% of ${targets.eligibleCount} eligible, rounded up)${enPlanned(planned?.rotating ?? 0)}; ` +
      `at least ${targets.minBackbone} of them backbone teachers (${percent(shares.minBackboneShare)}% of ${denominator.count} ${denominatorEn}, rounded up)${enPlanned(planned?.backbone ?? 0)}`,
  };
}

/** The days of a service rule as a reach reads them: a date, or never. */
interface ReachFigures {
  readonly requiredDays: number;
  readonly before: string | null;
  readonly after: string | null;
  readonly changed: boolean;
}

function reachSentence(ruleZh: string, ruleEn: string, reach: ReachFigures): Label {
  const zhDay = (day: string | null) => (day === null ? '不能满足' : `${day} 满足`);
  const enDay = (day: string | null) => (day === null ? 'never met' : `met on ${day}`);
  if (!reach.changed) {
    return { zh: `${ruleZh}不变（${zhDay(reach.before)}）`, en: `${ruleEn} unchanged (${enDay(reach.before)})` };
  }
  return {
    zh: `${ruleZh}：${zhDay(reach.after)}（原为${reach.before === null ? '不能满足' : ` ${reach.before}`}）`,
    en: `${ruleEn}: ${enDay(reach.after)} (was ${reach.before === null ? 'never' : reach.before})`,
  };
}

/** An assignment's effect on the two service rules: 晋升高级职称乡村或薄弱学校任教满 365 天：2027-08-31 满足（原为不能满足）；… */
export function eligibilityEffectMessage(seniorTitle: ReachFigures, principalPriority: ReachFigures): Label {
  return joined([
    reachSentence(
      `晋升高级职称乡村或薄弱学校任教满 ${seniorTitle.requiredDays} 天`,
      `Senior title rural or weak service of ${seniorTitle.requiredDays} days`,
      seniorTitle,
    ),
    reachSentence(
      `校长选任优先条件（满 ${principalPriority.requiredDays} 天）`,
      `Principal-selection priority (${principalPriority.requiredDays} days)`,
      principalPriority,
    ),
  ]);
}

/** The sending school loses its last teacher of a subject its curriculum needs. */
export function lastTeacherMessage(schoolName: string, subject: Subject, startDate: string): Label {
  const label = labelOf('subjects', subject);
  return {
    zh: `${startDate} 起${schoolName}将没有${label.zh}教师，而课程需要该学科教师`,
    en: `From ${startDate} ${schoolName} has no teacher of ${label.en} left, which its curriculum needs`,
  };
}

/** The receiving school has no open need (flag or staff request) for what the teacher teaches. */
export function noNeedMessage(schoolName: string, subjects: readonly Subject[]): Label {
  const labels = subjects.map((s) => labelOf('subjects', s));
  return {
    zh: `${schoolName}目前没有${labels.map((l) => l.zh).join('、')}学科的缺口预警或补充教师申请`,
    en: `${schoolName} has no open shortage flag or staff request for ${labels.map((l) => l.en).join(', ')}`,
  };
}

import { ELIGIBILITY_RULES, labelOf, RuleOutcome } from '@app/domain';
import type { CountyEligibilityRow } from './county-eligibility.usecase';

/**
 * Quotes a CSV cell when it holds a separator, quote or line break; text that a spreadsheet
 * would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe.
 */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const outcome = (passed: boolean) => labelOf('ruleOutcomes', passed ? 'PASSED' : 'FAILED').zh;

/** The three columns of a rule: its outcome, the teacher's figure and the requirement, each heading with the rule's unit. */
function ruleHeadings(code: (typeof ELIGIBILITY_RULES)[number], unit: RuleOutcome['unit']): string[] {
  const rule = labelOf('eligibilityRules', code).zh;
  const inUnit = labelOf('ruleUnits', unit).zh;
  return [rule, `${rule}实际（${inUnit}）`, `${rule}要求（${inUnit}）`];
}

const UNITS: Record<(typeof ELIGIBILITY_RULES)[number], RuleOutcome['unit']> = {
  RURAL_OR_WEAK_SERVICE: 'days',
  TITLE_TENURE: 'years',
  TRAINING_ON_PACE: 'hours',
};

/**
 * The county eligibility list as CSV for the bureau's spreadsheets: Chinese headings and Chinese
 * labels for codes (职称 一级教师, 结论 暂不符合, 满足/不满足), the failed rules' sentences, UTF-8
 * with a BOM so that spreadsheet programs read the Chinese names.
 */
export function countyEligibilityCsv(rows: CountyEligibilityRow[], meta: { countyId: string; asOf: string; policyVersion: string }): string {
  const header = [
    '工号',
    '姓名',
    '职称',
    '学校',
    '结论',
    ...ELIGIBILITY_RULES.flatMap((code) => ruleHeadings(code, UNITS[code])),
    '未满足条件说明',
    '届时尚需登记培训学时',
    '最早满足日期',
    '校长选任优先条件',
    '乡村或薄弱学校任教天数',
    '县（区）代码',
    '统计日期',
    '政策版本',
  ];
  const lines = rows.map((row) => {
    const training = row.rules.find((r) => r.code === 'TRAINING_ON_PACE');
    return [
      row.staffNo,
      row.name,
      labelOf('titleLevels', row.titleLevel).zh,
      row.schoolName ?? row.schoolId,
      labelOf('eligibilityStatuses', row.status).zh,
      ...ELIGIBILITY_RULES.flatMap((code) => {
        const rule = row.rules.find((r) => r.code === code);
        return rule ? [outcome(rule.passed), rule.actual, rule.required] : [null, null, null];
      }),
      row.rules.flatMap((r) => (r.message ? [r.message.zh] : [])).join('；'),
      training?.hoursToRecordBy?.hours,
      row.earliestServiceDate,
      outcome(row.principalPriority),
      row.qualifyingDays,
      meta.countyId,
      meta.asOf,
      meta.policyVersion,
    ]
      .map(cell)
      .join(',');
  });
  return `\ufeff${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}

import { tableWorkbook, workbookBytes } from '@app/core';
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

type Cell = string | number | null | undefined;
type ListMeta = { countyId: string; asOf: string; policyVersion: string };

/** The headings of both downloads, in order. */
function headings(): string[] {
  return [
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
}

/** A teacher's cells under those headings: Chinese labels for codes, dates as YYYY-MM-DD, figures as numbers. */
function cells(row: CountyEligibilityRow, meta: ListMeta): Cell[] {
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
  ];
}

/**
 * The county eligibility list as CSV for the bureau's spreadsheets: Chinese headings and Chinese
 * labels for codes (职称 一级教师, 结论 暂不符合, 满足/不满足), the failed rules' sentences, UTF-8
 * with a BOM so that spreadsheet programs read the Chinese names.
 */
export function countyEligibilityCsv(rows: CountyEligibilityRow[], meta: ListMeta): string {
  const lines = [headings(), ...rows.map((row) => cells(row, meta))].map((line) => line.map(cell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Wide enough for a heading (a Chinese character is two), the school and the sentences wider still. */
const WIDE: Record<string, number> = { 学校: 28, 未满足条件说明: 48 };
const width = (heading: string) => WIDE[heading] ?? Math.min(30, Math.max(10, [...heading].length * 2 + 2));

/**
 * The same list as an Excel workbook: one sheet 职称申报资格 with the CSV's headings in a frozen heading row and a
 * teacher a row; figures are numbers, dates YYYY-MM-DD text as in the other workbooks, text is never a formula.
 */
export async function countyEligibilityWorkbook(rows: CountyEligibilityRow[], meta: ListMeta): Promise<Buffer> {
  const columns = headings().map((header, index) => ({ header, key: `c${index}`, width: width(header) }));
  const { workbook, sheet } = tableWorkbook('职称申报资格', columns);
  for (const row of rows) sheet.addRow(cells(row, meta).map((value) => value ?? null));
  return workbookBytes(workbook);
}

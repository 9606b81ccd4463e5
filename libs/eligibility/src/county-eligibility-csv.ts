import { ELIGIBILITY_RULES } from '@app/domain';
import type { CountyEligibilityRow } from './county-eligibility.usecase';

/** Quotes a CSV cell when it holds a separator, quote or line break; guards against spreadsheet formulas. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The county eligibility list as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese names). */
export function countyEligibilityCsv(
  rows: CountyEligibilityRow[],
  schoolNames: Map<string, string>,
  meta: { countyId: string; asOf: string; policyVersion: string },
): string {
  const header = [
    'staffNo',
    'name',
    'school',
    'eligible',
    ...ELIGIBILITY_RULES.flatMap((code) => [`${code}.passed`, `${code}.actual`, `${code}.required`]),
    'earliestServiceDate',
    'principalPriority',
    'qualifyingDays',
    'countyId',
    'asOf',
    'policyVersion',
  ];
  const lines = rows.map((row) =>
    [
      row.staffNo,
      row.name,
      row.schoolId ? (schoolNames.get(row.schoolId) ?? row.schoolId) : '',
      row.eligible,
      ...ELIGIBILITY_RULES.flatMap((code) => {
        const rule = row.rules.find((r) => r.code === code);
        return rule ? [rule.passed, rule.actual, rule.required] : [null, null, null];
      }),
      row.earliestServiceDate,
      row.principalPriority,
      row.qualifyingDays,
      meta.countyId,
      meta.asOf,
      meta.policyVersion,
    ]
      .map(cell)
      .join(','),
  );
  return `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

import { supportedDateProblem } from '../calendar/supported-dates';
import { CODE_LISTS, codeFromLabel, labelOf } from '../labels/code-labels';
import { fractionToMilli } from '../postings/posting-load';
import type { Subject } from '../reference/codes';
import { ImportColumn, importColumns, OneSheetKind } from './import-columns';

/**
 * A cell as a spreadsheet holds it: text, a number, a boolean, a date (XLSX), empty, or a formula
 * (never evaluated: refused, see `readCell`).
 */
export type RawCell = string | number | boolean | Date | null | { readonly formula: string };

/** A cell read into what its column means: text, a code, a date `YYYY-MM-DD`, a number, a fraction in thousandths, a flag, extra subjects. */
export type CellValue = string | number | boolean | readonly { subject: Subject; fraction: number }[] | null;

/** The heading of the column the error report adds; a file sent again with it is read as if it were not there. */
export const ERROR_COLUMN_HEADING = '导入错误';

/** Characters that make a spreadsheet read a cell as a formula (CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text written into an exported cell so that no spreadsheet runs it: a leading `=`, `+`, `-`, `@`,
 * tab or carriage return gets an apostrophe before it, which Excel shows as text (and `readCell`
 * takes off again on import).
 */
export function safeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const TRUE_WORDS = new Set(['是', '有', 'true', 'yes', 'y', '1', '√']);
const FALSE_WORDS = new Set(['否', '无', 'false', 'no', 'n', '0', '×']);

/** Day 0 of Excel's serial dates (1900 system, including its 29 February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `2020/9/1`, `2020.9.1`, `2020年9月1日` or `2020-9-1` as `2020-09-01`; anything else as it is. */
function normalisedDate(text: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text;
}

export type CellReading = { readonly value: CellValue } | { readonly problem: string };

/** The text of a cell: numbers as written, dates as `YYYY-MM-DD`, trimmed; an export's apostrophe taken off. */
function cellText(raw: Exclude<RawCell, { formula: string }>): string {
  if (raw === null) return '';
  if (raw instanceof Date) return utcDate(raw);
  const text = String(raw).trim();
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Reads one cell for its column. Empty cells are null (whether that is allowed is the row's
 * business). Codes are read by code or label (Chinese or English); flags as 是/否, true/false, 1/0;
 * dates as `YYYY-MM-DD` (also 2020/9/1, a date cell or Excel's serial number).
 */
export function readCell(column: ImportColumn, raw: RawCell): CellReading {
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    return { problem: 'is a formula: formulas are not evaluated here; copy the cells and paste them as values' };
  }
  const text = cellText(raw);
  if (text === '') return { value: null };
  const type = column.type;
  switch (type.kind) {
    case 'text':
      if (text.length > type.maxLength) return { problem: `at most ${type.maxLength} characters` };
      if (type.pattern && !type.pattern.test(text)) return { problem: type.patternMessage ?? 'is not valid' };
      return { value: text };
    case 'code': {
      const code = codeFromLabel(type.list, text);
      if (code === undefined) {
        return { problem: `must be one of ${CODE_LISTS[type.list].map((c) => `${labelOf(type.list, c as never).zh} (${String(c)})`).join(', ')}` };
      }
      return { value: String(code) };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: 'must be 是 or 否 (true or false)' };
    }
    case 'date': {
      const date =
        typeof raw === 'number' && Number.isInteger(raw) && raw > 0 && raw < 120_000
          ? utcDate(new Date(EXCEL_EPOCH_MS + raw * 86_400_000))
          : normalisedDate(text);
      const problem = supportedDateProblem(date);
      return problem ? { problem } : { value: date };
    }
    case 'int': {
      if (!/^-?\d+$/.test(text)) return { problem: 'must be a whole number' };
      const n = Number(text);
      if (n < type.min || n > type.max) return { problem: `must be between ${type.min} and ${type.max}` };
      return { value: n };
    }
    case 'fraction': {
      const milli = /^\d+(\.\d+)?$/.test(text) ? fractionToMilli(Number(text)) : null;
      return milli === null ? { problem: 'must be above 0 and at most 1, with at most 3 decimals' } : { value: milli };
    }
    case 'extraSubjects':
      return readExtraSubjects(text);
  }
}

/** `音乐:0.3;美术:0.2` (codes or labels; `:` or `：`; `;`, `；`, `、` or `,` between) as extra subjects. */
function readExtraSubjects(text: string): CellReading {
  const extras: { subject: Subject; fraction: number }[] = [];
  for (const part of text
    .split(/[;；、,，\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s*[:：]\s*(\d+(?:\.\d+)?)$/.exec(part);
    const subject = match ? codeFromLabel('subjects', match[1]) : undefined;
    if (!match || !subject) return { problem: `"${part}" is not subject:fraction, such as 音乐:0.3` };
    extras.push({ subject, fraction: Number(match[2]) });
  }
  return { value: extras };
}

/** The text an exported cell holds for a value of its column (codes as their Chinese labels, flags as 是/否). */
export function writeCell(column: ImportColumn, value: CellValue): string | number {
  if (value === null) return '';
  const type = column.type;
  switch (type.kind) {
    case 'code':
      return labelOf(type.list, value as never).zh;
    case 'bool':
      return value ? '是' : '否';
    case 'fraction':
      return (value as number) / 1000;
    case 'int':
      return value as number;
    case 'extraSubjects':
      return (value as readonly { subject: Subject; fraction: number }[]).map((e) => `${labelOf('subjects', e.subject).zh}:${e.fraction}`).join(';');
    default:
      return typeof value === 'string' ? safeCellText(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }
}

export interface HeadingProblem {
  /** The heading as the file writes it, or the missing column's field name. */
  readonly column: string;
  readonly message: string;
}

/** The columns of a sheet by position (undefined: not read), or what is wrong with its heading row. */
export interface SheetHeadings {
  readonly columns: (ImportColumn | undefined)[];
  readonly problems: HeadingProblem[];
}

/** A heading's column: its field name (any case), Chinese or English heading; a trailing `*` (required) ignored. */
export function columnOfHeading(kind: OneSheetKind, heading: string): ImportColumn | undefined {
  const wanted = heading.trim().replace(/\s*[*＊]$/, '');
  const lower = wanted.toLowerCase();
  return importColumns(kind).find((c) => c.key.toLowerCase() === lower || c.zh === wanted || c.en.toLowerCase() === lower);
}

/** Reads the heading row of a sheet of `kind`: unknown, repeated and missing required columns are problems. */
export function readHeadings(kind: OneSheetKind, headings: readonly string[]): SheetHeadings {
  const problems: HeadingProblem[] = [];
  const columns = headings.map((heading) => {
    const text = heading.trim();
    if (text === '' || text === ERROR_COLUMN_HEADING) return undefined;
    const column = columnOfHeading(kind, text);
    if (!column)
      problems.push({
        column: text,
        message: `is not a column of ${kind}: ${importColumns(kind)
          .map((c) => `${c.zh} (${c.key})`)
          .join(', ')}`,
      });
    return column;
  });
  for (const column of importColumns(kind)) {
    const count = columns.filter((c) => c === column).length;
    if (count > 1) problems.push({ column: column.key, message: `appears ${count} times` });
    if (count === 0 && column.required) problems.push({ column: column.key, message: `is missing: add the column ${column.zh} (${column.key})` });
  }
  return { columns, problems };
}

export interface RowReading {
  readonly values: Record<string, CellValue>;
  readonly problems: HeadingProblem[];
}

/** Reads a data row under its headings: each cell for its column, required cells present. Problems come in column order. */
export function readRow(kind: OneSheetKind, headings: SheetHeadings, cells: readonly RawCell[]): RowReading {
  const values: Record<string, CellValue> = {};
  const problems: HeadingProblem[] = [];
  const byColumn = new Map<string, string>();
  headings.columns.forEach((column, i) => {
    if (!column) return;
    const reading = readCell(column, cells[i] ?? null);
    if ('problem' in reading) byColumn.set(column.key, reading.problem);
    else values[column.key] = reading.value;
  });
  for (const column of importColumns(kind)) {
    const problem = byColumn.get(column.key);
    if (problem) problems.push({ column: column.key, message: problem });
    else if (column.required && (values[column.key] ?? null) === null) problems.push({ column: column.key, message: 'is required' });
    values[column.key] ??= null;
  }
  return { values, problems };
}

/** True for a row with nothing in it (skipped, but counted in the numbering). */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { AuditLog } from '@app/audit';
import { Clock, decodeTextFile, xlsxSheets, XlsxSheet } from '@app/core';
import { ReferenceRepository, TeacherRepository, TrainingRepository, TransactionHost } from '@app/database';
import {
  Actor,
  codeFromLabel,
  cycleOf,
  isCalendarDate,
  labelOf,
  NotFoundError,
  requireRole,
  scopeOf,
  TRAINING_CATEGORIES,
  TRAINING_IMPORT_COLUMNS,
  TrainingCategory,
  TrainingImportColumn,
  trainingRecordProblems,
  ValidationFailedError,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { newTrainingEntry } from './training-entry';

export const MAX_IMPORT_ROWS = 5000;

/** The file as it was sent: its bytes (UTF-8 or GB18030) and, for an upload, its name. */
export interface ImportFile {
  bytes: Uint8Array;
  name?: string;
  /** The charset the sender declared (`text/csv; charset=gbk`), if any. */
  charset?: string;
}

export interface ImportProblem {
  /** The row as the spreadsheet shows it: the header is row 1, blank rows count, a cell spanning lines is one row. */
  row: number;
  column: TrainingImportColumn;
  reason: string;
}

export interface ImportResult {
  countyId: string;
  imported: number;
  status: 'SUBMITTED' | 'APPROVED';
  recordIds: string[];
}

interface ParsedRow {
  row: number;
  values: Record<TrainingImportColumn, string>;
}

interface ParsedFile {
  rows: ParsedRow[];
  /** Each column's heading as the file writes it (工号 or staffNo), to name it in problems. */
  headings: Record<TrainingImportColumn, string>;
}

const BOTH_HEADERS = `${TRAINING_IMPORT_COLUMNS.join(',')} (or ${TRAINING_IMPORT_COLUMNS.map((c) => labelOf('trainingImportColumns', c).zh).join(',')})`;

/**
 * Records many teachers' training at once from a CSV (county officers, for provincial and
 * national courses): all rows or none. The file is UTF-8 or GB18030 (Excel on Chinese Windows),
 * headed by the field names or their Chinese headings; a category is its code or its Chinese
 * label. Any problem answers 400 with every row (as the spreadsheet numbers it), column and reason.
 */
@Injectable()
export class ImportTrainingRecordsUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly records: TrainingRepository,
    private readonly teachers: TeacherRepository,
    private readonly reference: ReferenceRepository,
    private readonly policy: PolicyStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; countyId: string; file: ImportFile; approve?: boolean }): Promise<ImportResult> {
    requireRole(command.actor, ['COUNTY_OFFICER', 'PROVINCE_ADMIN'], 'import training records');
    const scope = scopeOf(command.actor);
    const county = await this.reference.findCountyInScope(scope, command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const { rows, headings } = this.parse(await this.recordsOf(command.file));
    const today = this.clock.today();
    const { parameters } = await this.policy.inForce(today);

    return this.tx.run(async () => {
      const problems: ImportProblem[] = [];
      const add = (row: number, column: TrainingImportColumn, reason: string) => problems.push({ row, column, reason });
      const staffNos = [...new Set(rows.map((r) => r.values.staffNo).filter(Boolean))];
      const teachers = new Map((await this.teachers.findByStaffNos(county.id, staffNos)).map((t) => [t.staffNo, t]));
      const valid: { row: ParsedRow; teacherId: string; hours: number; category: TrainingCategory }[] = [];

      for (const row of rows) {
        const v = row.values;
        const before = problems.length;
        for (const column of TRAINING_IMPORT_COLUMNS) if (!v[column]) add(row.row, column, 'is required');
        const teacher = v.staffNo ? teachers.get(v.staffNo) : undefined;
        if (v.staffNo && !teacher) add(row.row, 'staffNo', `no teacher with this staff number in county ${county.id}`);
        if (v.title && v.title.length > 200) add(row.row, 'title', 'at most 200 characters');
        if (v.provider && v.provider.length > 200) add(row.row, 'provider', 'at most 200 characters');
        const category = v.category ? codeFromLabel('trainingCategories', v.category) : undefined;
        if (v.category && !category) {
          const labels = TRAINING_CATEGORIES.map((c) => labelOf('trainingCategories', c).zh).join('、');
          add(row.row, 'category', `must be one of ${TRAINING_CATEGORIES.join(', ')}, or its Chinese label (${labels})`);
        }
        const hours = Number(v.hours);
        if (v.hours && (!/^\d+(\.\d+)?$/.test(v.hours) || !Number.isFinite(hours))) add(row.row, 'hours', 'must be a number such as 12 or 7.5');
        for (const column of ['startDate', 'endDate'] as const) {
          if (v[column] && !isCalendarDate(v[column])) add(row.row, column, 'must be a date YYYY-MM-DD');
        }
        if (problems.length > before || !teacher || !category) continue;
        const ruleProblems = trainingRecordProblems({ hours, startDate: v.startDate, endDate: v.endDate }, today, parameters.training);
        for (const [column, messages] of Object.entries(ruleProblems)) {
          for (const message of messages) add(row.row, column as TrainingImportColumn, message);
        }
        if (problems.length === before) valid.push({ row, teacherId: teacher.id, hours, category });
      }

      // The same course twice, in the file or already in the ledger, is a mistake to show, not to count twice.
      const key = (teacherId: string, title: string, start: string, end: string, hours: number) => `${teacherId}|${title}|${start}|${end}|${hours}`;
      if (valid.length > 0) {
        const starts = valid.map((x) => x.row.values.startDate).sort();
        const known = new Set(
          (await this.records.existing([...new Set(valid.map((x) => x.teacherId))], starts[0], starts[starts.length - 1])).map((r) =>
            key(r.teacherId, r.title, r.startDate, r.endDate, r.hours),
          ),
        );
        const seen = new Map<string, number>();
        for (const x of valid) {
          const k = key(x.teacherId, x.row.values.title, x.row.values.startDate, x.row.values.endDate, x.hours);
          if (known.has(k)) add(x.row.row, 'title', 'this teacher already has this record (same title, dates and hours)');
          else if (seen.has(k)) add(x.row.row, 'title', `repeats row ${seen.get(k)}`);
          else seen.set(k, x.row.row);
        }
      }
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
        const fields: Record<string, string[]> = {};
        for (const p of problems) (fields[`row ${p.row}.${headings[p.column]}`] ??= []).push(p.reason);
        throw new ValidationFailedError(fields, `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`);
      }

      const now = this.clock.now();
      const status = command.approve ? 'APPROVED' : 'SUBMITTED';
      const entities = valid.map((x) =>
        newTrainingEntry(
          {
            teacherId: x.teacherId,
            countyId: county.id,
            title: x.row.values.title,
            provider: x.row.values.provider,
            category: x.category,
            hours: x.hours,
            startDate: x.row.values.startDate,
            endDate: x.row.values.endDate,
          },
          { by: command.actor.userId, at: now, approved: command.approve === true },
        ),
      );
      await this.records.insert(entities);
      const result: ImportResult = { countyId: county.id, imported: entities.length, status, recordIds: entities.map((e) => e.id) };
      await this.audit.record({
        action: 'training.import',
        entity: 'county',
        entityId: county.id,
        countyId: county.id,
        after: { ...result, cycles: [...new Set(entities.map((e) => cycleOf(e.startDate, parameters.training).startYear))] },
      });
      return result;
    });
  }

  /**
   * The file's rows as text: a CSV parsed, or the first sheet of an XLSX workbook (the template
   * 培训记录; its notes and code lists skipped) read as stored, a date as `YYYY-MM-DD` (Excel's
   * serial numbers in the date columns too) and a formula refused.
   */
  private async recordsOf(file: ImportFile): Promise<string[][]> {
    if (file.bytes[0] !== 0x50 || file.bytes[1] !== 0x4b) {
      const text = decodeTextFile(file.bytes, file.name, file.charset).text;
      try {
        return parse(text, { bom: true, trim: true, skip_empty_lines: false, relax_column_count: true });
      } catch (error) {
        throw ValidationFailedError.field('file', `is not readable CSV: ${(error as Error).message}`);
      }
    }
    const named = file.name ? `The file "${file.name}"` : 'The file';
    let sheets: XlsxSheet[];
    try {
      sheets = await xlsxSheets(file.bytes);
    } catch (error) {
      throw ValidationFailedError.field(
        'file',
        `${named} is not a readable XLSX workbook (${(error as Error).message}): save it from Excel as .xlsx or CSV`,
      );
    }
    const sheet = sheets.find((s) => s.name !== '说明' && s.name !== '代码表');
    if (!sheet) throw ValidationFailedError.field('file', `${named} has no sheet to read`);
    const records: string[][] = [];
    let dateColumns: number[] = [];
    for await (const { row, cells } of sheet.rows()) {
      while (records.length < row - 1) records.push([]);
      const texts = cells.map((cell, i) => {
        if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
          throw ValidationFailedError.field(`row ${row}`, 'holds a formula: formulas are not evaluated here; paste the values');
        }
        if (cell instanceof Date) return cell.toISOString().slice(0, 10);
        if (typeof cell === 'number' && dateColumns.includes(i) && Number.isInteger(cell)) return excelSerialDate(cell);
        return cell === null ? '' : String(cell).trim();
      });
      if (records.every((r) => r.every((c) => c === ''))) {
        dateColumns = texts.flatMap((heading, i) => {
          const column = codeFromLabel('trainingImportColumns', heading);
          return column === 'startDate' || column === 'endDate' ? [i] : [];
        });
      }
      records.push(texts);
    }
    return records;
  }

  /**
   * The rows of the file under its header, each numbered as a spreadsheet shows it: the header
   * is row 1 (after any blank rows above it), blank rows are counted and skipped, and a quoted
   * cell spanning lines stays in its one row.
   */
  private parse(records: string[][]): ParsedFile {
    const blank = (record: string[]) => record.every((cell) => cell === '');
    const headerIndex = records.findIndex((record) => !blank(record));
    if (headerIndex < 0) throw ValidationFailedError.field('file', `is empty; the first row must be the header ${BOTH_HEADERS}`);

    const header = records[headerIndex];
    const columns = header.map((heading) => (heading === '' ? undefined : codeFromLabel('trainingImportColumns', heading)));
    const problems: string[] = [];
    const unknown = header.filter((heading, i) => heading !== '' && columns[i] === undefined);
    const missing = TRAINING_IMPORT_COLUMNS.filter((c) => !columns.includes(c));
    const twice = TRAINING_IMPORT_COLUMNS.filter((c) => columns.indexOf(c) !== columns.lastIndexOf(c));
    if (missing.length > 0) problems.push(`lacks ${missing.map((c) => `${c} (${labelOf('trainingImportColumns', c).zh})`).join(', ')}`);
    if (unknown.length > 0) problems.push(`has unknown columns ${unknown.join(', ')}`);
    if (twice.length > 0) problems.push(`names ${twice.join(', ')} more than once`);
    if (problems.length > 0) throw new ValidationFailedError({ header: problems }, `The header must be ${BOTH_HEADERS}`);

    const headings = Object.fromEntries(columns.flatMap((c, i) => (c ? [[c, header[i]]] : []))) as Record<TrainingImportColumn, string>;
    const rows: ParsedRow[] = [];
    records.forEach((record, index) => {
      if (index <= headerIndex || blank(record)) return;
      const values = Object.fromEntries(columns.flatMap((c, i) => (c ? [[c, record[i] ?? '']] : []))) as Record<TrainingImportColumn, string>;
      rows.push({ row: index + 1, values });
    });
    if (rows.length > MAX_IMPORT_ROWS) throw ValidationFailedError.field('file', `has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} a file`);
    if (rows.length === 0) throw ValidationFailedError.field('file', 'has a header but no rows');
    return { rows, headings };
  }
}

/** Excel's serial number of a day (1900 system) as `YYYY-MM-DD`. */
function excelSerialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

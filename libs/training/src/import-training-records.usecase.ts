import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { ReferenceRepository, TeacherRepository, TrainingRepository, TransactionHost } from '@app/database';
import {
  Actor,
  cycleOf,
  isCalendarDate,
  NotFoundError,
  requireRole,
  scopeOf,
  TRAINING_CATEGORIES,
  TrainingCategory,
  trainingRecordProblems,
  ValidationFailedError,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { newTrainingEntry } from './training-entry';

export const IMPORT_COLUMNS = ['staffNo', 'title', 'provider', 'category', 'hours', 'startDate', 'endDate'] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface ImportProblem {
  /** Line of the file, the header being line 1. */
  row: number;
  column: string;
  reason: string;
}

export interface ImportResult {
  countyId: string;
  imported: number;
  status: 'SUBMITTED' | 'APPROVED';
  recordIds: string[];
}

interface ParsedRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Records many teachers' training at once from a CSV (county officers, for provincial and
 * national courses): all rows or none. Any problem answers 400 with every row, column and reason.
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

  async execute(command: { actor: Actor; countyId: string; csv: string; approve?: boolean }): Promise<ImportResult> {
    requireRole(command.actor, ['COUNTY_OFFICER', 'PROVINCE_ADMIN'], 'import training records');
    const scope = scopeOf(command.actor);
    const county = await this.reference.findCountyInScope(scope, command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const rows = this.parse(command.csv);
    const today = this.clock.today();
    const { parameters } = await this.policy.inForce(today);

    return this.tx.run(async () => {
      const problems: ImportProblem[] = [];
      const add = (row: number, column: string, reason: string) => problems.push({ row, column, reason });
      const staffNos = [...new Set(rows.map((r) => r.values.staffNo).filter(Boolean))];
      const teachers = new Map((await this.teachers.findByStaffNos(county.id, staffNos)).map((t) => [t.staffNo, t]));
      const valid: { row: ParsedRow; teacherId: string; hours: number; category: TrainingCategory }[] = [];

      for (const row of rows) {
        const v = row.values;
        const before = problems.length;
        for (const column of IMPORT_COLUMNS) if (!v[column]) add(row.line, column, 'is required');
        const teacher = v.staffNo ? teachers.get(v.staffNo) : undefined;
        if (v.staffNo && !teacher) add(row.line, 'staffNo', `no teacher with this staff number in county ${county.id}`);
        if (v.title && v.title.length > 200) add(row.line, 'title', 'at most 200 characters');
        if (v.provider && v.provider.length > 200) add(row.line, 'provider', 'at most 200 characters');
        if (v.category && !TRAINING_CATEGORIES.includes(v.category as TrainingCategory))
          add(row.line, 'category', `must be one of ${TRAINING_CATEGORIES.join(', ')}`);
        const hours = Number(v.hours);
        if (v.hours && (!/^\d+(\.\d+)?$/.test(v.hours) || !Number.isFinite(hours))) add(row.line, 'hours', 'must be a number such as 12 or 7.5');
        for (const column of ['startDate', 'endDate'] as const) {
          if (v[column] && !isCalendarDate(v[column])) add(row.line, column, 'must be a date YYYY-MM-DD');
        }
        if (problems.length > before || !teacher) continue;
        const ruleProblems = trainingRecordProblems({ hours, startDate: v.startDate, endDate: v.endDate }, today, parameters.training);
        for (const [column, messages] of Object.entries(ruleProblems)) for (const message of messages) add(row.line, column, message);
        if (problems.length === before) valid.push({ row, teacherId: teacher.id, hours, category: v.category as TrainingCategory });
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
          if (known.has(k)) add(x.row.line, 'title', 'this teacher already has this record (same title, dates and hours)');
          else if (seen.has(k)) add(x.row.line, 'title', `repeats line ${seen.get(k)}`);
          else seen.set(k, x.row.line);
        }
      }
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
        const fields: Record<string, string[]> = {};
        for (const p of problems) (fields[`row ${p.row}.${p.column}`] ??= []).push(p.reason);
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

  private parse(csv: string): ParsedRow[] {
    let records: { record: string[]; info: { lines: number } }[];
    try {
      records = parse(csv, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
    } catch (error) {
      throw ValidationFailedError.field('file', `is not readable CSV: ${(error as Error).message}`);
    }
    if (records.length === 0) throw ValidationFailedError.field('file', `is empty; the first line must be the header ${IMPORT_COLUMNS.join(',')}`);
    const header = records[0].record;
    const missing = IMPORT_COLUMNS.filter((c) => !header.includes(c));
    const unknown = header.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
    if (missing.length > 0 || unknown.length > 0) {
      const fields: Record<string, string[]> = {};
      if (missing.length > 0) fields.header = [`lacks ${missing.join(', ')}`];
      if (unknown.length > 0) (fields.header ??= []).push(`has unknown columns ${unknown.join(', ')}`);
      throw new ValidationFailedError(fields, `The header must be ${IMPORT_COLUMNS.join(',')}`);
    }
    if (records.length - 1 > MAX_IMPORT_ROWS)
      throw ValidationFailedError.field('file', `has ${records.length - 1} rows; at most ${MAX_IMPORT_ROWS} a file`);
    if (records.length === 1) throw ValidationFailedError.field('file', 'has a header but no rows');
    return records.slice(1).map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(header.map((column, i) => [column, record[i] ?? ''])),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock, newId } from '@app/core';
import { ImportRepository, RegistryImportEntity, StoredImportError, UserRepository } from '@app/database';
import {
  ImportCounts,
  ImportRow,
  planImport,
  planWorkbook,
  REGISTRY_KIND,
  RegistryChanges,
  Scope,
  scopeOf,
  SHEET_KINDS,
  SheetKind,
  SheetRows,
  TRAINING_RECORDS_KIND,
  TrainingRules,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { readImportSheet, readRegistryWorkbook } from './import-file-reading';
import { UnreadableImportError } from './import-file';

/** A row a preview read and kept for the commit: in a workbook of several kinds, with the kind and name of its sheet. */
export type StagedRow = ImportRow & { readonly kind?: SheetKind; readonly sheet?: string };

/** An import's file read and checked against the county's registry as it stands. */
export interface CheckedImport {
  /** The sheet read; a workbook of several kinds: its sheets of the registry, in the order they are read. */
  readonly sheet: string;
  readonly rowsRead: number;
  readonly errors: StoredImportError[];
  /** The rows whose cells all read (kept for the commit when there is no problem). */
  readonly rows: StagedRow[];
}

/** What the rows would change in the county's registry now, or their problems, each naming its sheet. */
export interface CheckedPlan {
  readonly problems: StoredImportError[];
  readonly changes: RegistryChanges;
  readonly counts: ImportCounts;
  readonly touchedSchoolIds: string[];
}

/**
 * The one path from a stored file to the changes it makes. The preview reads the stored bytes
 * (streaming) and checks every row; the rows it read are kept, and the commit plans them again
 * with the same rules against the registry as it is at that moment.
 */
@Injectable()
export class ImportChecks {
  constructor(
    private readonly imports: ImportRepository,
    private readonly config: AppConfig,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
    private readonly users: UserRepository,
  ) {}

  async read(entity: RegistryImportEntity, onProgress?: (rowsRead: number) => Promise<void>): Promise<CheckedImport> {
    const bytes = await this.imports.file(entity.id);
    const file = { bytes, format: entity.format, fileName: entity.fileName, charset: entity.charset };
    const options = { maxRows: this.config.imports.maxRows, onProgress };
    if (entity.kind === REGISTRY_KIND) {
      if (entity.format !== 'XLSX') throw new UnreadableImportError('is CSV: the registry comes as an XLSX workbook with a sheet of each kind');
      const reading = await readRegistryWorkbook(file, options);
      const rows = reading.sheets.flatMap((s) => s.rows.map((r): StagedRow => ({ ...r, kind: s.kind, sheet: s.sheet })));
      // Rows that read are checked against the registry even when others did not: one pass names every problem.
      const { problems } = await this.plan(entity, rows, await this.senderScope(entity));
      const errors = [
        ...reading.problems,
        ...reading.sheets.flatMap((s) =>
          [...s.problems.map((p) => ({ sheet: s.sheet, ...p })), ...problems.filter((p) => p.sheet === s.sheet)].sort((a, b) => a.row - b.row),
        ),
      ];
      return { sheet: reading.sheets.map((s) => s.sheet).join(', '), rowsRead: reading.rowsRead, errors, rows };
    }
    const reading = await readImportSheet(file, entity.kind, options);
    const { problems } = await this.plan(entity, reading.rows, await this.senderScope(entity), reading.sheet);
    const errors = [...reading.problems.map((p) => ({ sheet: reading.sheet, ...p })), ...problems].sort((a, b) => a.row - b.row);
    return { sheet: reading.sheet, rowsRead: reading.rowsRead, errors, rows: reading.rows };
  }

  /**
   * What the rows would change in the county's registry now, or their problems. `scope`: the reach of whoever imports
   * (the sender for the preview, the officer committing for the commit), which schools of other counties a posting may name.
   */
  async plan(entity: RegistryImportEntity, rows: readonly StagedRow[], scope: Scope, sheet = entity.sheet ?? ''): Promise<CheckedPlan> {
    const named = rows.flatMap((r) =>
      typeof r.values.schoolCountyId === 'string' && typeof r.values.schoolCode === 'string'
        ? [{ countyId: r.values.schoolCountyId, code: r.values.schoolCode }]
        : [],
    );
    const snapshot = await this.imports.snapshot(entity.countyId, entity.kind, { scope, named });
    if (entity.kind !== REGISTRY_KIND) {
      const rules = entity.kind === TRAINING_RECORDS_KIND ? await this.trainingRules() : undefined;
      const plan = planImport(entity.kind, rows, snapshot, newId, rules);
      return { ...plan, problems: plan.problems.map((p) => ({ sheet, ...p })) };
    }
    const sheets: (SheetRows & { name: string; rows: StagedRow[] })[] = [];
    for (const row of rows) {
      const kind = row.kind ?? SHEET_KINDS[0];
      let group = sheets.find((s) => s.kind === kind);
      if (!group) sheets.push((group = { kind, name: row.sheet ?? '', rows: [] }));
      group.rows.push({ row: row.row, values: row.values });
    }
    const plan = planWorkbook(sheets, snapshot, newId);
    const problems = sheets.flatMap((s, i) => plan.sheets[i].map((p) => ({ sheet: s.name, ...p })));
    return { problems, changes: plan.changes, counts: plan.counts, touchedSchoolIds: plan.touchedSchoolIds };
  }

  /** The reach of the officer who sent the file (their county's, should the account be gone). */
  private async senderScope(entity: RegistryImportEntity): Promise<Scope> {
    const user = await this.users.findById(entity.createdBy);
    if (!user) return { level: 'COUNTY', countyId: entity.countyId };
    const { id, username, role, cityId, countyId, schoolId, teacherId } = user;
    return scopeOf({ userId: id, username, role, cityId, countyId, schoolId, teacherId });
  }

  /** Training records are judged by the training rules of the policy in force today. */
  private async trainingRules(): Promise<TrainingRules> {
    const today = this.clock.today();
    return { today, training: (await this.policy.inForce(today)).parameters.training };
  }
}

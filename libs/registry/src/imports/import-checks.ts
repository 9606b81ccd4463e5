import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { newId } from '@app/core';
import { ImportRepository, RegistryImportEntity, StoredImportError } from '@app/database';
import { ImportPlan, planImport } from '@app/domain';
import { readImportSheet } from './import-file-reading';

/** An import's file read and checked against the county's registry as it stands: what preview shows and commit writes. */
export interface CheckedImport {
  readonly sheet: string;
  readonly rowsRead: number;
  readonly errors: StoredImportError[];
  readonly plan: ImportPlan | null;
}

/**
 * The one path from a stored file to the changes it makes: preview and commit both read the
 * stored bytes here and check every row with the same rules (a commit checks again, against the
 * registry at that moment).
 */
@Injectable()
export class ImportChecks {
  constructor(
    private readonly imports: ImportRepository,
    private readonly config: AppConfig,
  ) {}

  async check(entity: RegistryImportEntity, onProgress?: (rowsRead: number) => Promise<void>): Promise<CheckedImport> {
    const bytes = await this.imports.file(entity.id);
    const reading = await readImportSheet({ bytes, format: entity.format, fileName: entity.fileName, charset: entity.charset }, entity.kind, {
      maxRows: this.config.imports.maxRows,
      onProgress,
    });
    const sheetErrors = reading.problems.map((p) => ({ sheet: reading.sheet, ...p }));
    // Rows that read are checked against the registry even when others did not: one pass names every problem.
    const plan = planImport(entity.kind, reading.rows, await this.imports.snapshot(entity.countyId, entity.kind), newId);
    const errors = [...sheetErrors, ...plan.problems.map((p) => ({ sheet: reading.sheet, ...p }))].sort((a, b) => a.row - b.row);
    return { sheet: reading.sheet, rowsRead: reading.rowsRead, errors, plan: errors.length === 0 ? plan : null };
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { newId } from '@app/core';
import { ImportRepository, RegistryImportEntity, StoredImportError } from '@app/database';
import { ImportPlan, ImportRow, planImport } from '@app/domain';
import { readImportSheet } from './import-file-reading';

/** An import's file read and checked against the county's registry as it stands. */
export interface CheckedImport {
  readonly sheet: string;
  readonly rowsRead: number;
  readonly errors: StoredImportError[];
  /** The rows whose cells all read (kept for the commit when there is no problem). */
  readonly rows: ImportRow[];
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
  ) {}

  async read(entity: RegistryImportEntity, onProgress?: (rowsRead: number) => Promise<void>): Promise<CheckedImport> {
    const bytes = await this.imports.file(entity.id);
    const reading = await readImportSheet({ bytes, format: entity.format, fileName: entity.fileName, charset: entity.charset }, entity.kind, {
      maxRows: this.config.imports.maxRows,
      onProgress,
    });
    // Rows that read are checked against the registry even when others did not: one pass names every problem.
    const { problems } = await this.plan(entity, reading.rows);
    const errors = [...reading.problems, ...problems].map((p) => ({ sheet: reading.sheet, ...p })).sort((a, b) => a.row - b.row);
    return { sheet: reading.sheet, rowsRead: reading.rowsRead, errors, rows: reading.rows };
  }

  /** What the rows would change in the county's registry now, or their problems. */
  async plan(entity: RegistryImportEntity, rows: readonly ImportRow[]): Promise<ImportPlan> {
    return planImport(entity.kind, rows, await this.imports.snapshot(entity.countyId, entity.kind), newId);
  }
}

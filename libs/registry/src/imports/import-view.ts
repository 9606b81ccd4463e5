import type { RegistryImportEntity, StoredImportError } from '@app/database';
import { importColumns, sheetKindOf, REGISTRY_KIND } from '@app/domain';
import type { ImportKind, ImportStatus } from '@app/domain';

/** The most problems an import keeps and shows (their total is `errorCount`). */
export const MAX_SHOWN_ERRORS = 1000;

export interface ImportView {
  id: string;
  countyId: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string | null;
  format: 'CSV' | 'XLSX';
  sheet: string | null;
  /** Data rows read: grows while RUNNING (progress), all of them once READY. */
  rows: number;
  errorCount: number;
  errors: ImportErrorView[];
  counts: { created: number; updated: number; unchanged: number } | null;
  createdAt: string;
  finishedAt: string | null;
  committedAt: string | null;
}

/** A problem as shown: with its column's Chinese heading as the template has it (null: the row as a whole, or a sheet unknown). */
interface ImportErrorView extends StoredImportError {
  heading: string | null;
}

/** The template's Chinese heading of the column `key` of a sheet of an import of `kind` (a registry's sheet is known by its name). */
function headingOf(kind: ImportKind, sheet: string, key: string | null): string | null {
  if (key === null) return null;
  const sheetKind = kind === REGISTRY_KIND ? sheetKindOf(sheet) : kind;
  if (!sheetKind) return null;
  return importColumns(sheetKind).find((column) => column.key === key)?.zh ?? null;
}

export function importView(entity: RegistryImportEntity, errors: StoredImportError[]): ImportView {
  return {
    id: entity.id,
    countyId: entity.countyId,
    kind: entity.kind,
    status: entity.status,
    fileName: entity.fileName,
    format: entity.format,
    sheet: entity.sheet,
    rows: entity.rowsRead,
    errorCount: entity.errorCount,
    errors: errors.map((error) => ({ ...error, heading: headingOf(entity.kind, error.sheet, error.column) })),
    counts: entity.counts,
    createdAt: entity.createdAt.toISOString(),
    finishedAt: entity.finishedAt?.toISOString() ?? null,
    committedAt: entity.committedAt?.toISOString() ?? null,
  };
}

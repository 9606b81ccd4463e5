import type { RegistryImportEntity, StoredImportError } from '@app/database';
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
  errors: StoredImportError[];
  counts: { created: number; updated: number; unchanged: number } | null;
  createdAt: string;
  finishedAt: string | null;
  committedAt: string | null;
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
    errors,
    counts: entity.counts,
    createdAt: entity.createdAt.toISOString(),
    finishedAt: entity.finishedAt?.toISOString() ?? null,
    committedAt: entity.committedAt?.toISOString() ?? null,
  };
}

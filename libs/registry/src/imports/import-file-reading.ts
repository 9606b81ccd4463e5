import { ImportKind, ImportProblem, ImportRow, isBlankRow, readHeadings, readRow } from '@app/domain';
import { ImportFileInput, sheetRows } from './import-file';

/** What reading a file's sheet found: the rows whose cells all read, and every problem of the cells and headings. */
export interface SheetReading {
  readonly sheet: string;
  readonly rows: ImportRow[];
  readonly problems: ImportProblem[];
  /** Data rows read (blank rows not counted). */
  readonly rowsRead: number;
}

export interface SheetReadingOptions {
  readonly maxRows: number;
  /** Called every `progressEvery` rows with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => Promise<void>;
  readonly progressEvery?: number;
}

/**
 * Reads the sheet of `kind` row by row (the file is streamed, rows kept lean): the heading row is
 * the first row with something in it, blank rows are skipped but keep their numbers, each data row
 * is read cell by cell for its column. More data rows than `maxRows` is a problem of the row after
 * the last one allowed, and reading stops there.
 */
export async function readImportSheet(file: ImportFileInput, kind: ImportKind, options: SheetReadingOptions): Promise<SheetReading> {
  let sheet = '';
  let headings: ReturnType<typeof readHeadings> | null = null;
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  let rowsRead = 0;
  let headingRow = 0;
  const every = options.progressEvery ?? 1000;
  for await (const item of sheetRows(file, kind)) {
    if ('sheet' in item) {
      sheet = item.sheet;
      continue;
    }
    const { row, cells } = item;
    if (isBlankRow(cells)) continue;
    if (!headings) {
      headingRow = row;
      headings = readHeadings(
        kind,
        cells.map((c) => (c === null ? '' : typeof c === 'object' && !(c instanceof Date) ? '' : String(c instanceof Date ? c.toISOString() : c))),
      );
      if (headings.problems.length > 0) {
        problems.push(...headings.problems.map((p) => ({ row, column: p.column, code: 'VALIDATION_FAILED' as const, message: p.message })));
        break;
      }
      continue;
    }
    rowsRead += 1;
    if (rowsRead > options.maxRows) {
      problems.push({
        row,
        column: null,
        code: 'VALIDATION_FAILED',
        message: `the sheet has more than ${options.maxRows} rows (IMPORT_MAX_ROWS): split it into several files`,
      });
      rowsRead -= 1;
      break;
    }
    const reading = readRow(kind, headings, cells);
    if (reading.problems.length > 0)
      problems.push(...reading.problems.map((p) => ({ row, column: p.column, code: 'VALIDATION_FAILED' as const, message: p.message })));
    else rows.push({ row, values: reading.values });
    if (options.onProgress && rowsRead % every === 0) await options.onProgress(rowsRead);
  }
  if (!headings)
    problems.push({ row: 1, column: null, code: 'VALIDATION_FAILED', message: 'the sheet is empty: its first row must be the headings' });
  else if (rowsRead === 0 && problems.length === 0)
    problems.push({ row: headingRow + 1, column: null, code: 'VALIDATION_FAILED', message: 'the sheet has headings but no rows' });
  return { sheet, rows, problems, rowsRead };
}

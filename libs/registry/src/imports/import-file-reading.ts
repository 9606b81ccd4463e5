import { IMPORT_SHEETS, ImportProblem, ImportRow, isBlankRow, OneSheetKind, readHeadings, readRow, SHEET_KINDS, SheetKind } from '@app/domain';
import { dataSheets, ImportFileInput, SheetRow, sheetRows } from './import-file';

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
export async function readImportSheet(file: ImportFileInput, kind: OneSheetKind, options: SheetReadingOptions): Promise<SheetReading> {
  return readSheet(sheetRows(file, kind), kind, options);
}

async function readSheet(
  items: AsyncIterable<SheetRow | { sheet: string }>,
  kind: OneSheetKind,
  options: SheetReadingOptions,
  alreadyRead = 0,
): Promise<SheetReading> {
  let sheet = '';
  let headings: ReturnType<typeof readHeadings> | null = null;
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  let rowsRead = 0;
  let headingRow = 0;
  const every = options.progressEvery ?? 1000;
  for await (const item of items) {
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
    if (options.onProgress && rowsRead % every === 0) await options.onProgress(alreadyRead + rowsRead);
  }
  if (!headings)
    problems.push({ row: 1, column: null, code: 'VALIDATION_FAILED', message: 'the sheet is empty: its first row must be the headings' });
  else if (rowsRead === 0 && problems.length === 0)
    problems.push({ row: headingRow + 1, column: null, code: 'VALIDATION_FAILED', message: 'the sheet has headings but no rows' });
  return { sheet, rows, problems, rowsRead };
}

/** A sheet of a workbook of several kinds, as read. */
interface KindReading extends SheetReading {
  readonly kind: SheetKind;
}

/** What reading a workbook of several kinds found: its sheets of the registry, and the problems of the workbook itself. */
export interface WorkbookReading {
  /** The sheets the desk knows, in the order of SHEET_KINDS. */
  readonly sheets: KindReading[];
  /** Sheets the desk does not know, a kind given twice, no sheet of the registry at all: each names its sheet. */
  readonly problems: (ImportProblem & { sheet: string })[];
  readonly rowsRead: number;
}

/**
 * Reads a workbook holding several kinds of the registry: each sheet is known by its name (学校基本信息, Schools or
 * schools …) and read as that kind's sheet, in the order of SHEET_KINDS; progress counts the rows of every sheet. A
 * sheet the desk does not know is one problem (IMPORT_UNKNOWN_SHEET), never ignored; a second sheet of the same kind
 * is one problem (DUPLICATE) and is not read.
 */
export async function readRegistryWorkbook(file: ImportFileInput, options: SheetReadingOptions): Promise<WorkbookReading> {
  const sheets = await dataSheets(file);
  const problems: (ImportProblem & { sheet: string })[] = [];
  const known = new Map<SheetKind, (typeof sheets)[number]>();
  for (const sheet of sheets) {
    if (sheet.kind === undefined) {
      problems.push({
        sheet: sheet.name,
        row: 1,
        column: null,
        code: 'IMPORT_UNKNOWN_SHEET',
        message: `is not a sheet of the registry: name the sheets ${SHEET_KINDS.map((k) => `${IMPORT_SHEETS[k].zh} (${k})`).join(', ')}`,
      });
      continue;
    }
    const first = known.get(sheet.kind);
    if (first) {
      problems.push({
        sheet: sheet.name,
        row: 1,
        column: null,
        code: 'DUPLICATE',
        message: `holds ${sheet.kind} as the sheet ${first.name} does: keep one of them`,
      });
      continue;
    }
    known.set(sheet.kind, sheet);
  }
  if (known.size === 0 && problems.length === 0) {
    problems.push({ sheet: '', row: 1, column: null, code: 'VALIDATION_FAILED', message: 'the workbook has no sheet of the registry' });
  }
  const readings: KindReading[] = [];
  let rowsRead = 0;
  for (const kind of SHEET_KINDS) {
    const sheet = known.get(kind);
    if (!sheet) continue;
    const reading = await readSheet(withName(sheet.name, sheet.rows()), kind, options, rowsRead);
    rowsRead += reading.rowsRead;
    if (options.onProgress) await options.onProgress(rowsRead);
    readings.push({ ...reading, kind });
  }
  return { sheets: readings, problems, rowsRead };
}

async function* withName(name: string, rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow | { sheet: string }> {
  yield { sheet: name };
  yield* rows;
}

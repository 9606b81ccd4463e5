import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { IMPORT_SHEETS, isSheetOf, OneSheetKind, RawCell, SheetKind, sheetKindOf, ValidationFailedError } from '@app/domain';
import { decodeTextFile, xlsxSheets, XlsxSheet } from '@app/core';

export type ImportFileFormat = 'CSV' | 'XLSX';

/** An imported file as stored: its bytes, format, and what the sender said of it. */
export interface ImportFileInput {
  readonly bytes: Uint8Array;
  readonly format: ImportFileFormat;
  readonly fileName?: string | null;
  readonly charset?: string | null;
}

/** A row of a sheet as the spreadsheet numbers it (the first row is 1), its cells from the first column. */
export interface SheetRow {
  readonly row: number;
  readonly cells: RawCell[];
}

/** The file cannot be read at all (a damaged workbook): the import ends FAILED, saying why. */
export class UnreadableImportError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Names of the sheets a workbook of the desk holds besides the data: never read as data. */
export const NOTES_SHEET = '说明';
export const LISTS_SHEET = '代码表';

/**
 * The format of a file sent to import, from its bytes (and the content type declared): an XLSX
 * workbook (a zip), else CSV text in UTF-8 or GB18030, checked readable now so that the sender
 * hears of undecodable bytes at once (400). An old binary .xls is refused with what to do.
 */
export function importFormatOf(bytes: Uint8Array, fileName?: string, charset?: string, declaredXlsx = false): ImportFileFormat {
  if (bytes.length === 0) throw ValidationFailedError.field('file', 'is empty');
  if (starts(bytes, ZIP_MAGIC)) return 'XLSX';
  const named = fileName ? `The file "${fileName}"` : 'The file';
  if (starts(bytes, OLE_MAGIC))
    throw ValidationFailedError.field('file', `${named} is an old Excel 97–2003 workbook (.xls): save it as .xlsx and send it again`);
  if (declaredXlsx) throw ValidationFailedError.field('file', `${named} is declared as XLSX but is not an XLSX workbook`);
  decodeTextFile(bytes, fileName, charset);
  return 'CSV';
}

/**
 * Opens the sheet of `kind`: in a workbook the sheet named like the kind (教师花名册, Teachers or teachers), else the
 * first sheet that is not the notes or code lists; a CSV is its one sheet. Cells are read as stored (see
 * xlsx-reader.ts): a formula cell stays a formula (never evaluated; the reader refuses it), macros are never run (they
 * are not even read).
 */
export async function* sheetRows(file: ImportFileInput, kind: OneSheetKind): AsyncGenerator<SheetRow | { sheet: string }> {
  if (file.format === 'CSV') {
    yield { sheet: IMPORT_SHEETS[kind].zh };
    yield* csvRows(file);
    return;
  }
  const sheets = await dataSheets(file);
  const sheet = sheets.find((s) => isSheetOf(kind, s.name)) ?? sheets[0];
  if (!sheet) throw new UnreadableImportError('has no sheet to read');
  yield { sheet: sheet.name };
  yield* sheet.rows();
}

async function* csvRows(file: ImportFileInput): AsyncGenerator<SheetRow> {
  const text = decodeTextFile(file.bytes, file.fileName ?? undefined, file.charset ?? undefined).text;
  const parser = Readable.from([text]).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record.map((cell) => (cell === '' ? null : cell)) };
    }
  } catch (error) {
    throw new UnreadableImportError(`is not readable CSV: ${(error as Error).message}`);
  }
}

/** A data sheet of a workbook: its name, the kind its name says (undefined: a sheet the desk does not know), its rows. */
export interface DataSheet {
  readonly name: string;
  readonly kind: SheetKind | undefined;
  rows(): AsyncGenerator<SheetRow>;
}

/** The sheets of an XLSX workbook in order, the notes and code lists left out. */
export async function dataSheets(file: ImportFileInput): Promise<DataSheet[]> {
  let sheets: XlsxSheet[];
  try {
    sheets = await xlsxSheets(file.bytes);
  } catch (error) {
    throw new UnreadableImportError(`is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  return sheets
    .filter((s) => s.name !== NOTES_SHEET && s.name !== LISTS_SHEET)
    .map((s) => ({
      name: s.name,
      kind: sheetKindOf(s.name),
      async *rows() {
        try {
          yield* s.rows();
        } catch (error) {
          throw new UnreadableImportError(`is not a readable XLSX workbook: ${(error as Error).message}`);
        }
      },
    }));
}

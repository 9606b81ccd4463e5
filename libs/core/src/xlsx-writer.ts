import type { Workbook, Worksheet } from 'exceljs';
import { excel } from './exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A column of a table sheet: its Chinese heading, the key rows name it by, and its width in characters. */
interface SheetColumn {
  readonly header: string;
  readonly key: string;
  readonly width: number;
}

/**
 * A new workbook for a download, and a first sheet in the shape every report of the desk has: the Chinese headings in a
 * bold heading row that stays in view (frozen) while the officer scrolls. Add more sheets with `tableSheet`.
 */
export function tableWorkbook(sheetName: string, columns: readonly SheetColumn[]): { workbook: Workbook; sheet: Worksheet } {
  const workbook = new (excel().Workbook)();
  workbook.creator = 'staffing desk';
  return { workbook, sheet: tableSheet(workbook, sheetName, columns, { frozen: true }) };
}

/** A sheet with a bold heading row; `frozen` keeps that row in view. */
export function tableSheet(workbook: Workbook, name: string, columns: readonly SheetColumn[], options: { frozen?: boolean } = {}): Worksheet {
  const sheet = workbook.addWorksheet(name, options.frozen ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
  sheet.columns = columns.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** The workbook's bytes, to send as an XLSX download. */
export async function workbookBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

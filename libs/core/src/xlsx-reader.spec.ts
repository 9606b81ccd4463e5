import { Workbook } from 'exceljs';
import { xlsxSheets } from './xlsx-reader';

async function workbook(build: (book: Workbook) => void): Promise<Buffer> {
  const book = new Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function rowsOf(bytes: Buffer, sheet: string) {
  const found = (await xlsxSheets(bytes)).find((s) => s.name === sheet);
  if (!found) throw new Error(sheet);
  const rows = [];
  for await (const row of found.rows()) rows.push(row);
  return rows;
}

describe('the XLSX reader of imports', () => {
  it('reads Chinese text whole however the sheet is split in pieces (shared strings and inline ones)', async () => {
    const names = Array.from({ length: 30_000 }, (_, i) => `欧阳喆堃${i}号——“乡村”骨干教师`);
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('教师花名册');
      sheet.addRow(['工号', '姓名']);
      names.forEach((name, i) => sheet.addRow([`FX${i}`, name]));
    });
    const rows = await rowsOf(bytes, '教师花名册');
    expect(rows).toHaveLength(names.length + 1);
    expect(rows.slice(1).every((r, i) => r.cells[1] === names[i] && r.row === i + 2)).toBe(true);
    // A sheet of 30,000 rows written and read back: seconds alone, more on a machine running both profiles at once.
  }, 180_000);

  it('keeps rows’ numbers and cells’ columns, reads numbers, booleans and dates as stored, and formulas as formulas', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('说明').addRow(['notes']);
      const sheet = book.addWorksheet('任教经历');
      sheet.getCell('A1').value = '工号';
      sheet.getCell('C1').value = 'a & b <c>';
      sheet.getCell('A4').value = 0.25;
      sheet.getCell('B4').value = true;
      sheet.getCell('C4').value = new Date(Date.UTC(2020, 8, 1));
      sheet.getCell('D4').value = { formula: 'A4*2', result: 0.5 };
    });
    const sheets = await xlsxSheets(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['说明', '任教经历']);
    const rows = await rowsOf(bytes, '任教经历');
    expect(rows.map((r) => r.row)).toEqual([1, 4]);
    expect(rows[0].cells).toEqual(['工号', null, 'a & b <c>']);
    expect(rows[1].cells).toEqual([0.25, true, 44075, { formula: 'A4*2' }]);
  });

  it('refuses what is not a workbook', async () => {
    await expect(xlsxSheets(Buffer.from('PK\u0003\u0004 not really'))).rejects.toThrow('not a zip archive');
  });
});

import { PassThrough } from 'node:stream';
import type { DataValidation, stream as xlsxStream, Worksheet } from 'exceljs';
import { excel } from '@app/core';
import {
  CellValue,
  CODE_LISTS,
  ERROR_COLUMN_HEADING,
  IMPORT_SHEETS,
  importColumns,
  ImportColumn,
  labelOf,
  RawCell,
  safeCellText,
  OneSheetKind,
  writeCell,
} from '@app/domain';
import { LISTS_SHEET, NOTES_SHEET } from './import-file';

/** Rows below the data that still get the drop-down lists, for the officer to add to. */
const SPARE_ROWS = 2000;

/** Writes a workbook with the streaming writer (rows leave memory as they are committed) and answers its bytes. */
async function writeWorkbook(build: (workbook: xlsxStream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'staffing desk';
  await build(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const BOOL_LABELS = ['是', '否'];

/** What a column accepts, for the notes sheet. */
function allowed(column: ImportColumn): string {
  const type = column.type;
  switch (type.kind) {
    case 'code':
      return CODE_LISTS[type.list].map((c) => `${labelOf(type.list, c as never).zh}（${String(c)}）`).join('、');
    case 'bool':
      return '是 / 否';
    case 'date':
      return '日期 YYYY-MM-DD';
    case 'int':
      return `整数 ${type.min}—${type.max}`;
    case 'fraction':
      return '大于 0、不超过 1 的小数';
    case 'extraSubjects':
      return '学科:比例;学科:比例';
    case 'text':
      return `文字，至多 ${type.maxLength} 字${type.pattern ? '（字母、数字、-、_）' : ''}`;
  }
}

/** A data sheet of a workbook in the template's shape: its kind, and an export's rows or null for the template's example row. */
export interface WorkbookSheet {
  readonly kind: OneSheetKind;
  readonly rows: Iterable<Readonly<Record<string, CellValue>>> | null;
}

/**
 * A sheet of `kind` in the template's shape: the data sheet (Chinese headings, the field names in
 * the notes), a notes sheet 说明 explaining every column, and a hidden sheet 代码表 of the Chinese
 * labels every code column's drop-down list offers. `rows`: an export's rows, or null for the
 * template's one example row. Text that a spreadsheet would take for a formula is written safely.
 */
export function importWorkbook(kind: OneSheetKind, rows: Iterable<Readonly<Record<string, CellValue>>> | null): Promise<Buffer> {
  return sheetsWorkbook([{ kind, rows }]);
}

/**
 * Several data sheets in one workbook, each exactly as its kind's own workbook has it (the registry: a sheet of each
 * kind in the order they depend on each other), then one notes sheet 说明 with every sheet's columns (under a line
 * naming the sheet when there are several) and one hidden 代码表 holding every list the drop-downs offer.
 */
export function sheetsWorkbook(sheets: readonly WorkbookSheet[]): Promise<Buffer> {
  const allColumns = sheets.flatMap((s) => importColumns(s.kind));
  const lists = listColumns(allColumns);
  return writeWorkbook(async (workbook) => {
    for (const { kind, rows } of sheets) {
      const columns = importColumns(kind);
      const sheet = workbook.addWorksheet(IMPORT_SHEETS[kind].zh, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, c.zh.length * 2 + 4) }));
      // Dates and codes are text: Excel must not turn 2020-09-01 into a number or FX0001 into anything else.
      columns.forEach((c, i) => {
        if (c.type.kind !== 'int' && c.type.kind !== 'fraction') sheet.getColumn(i + 1).numFmt = '@';
      });
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      let last = 1;
      if (rows === null) {
        sheet.addRow(columns.map((c) => (typeof c.example === 'string' ? safeCellText(c.example) : c.example))).commit();
        last = 2;
      } else {
        for (const values of rows) {
          sheet.addRow(columns.map((c) => writeCell(c, values[c.key] ?? null))).commit();
          last += 1;
        }
      }
      addValidations(sheet, columns, lists, last + SPARE_ROWS);
      sheet.commit();
    }

    const notes = workbook.addWorksheet(NOTES_SHEET);
    notes.columns = [
      { header: '列名', key: 'zh', width: 16 },
      { header: '字段名', key: 'key', width: 16 },
      { header: 'English', key: 'en', width: 22 },
      { header: '必填', key: 'required', width: 6 },
      { header: '可填写的值', key: 'allowed', width: 60 },
      { header: '说明', key: 'note', width: 60 },
    ];
    notes.getRow(1).font = { bold: true };
    notes.getRow(1).commit();
    for (const { kind } of sheets) {
      if (sheets.length > 1) {
        const heading = notes.addRow({ zh: `【${IMPORT_SHEETS[kind].zh}】`, key: kind, en: IMPORT_SHEETS[kind].en });
        heading.font = { bold: true };
        heading.commit();
      }
      for (const c of importColumns(kind)) {
        notes.addRow({ zh: c.zh, key: c.key, en: c.en, required: c.required ? '是' : '否', allowed: allowed(c), note: c.note }).commit();
      }
    }
    notes
      .addRow({
        zh: '',
        note:
          '第 1 行为列名（中文列名、字段名或英文列名均可）；代码列可填中文名称或代码；按自然键（学校代码、工号等）新增或更新，内容相同的行不作修改。' +
          '公式不计算：请粘贴为数值后导入。先预览（检查），无错误后再提交，全部写入或全部不写入。' +
          (sheets.length > 1
            ? '各工作表按工作表名称识别，依次为学校、学校分类变更、在校生、教师、任教经历；后面的表可引用前面的表中同批导入的学校和教师。'
            : ''),
      })
      .commit();
    notes.commit();

    const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    lists.forEach(({ values }, i) => {
      listSheet.getColumn(i + 1).values = values;
    });
    const height = Math.max(0, ...lists.map((l) => l.values.length));
    for (let r = 1; r <= height; r += 1) listSheet.getRow(r).commit();
    listSheet.commit();
  });
}

/** The lists the drop-downs read, one column of 代码表 each, in the order of the columns that use them. */
function listColumns(columns: readonly ImportColumn[]): { key: string; values: string[] }[] {
  const lists: { key: string; values: string[] }[] = [];
  for (const c of columns) {
    const type = c.type;
    const key = type.kind === 'code' ? type.list : type.kind === 'bool' ? 'bool' : null;
    if (key === null || lists.some((l) => l.key === key)) continue;
    const values = type.kind === 'code' ? CODE_LISTS[type.list].map((code) => labelOf(type.list, code as never).zh) : BOOL_LABELS;
    lists.push({ key, values });
  }
  return lists;
}

function addValidations(sheet: Worksheet, columns: readonly ImportColumn[], lists: ReturnType<typeof listColumns>, lastRow: number): void {
  columns.forEach((c, i) => {
    const type = c.type;
    const key = type.kind === 'code' ? type.list : type.kind === 'bool' ? 'bool' : null;
    if (key === null) return;
    const index = lists.findIndex((l) => l.key === key);
    const letter = columnLetter(index);
    const range = `${columnLetter(i)}2:${columnLetter(i)}${lastRow}`;
    (sheet as unknown as { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations.add(range, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`'${LISTS_SHEET}'!$${letter}$1:$${letter}$${lists[index].values.length}`],
      showErrorMessage: true,
      errorTitle: c.zh,
      error: `请从下拉列表中选择${c.zh}`,
    });
  });
}

/** A sheet of an error report: its name as sent, its rows, and each row's problems. */
export interface ReportSheet {
  readonly name: string;
  readonly rows: Iterable<{ row: number; cells: RawCell[] }>;
  readonly messages: ReadonlyMap<number, string[]>;
}

/**
 * The error report of an import: each sheet as it was sent, with a column 导入错误 after the last
 * one holding each row's problems (the heading row's too). Text is written safely.
 */
export function errorReportWorkbook(sheets: readonly ReportSheet[]): Promise<Buffer> {
  return writeWorkbook(async (workbook) => {
    if (sheets.length === 0) workbook.addWorksheet('Sheet1').commit();
    for (const { name, rows, messages } of sheets) {
      const all = [...rows];
      const width = Math.max(1, ...all.map((r) => r.cells.length));
      const sheet = workbook.addWorksheet(name || 'Sheet1');
      sheet.getColumn(width + 1).width = 60;
      let headingDone = false;
      for (const { row, cells } of all) {
        const values = cells.map((c) =>
          c === null
            ? null
            : typeof c === 'string'
              ? safeCellText(c)
              : typeof c === 'object' && !(c instanceof Date)
                ? safeCellText(`=${c.formula}`)
                : c,
        );
        while (values.length < width) values.push(null);
        const blank = cells.every((c) => c === null || c === '');
        const heading = !headingDone && !blank;
        if (heading) headingDone = true;
        const text = heading ? ERROR_COLUMN_HEADING : (messages.get(row) ?? []).join('；');
        const added = sheet.getRow(row);
        added.values = [...values, text || null];
        if (heading) added.font = { bold: true };
        added.commit();
      }
      sheet.commit();
    }
  });
}

import { Injectable } from '@nestjs/common';
import { ImportRepository } from '@app/database';
import { Actor, REGISTRY_KIND } from '@app/domain';
import { GetImportUseCase } from './get-import.usecase';
import { dataSheets, sheetRows, SheetRow } from './import-file';
import { errorReportWorkbook, ReportSheet } from './import-workbook';

/** An import's error report: its sheets as sent, each with a column 导入错误 of each row's problems. */
@Injectable()
export class ImportErrorReportUseCase {
  constructor(
    private readonly imports: ImportRepository,
    private readonly lookup: GetImportUseCase,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<{ fileName: string; bytes: Buffer }> {
    const entity = await this.lookup.load(command.actor, command.id);
    const messages = new Map<string, Map<number, string[]>>();
    for (const e of await this.imports.errors(entity.id)) {
      const ofSheet = messages.get(e.sheet) ?? new Map<number, string[]>();
      ofSheet.set(e.row, [...(ofSheet.get(e.row) ?? []), `${e.column ? `${e.column}: ` : ''}${e.message}`]);
      messages.set(e.sheet, ofSheet);
    }
    const sheets: ReportSheet[] = [];
    if (entity.status !== 'FAILED') {
      const file = { bytes: await this.imports.file(entity.id), format: entity.format, fileName: entity.fileName, charset: entity.charset };
      if (entity.kind === REGISTRY_KIND) {
        for (const sheet of await dataSheets(file)) {
          const rows: SheetRow[] = [];
          for await (const row of sheet.rows()) rows.push(row);
          sheets.push({ name: sheet.name, rows, messages: messages.get(sheet.name) ?? new Map() });
        }
      } else {
        const rows: SheetRow[] = [];
        let name = entity.sheet ?? '';
        for await (const item of sheetRows(file, entity.kind)) {
          if ('sheet' in item) name = item.sheet;
          else rows.push(item);
        }
        // One sheet: every problem is its own.
        const all = new Map<number, string[]>();
        for (const ofSheet of messages.values()) for (const [row, list] of ofSheet) all.set(row, [...(all.get(row) ?? []), ...list]);
        sheets.push({ name, rows, messages: all });
      }
    } else {
      sheets.push({ name: entity.sheet ?? '', rows: [], messages: new Map() });
    }
    const base = (entity.fileName ?? `${entity.kind}-${entity.id}`).replace(/\.(xlsx|csv)$/i, '');
    return { fileName: `${base}-errors.xlsx`, bytes: await errorReportWorkbook(sheets) };
  }
}

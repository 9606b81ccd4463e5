import { Injectable } from '@nestjs/common';
import { ImportRepository } from '@app/database';
import { Actor } from '@app/domain';
import { GetImportUseCase } from './get-import.usecase';
import { sheetRows, SheetRow } from './import-file';
import { errorReportWorkbook } from './import-workbook';

/** An import's error report: its sheet as sent, with a column 导入错误 of each row's problems. */
@Injectable()
export class ImportErrorReportUseCase {
  constructor(
    private readonly imports: ImportRepository,
    private readonly lookup: GetImportUseCase,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<{ fileName: string; bytes: Buffer }> {
    const entity = await this.lookup.load(command.actor, command.id);
    const messages = new Map<number, string[]>();
    for (const e of await this.imports.errors(entity.id)) {
      messages.set(e.row, [...(messages.get(e.row) ?? []), `${e.column ? `${e.column}: ` : ''}${e.message}`]);
    }
    const rows: SheetRow[] = [];
    let sheet = entity.sheet ?? '';
    if (entity.status !== 'FAILED') {
      const bytes = await this.imports.file(entity.id);
      for await (const item of sheetRows({ bytes, format: entity.format, fileName: entity.fileName, charset: entity.charset }, entity.kind)) {
        if ('sheet' in item) sheet = item.sheet;
        else rows.push(item);
      }
    }
    const base = (entity.fileName ?? `${entity.kind}-${entity.id}`).replace(/\.(xlsx|csv)$/i, '');
    return { fileName: `${base}-errors.xlsx`, bytes: await errorReportWorkbook(sheet, rows, messages) };
  }
}

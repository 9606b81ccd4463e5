import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { ImportRepository } from '@app/database';
import { ImportChecks } from './import-checks';
import { UnreadableImportError } from './import-file';
import { MAX_SHOWN_ERRORS } from './import-view';

/**
 * The job that reads and checks an import (its preview): progress as rows are read, then READY
 * with every problem found (none: it may be committed), or FAILED when the file cannot be read at
 * all. Writes nothing to the registry. Running it again reads the file again (idempotent).
 */
@Injectable()
export class PreviewImportUseCase {
  private readonly logger = new Logger(PreviewImportUseCase.name);

  constructor(
    private readonly imports: ImportRepository,
    private readonly checks: ImportChecks,
    private readonly clock: Clock,
  ) {}

  async execute(importId: string): Promise<void> {
    const entity = await this.imports.find(importId);
    if (!entity || (entity.status !== 'QUEUED' && entity.status !== 'RUNNING')) return;
    await this.imports.update(importId, { status: 'RUNNING', startedAt: this.clock.now(), rowsRead: 0 });
    try {
      const checked = await this.checks.read(entity, (rowsRead) => this.imports.update(importId, { rowsRead }));
      await this.imports.replaceErrors(importId, checked.errors.slice(0, MAX_SHOWN_ERRORS));
      await this.imports.saveRows(importId, checked.errors.length === 0 ? checked.rows : []);
      await this.imports.update(importId, {
        status: 'READY',
        sheet: checked.sheet.slice(0, 100),
        rowsRead: checked.rowsRead,
        errorCount: checked.errors.length,
        finishedAt: this.clock.now(),
      });
    } catch (error) {
      if (!(error instanceof UnreadableImportError)) throw error;
      const failure = `The file${entity.fileName ? ` "${entity.fileName}"` : ''} ${error.message}`.slice(0, 1000);
      this.logger.warn(`import ${importId} failed: ${failure}`);
      await this.imports.replaceErrors(importId, [{ sheet: '', row: 1, column: null, code: 'VALIDATION_FAILED', message: failure }]);
      await this.imports.update(importId, { status: 'FAILED', failure, errorCount: 1, finishedAt: this.clock.now() });
    }
  }
}

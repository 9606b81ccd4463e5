import { Injectable } from '@nestjs/common';
import { Clock, newId } from '@app/core';
import { ImportRepository, ReferenceRepository, RegistryImportEntity, TransactionHost } from '@app/database';
import {
  Actor,
  IMPORT_KINDS,
  isImportKind,
  NotFoundError,
  REGISTRY_KIND,
  REGISTRY_WRITERS,
  requireRole,
  scopeOf,
  ValidationFailedError,
} from '@app/domain';
import { JobName, JobOutbox } from '@app/queue';
import { importFormatOf } from './import-file';

export interface StartImportCommand {
  actor: Actor;
  countyId: string;
  kind: string | undefined;
  file: { bytes: Uint8Array; name?: string; charset?: string; declaredXlsx?: boolean };
}

/**
 * An officer sends a file to bring part of the county's registry in: it is kept in the database
 * (the API and workers read the same bytes) and a job reads and checks it. Nothing is written to
 * the registry before the officer commits.
 */
@Injectable()
export class StartImportUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
    private readonly imports: ImportRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: StartImportCommand): Promise<{ importId: string }> {
    requireRole(command.actor, REGISTRY_WRITERS, 'import the registry');
    const kind = command.kind;
    if (!isImportKind(kind)) throw ValidationFailedError.field('kind', `must be one of ${IMPORT_KINDS.join(', ')}`);
    const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const { bytes, name, charset, declaredXlsx } = command.file;
    const format = importFormatOf(bytes, name, charset, declaredXlsx);
    if (kind === REGISTRY_KIND && format !== 'XLSX') {
      throw ValidationFailedError.field(
        'file',
        'the registry comes as an XLSX workbook with a sheet of each kind: send a CSV with the kind of its one sheet',
      );
    }
    const entity: RegistryImportEntity = {
      id: newId(),
      countyId: county.id,
      kind,
      status: 'QUEUED',
      format,
      fileName: name?.slice(0, 255) ?? null,
      charset: format === 'CSV' ? (charset?.slice(0, 20) ?? null) : null,
      sizeBytes: bytes.length,
      rowsRead: 0,
      errorCount: 0,
      sheet: null,
      counts: null,
      failure: null,
      createdBy: command.actor.userId,
      createdAt: this.clock.now(),
      startedAt: null,
      finishedAt: null,
      committedAt: null,
    };
    await this.tx.run(async () => {
      await this.imports.insert(entity, bytes);
      await this.outbox.add(JobName.PreviewImport, { importId: entity.id });
    });
    return { importId: entity.id };
  }
}

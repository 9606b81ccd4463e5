import { Injectable } from '@nestjs/common';
import { ImportRepository, RegistryImportEntity } from '@app/database';
import { Actor, NotFoundError, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { importView, ImportView } from './import-view';

/** An import's status, progress and problems (officers of its county, and the administrator). */
@Injectable()
export class GetImportUseCase {
  constructor(private readonly imports: ImportRepository) {}

  async execute(command: { actor: Actor; id: string }): Promise<ImportView> {
    const entity = await this.load(command.actor, command.id);
    return importView(entity, await this.imports.errors(entity.id));
  }

  async load(actor: Actor, id: string): Promise<RegistryImportEntity> {
    requireRole(actor, REGISTRY_WRITERS, 'read imports');
    const entity = await this.imports.findInScope(scopeOf(actor), id);
    if (!entity) throw new NotFoundError('import', id);
    return entity;
  }
}

import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, isUniqueViolation } from '@app/core';
import { ImportRepository, StoredImportError, TransactionHost } from '@app/database';
import { Actor, DomainError, REGISTRY_KIND, RegistryChanges, RuleViolationError, scopeOf } from '@app/domain';
import { HeadcountRefresh } from '../headcount/headcount-refresh';
import { ShortageRescans } from '../shortages/shortage-rescans';
import { GetImportUseCase } from './get-import.usecase';
import { ImportChecks, StagedRow } from './import-checks';
import { importView, ImportView, MAX_SHOWN_ERRORS } from './import-view';

/**
 * Commits a READY import with no problems: the rows its preview read are checked again against
 * the registry as it is now (the same rules and code as the preview), and every change is written
 * in one transaction, or none (422 IMPORT_HAS_ERRORS with the problems found then). One audit entry with
 * the counts; the changed schools' headcounts and shortages are recounted.
 */
@Injectable()
export class CommitImportUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly imports: ImportRepository,
    private readonly lookup: GetImportUseCase,
    private readonly checks: ImportChecks,
    private readonly headcount: HeadcountRefresh,
    private readonly rescans: ShortageRescans,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  private apply(countyId: string, changes: RegistryChanges, now: Date, by: string): Promise<boolean> {
    return applied(() => this.imports.apply(countyId, changes, now, by));
  }

  async execute(command: { actor: Actor; id: string }): Promise<ImportView> {
    const entity = await this.lookup.load(command.actor, command.id);
    if (entity.status !== 'READY') {
      throw new RuleViolationError('IMPORT_NOT_READY', `The import is ${entity.status}: only a READY import is committed`, { status: entity.status });
    }
    if (entity.errorCount > 0) throw hasErrors(entity.errorCount);
    const outcome = await this.tx.run(async (): Promise<{ errors: StoredImportError[] } | null> => {
      if (entity.kind === 'postings' || entity.kind === 'teachers' || entity.kind === REGISTRY_KIND) await this.imports.lockTeachers(entity.countyId);
      const rows = await this.imports.rows<StagedRow>(entity.id);
      const plan = await this.checks.plan(entity, rows, scopeOf(command.actor));
      if (plan.problems.length > 0) return { errors: plan.problems };
      const now = this.clock.now();
      // Taken READY → COMMITTED first: a second commit at the same moment waits, then finds it committed.
      if (!(await this.imports.markCommitted(entity.id, now))) {
        throw new RuleViolationError('IMPORT_NOT_READY', 'The import was committed already', { status: 'COMMITTED' });
      }
      if (!(await this.apply(entity.countyId, plan.changes, now, command.actor.userId))) {
        throw new DomainError('CONFLICT', 'VERSION_CONFLICT', 'Someone changed the registry while the import was being committed: commit it again');
      }
      await this.imports.update(entity.id, { counts: plan.counts });
      await this.audit.record({
        action: `import.${entity.kind}`,
        entity: 'county',
        entityId: entity.countyId,
        countyId: entity.countyId,
        after: { importId: entity.id, kind: entity.kind, fileName: entity.fileName, rows: entity.rowsRead, ...plan.counts },
      });
      await this.headcount.recount(plan.touchedSchoolIds);
      await this.rescans.request(plan.touchedSchoolIds);
      return null;
    });
    if (outcome) {
      await this.imports.replaceErrors(entity.id, outcome.errors.slice(0, MAX_SHOWN_ERRORS));
      await this.imports.update(entity.id, { errorCount: outcome.errors.length });
      throw hasErrors(outcome.errors.length);
    }
    const committed = await this.lookup.load(command.actor, command.id);
    return importView(committed, []);
  }
}

/**
 * Writes the changes; false when someone changed a row meanwhile (its version moved) or added one with the same natural
 * key (a school code, a staff number created through the API between the check and the write): nothing is written
 * then, the import stays READY, and committing it again checks it against the registry as it is then.
 */
async function applied(write: () => Promise<boolean>): Promise<boolean> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

function hasErrors(count: number): RuleViolationError {
  return new RuleViolationError('IMPORT_HAS_ERRORS', `The import has ${count} problem${count === 1 ? '' : 's'}; nothing was written`, {
    errorCount: count,
  });
}

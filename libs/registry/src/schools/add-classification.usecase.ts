import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { SchoolClassificationEntity, SchoolRepository, TransactionHost } from '@app/database';
import { Actor, classificationOn, Location, REGISTRY_WRITERS, requireRole, scopeOf, ValidationFailedError } from '@app/domain';
import { ClassificationChangeView, classificationHistoryView } from '../views';
import { SchoolLookup } from './school-lookup';
import { ShortageRescans } from '../shortages/shortage-rescans';

export interface AddClassificationCommand {
  actor: Actor;
  schoolId: string;
  effectiveFrom: string;
  location?: Location;
  weak?: boolean;
}

/**
 * Records that a school's location and/or weak flag change from a day on (also backdated: the
 * rules ask "on that day"). A second change on the same day amends the first.
 */
@Injectable()
export class AddClassificationUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly schools: SchoolRepository,
    private readonly lookup: SchoolLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly rescans: ShortageRescans,
  ) {}

  async execute(command: AddClassificationCommand): Promise<ClassificationChangeView[]> {
    requireRole(command.actor, REGISTRY_WRITERS, 'reclassify schools');
    if (command.location === undefined && command.weak === undefined) {
      throw new ValidationFailedError({ location: ['send location, weak or both'], weak: ['send location, weak or both'] });
    }
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const school = await this.lookup.inScope(scope, command.schoolId);
      const history = await this.schools.classificationsOf(scope, [school.id]);
      const existing = history.find((c) => c.effectiveFrom === command.effectiveFrom) ?? null;
      const before = classificationOn(history, command.effectiveFrom);
      const change: SchoolClassificationEntity = existing
        ? { ...existing, location: command.location ?? existing.location, weak: command.weak ?? existing.weak }
        : {
            id: newId(),
            schoolId: school.id,
            effectiveFrom: command.effectiveFrom,
            location: command.location ?? null,
            weak: command.weak ?? null,
            createdAt: this.clock.now(),
          };
      const after = classificationOn([...history.filter((c) => c !== existing), change], command.effectiveFrom);
      const missing: Record<string, string[]> = {};
      if (after.location === null) missing.location = [`is required: school ${school.code} has no location before ${command.effectiveFrom}`];
      if (after.weak === null) missing.weak = [`is required: school ${school.code} has no weak flag before ${command.effectiveFrom}`];
      if (Object.keys(missing).length > 0) throw new ValidationFailedError(missing);

      await this.schools.saveClassification(change);
      await this.audit.record({
        action: existing ? 'school.reclassify.amend' : 'school.reclassify',
        entity: 'school',
        entityId: school.id,
        countyId: school.countyId,
        before: { effectiveFrom: command.effectiveFrom, ...before },
        after: { effectiveFrom: command.effectiveFrom, ...after },
      });
      await this.rescans.request([school.id]);
      return classificationHistoryView(await this.schools.classificationsOf(scope, [school.id]));
    });
  }
}

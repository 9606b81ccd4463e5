import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { SchoolEntity, SchoolRepository, TransactionHost } from '@app/database';
import { Actor, REGISTRY_WRITERS, requireRole, scopeOf, Stage, VersionConflictError } from '@app/domain';
import { schoolView, SchoolView } from '../views';
import { SchoolCodeTakenError } from './create-school.usecase';
import { SchoolLookup } from './school-lookup';

export interface UpdateSchoolCommand {
  actor: Actor;
  id: string;
  version: number;
  code?: string;
  name?: string;
  stage?: Stage;
  townshipCentral?: boolean;
  boarding?: boolean;
  groupId?: string | null;
  districtId?: string | null;
}

/** Changes a school's name, code, stage, flags or group/district. Classification changes go through the history. */
@Injectable()
export class UpdateSchoolUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly schools: SchoolRepository,
    private readonly lookup: SchoolLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateSchoolCommand): Promise<SchoolView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'change schools');
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const school = await this.lookup.inScope(scope, command.id);
      if (school.version !== command.version) throw new VersionConflictError('school', school.id, command.version, school.version);
      if (command.code !== undefined && command.code !== school.code && (await this.schools.findByCode(school.countyId, command.code))) {
        throw new SchoolCodeTakenError(school.countyId, command.code);
      }
      await this.lookup.assertCluster(school.countyId, command.groupId, 'GROUP', 'groupId');
      await this.lookup.assertCluster(school.countyId, command.districtId, 'DISTRICT', 'districtId');

      const changes: Partial<SchoolEntity> = { updatedAt: this.clock.now() };
      for (const field of ['code', 'name', 'stage', 'townshipCentral', 'boarding', 'groupId', 'districtId'] as const) {
        if (command[field] !== undefined) Object.assign(changes, { [field]: command[field] });
      }
      if (!(await this.schools.update(school.id, command.version, changes))) {
        throw new VersionConflictError('school', school.id, command.version);
      }
      const classifications = await this.schools.classificationsOf(scope, [school.id]);
      const today = this.clock.today();
      const updated = await this.lookup.inScope(scope, school.id);
      const view = schoolView(updated, classifications, today);
      await this.audit.record({
        action: 'school.update',
        entity: 'school',
        entityId: school.id,
        countyId: school.countyId,
        before: schoolView(school, classifications, today),
        after: view,
      });
      return view;
    });
  }
}

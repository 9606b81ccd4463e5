import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { SchoolEntity, SchoolRepository, TransactionHost } from '@app/database';
import { Actor, REGISTRY_WRITERS, requireRole, scopeOf, Stage } from '@app/domain';
import { sentFields, VersionedEdit } from '../versioned-edit';
import { schoolView, SchoolView } from '../views';
import { SchoolCodeTakenError } from './create-school.usecase';
import { SchoolLookup } from './school-lookup';
import { ShortageRescans } from '../shortages/shortage-rescans';

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
    private readonly edit: VersionedEdit,
    private readonly clock: Clock,
    private readonly rescans: ShortageRescans,
  ) {}

  async execute(command: UpdateSchoolCommand): Promise<SchoolView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'change schools');
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const school = await this.lookup.inScope(scope, command.id);
      VersionedEdit.assertCurrent('school', school, command.version);
      if (command.code !== undefined && command.code !== school.code && (await this.schools.findByCode(school.countyId, command.code))) {
        throw new SchoolCodeTakenError(school.countyId, command.code);
      }
      await this.lookup.assertCluster(school.countyId, command.groupId, 'GROUP', 'groupId');
      await this.lookup.assertCluster(school.countyId, command.districtId, 'DISTRICT', 'districtId');

      const changes: Partial<SchoolEntity> = {
        ...sentFields(command, ['code', 'name', 'stage', 'townshipCentral', 'boarding', 'groupId', 'districtId']),
        updatedAt: this.clock.now(),
      };
      const classifications = await this.schools.classificationsOf(scope, [school.id]);
      const today = this.clock.today();
      // Stage and township-central status decide which curriculum and psychology rules apply.
      if ((command.stage ?? school.stage) !== school.stage || (command.townshipCentral ?? school.townshipCentral) !== school.townshipCentral) {
        await this.rescans.request([school.id]);
      }
      return this.edit.save({
        entity: 'school',
        action: 'school.update',
        id: school.id,
        countyId: school.countyId,
        expectedVersion: command.version,
        before: schoolView(school, classifications, today),
        write: () => this.schools.update(school.id, command.version, changes),
        after: async () => schoolView(await this.lookup.inScope(scope, school.id), classifications, today),
      });
    });
  }
}

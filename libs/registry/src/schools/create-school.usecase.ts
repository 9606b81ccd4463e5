import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { ReferenceRepository, SchoolClassificationEntity, SchoolEntity, SchoolRepository, TransactionHost } from '@app/database';
import { Actor, DomainError, Location, NotFoundError, REGISTRY_WRITERS, requireRole, scopeOf, Stage } from '@app/domain';
import { schoolView, SchoolView } from '../views';
import { SchoolLookup } from './school-lookup';

export interface CreateSchoolCommand {
  actor: Actor;
  countyId: string;
  code: string;
  name: string;
  stage: Stage;
  location: Location;
  weak: boolean;
  townshipCentral?: boolean;
  boarding?: boolean;
  /** When the initial classification starts (default 1900-01-01). */
  classifiedFrom?: string;
  groupId?: string | null;
  districtId?: string | null;
}

export class SchoolCodeTakenError extends DomainError {
  constructor(countyId: string, code: string) {
    super('CONFLICT', 'SCHOOL_CODE_TAKEN', `County ${countyId} already has a school with code ${code}`, { countyId, code });
  }
}

export const DEFAULT_CLASSIFIED_FROM = '1900-01-01';

@Injectable()
export class CreateSchoolUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
    private readonly schools: SchoolRepository,
    private readonly lookup: SchoolLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateSchoolCommand): Promise<SchoolView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'create schools');
    return this.tx.run(async () => {
      const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
      if (!county) throw new NotFoundError('county', command.countyId);
      if (await this.schools.findByCode(county.id, command.code)) throw new SchoolCodeTakenError(county.id, command.code);
      await this.lookup.assertCluster(county.id, command.groupId, 'GROUP', 'groupId');
      await this.lookup.assertCluster(county.id, command.districtId, 'DISTRICT', 'districtId');

      const now = this.clock.now();
      const school: SchoolEntity = {
        id: newId(),
        countyId: county.id,
        code: command.code,
        name: command.name,
        stage: command.stage,
        townshipCentral: command.townshipCentral ?? false,
        boarding: command.boarding ?? false,
        groupId: command.groupId ?? null,
        districtId: command.districtId ?? null,
        headcountMilli: null,
        headcountAsOf: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const classification: SchoolClassificationEntity = {
        id: newId(),
        schoolId: school.id,
        effectiveFrom: command.classifiedFrom ?? DEFAULT_CLASSIFIED_FROM,
        location: command.location,
        weak: command.weak,
        createdAt: now,
      };
      await this.schools.insert(school);
      await this.schools.saveClassification(classification);
      const view = schoolView(school, [classification], this.clock.today());
      await this.audit.record({
        action: 'school.create',
        entity: 'school',
        entityId: school.id,
        countyId: school.countyId,
        after: { ...view, classifiedFrom: classification.effectiveFrom },
      });
      return view;
    });
  }
}

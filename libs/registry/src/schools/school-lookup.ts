import { Injectable } from '@nestjs/common';
import { SchoolEntity, SchoolRepository } from '@app/database';
import { ClusterKind, NotFoundError, Scope, ValidationFailedError } from '@app/domain';

/** Loads schools and checks references the way every school use case needs. */
@Injectable()
export class SchoolLookup {
  constructor(private readonly schools: SchoolRepository) {}

  /** The school if the scope may see it; 404 otherwise, whether or not it exists. */
  async inScope(scope: Scope, id: string): Promise<SchoolEntity> {
    const school = await this.schools.findInScope(scope, id);
    if (!school) throw new NotFoundError('school', id);
    return school;
  }

  /** A group or district id sent in a body must name one of that kind in the school's county. */
  async assertCluster(countyId: string, id: string | null | undefined, kind: ClusterKind, field: string): Promise<void> {
    if (id === null || id === undefined) return;
    const cluster = await this.schools.findCluster(id);
    if (!cluster || cluster.countyId !== countyId || cluster.kind !== kind) {
      throw ValidationFailedError.field(field, `is not ${kind === 'GROUP' ? 'an education group' : 'a school district'} of county ${countyId}`);
    }
  }
}

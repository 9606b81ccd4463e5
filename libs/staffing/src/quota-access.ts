import { Injectable } from '@nestjs/common';
import { CountyEntity, ReferenceRepository, SchoolEntity } from '@app/database';
import { Actor, NotFoundError, OFFICERS, requireRole, Role, scopeOf } from '@app/domain';
import { SchoolLookup } from '@app/registry';

/** Who writes a county's quota pool: its county officers and the administrator (city officers read). */
const QUOTA_WRITERS: readonly Role[] = ['PROVINCE_ADMIN', 'COUNTY_OFFICER'];
/** Who reads a school's quota: officers in their reach, a principal their own school's; teachers do not. */
const SCHOOL_QUOTA_READERS: readonly Role[] = [...OFFICERS, 'PRINCIPAL'];

/**
 * Loads the county or school a quota use case works on, after checking the caller's role (403 for a role that may
 * never) and scope (404 outside it, as if it did not exist).
 */
@Injectable()
export class QuotaAccess {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly schools: SchoolLookup,
  ) {}

  countyForWrite(actor: Actor, countyId: string): Promise<CountyEntity> {
    requireRole(actor, QUOTA_WRITERS, "change a county's quota pool");
    return this.county(actor, countyId);
  }

  countyForRead(actor: Actor, countyId: string): Promise<CountyEntity> {
    requireRole(actor, OFFICERS, "read a county's quota pool");
    return this.county(actor, countyId);
  }

  schoolForWrite(actor: Actor, schoolId: string): Promise<SchoolEntity> {
    requireRole(actor, QUOTA_WRITERS, "change a school's quota allocation");
    return this.schools.inScope(scopeOf(actor), schoolId);
  }

  schoolForRead(actor: Actor, schoolId: string): Promise<SchoolEntity> {
    requireRole(actor, SCHOOL_QUOTA_READERS, "read a school's quota and staffing");
    return this.schools.inScope(scopeOf(actor), schoolId);
  }

  private async county(actor: Actor, countyId: string): Promise<CountyEntity> {
    const county = await this.reference.findCountyInScope(scopeOf(actor), countyId);
    if (!county) throw new NotFoundError('county', countyId);
    return county;
  }
}

import { ForbiddenError } from '../errors/domain-error';
import type { Role } from '../reference/codes';

/**
 * What part of the province a caller may see. Repository methods that read county or school
 * data take a Scope argument and turn it into SQL conditions, so a forgotten filter is a
 * type error rather than a data leak.
 */
export type Scope =
  | { readonly level: 'PROVINCE' }
  | { readonly level: 'CITY'; readonly cityId: string }
  | { readonly level: 'COUNTY'; readonly countyId: string }
  | { readonly level: 'SCHOOL'; readonly countyId: string; readonly schoolId: string }
  | { readonly level: 'TEACHER'; readonly countyId: string; readonly teacherId: string };

/** The signed-in person, as the rules and the audit log need them. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly cityId?: string | null;
  readonly countyId?: string | null;
  readonly schoolId?: string | null;
  readonly teacherId?: string | null;
}

/** The province-wide scope used by seeds, scheduled jobs and the province administrator. */
export const PROVINCE_SCOPE: Scope = Object.freeze({ level: 'PROVINCE' });

/** The scope a role grants; an account whose role lacks its anchor (a principal without a school) gets nothing. */
export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'PROVINCE_ADMIN':
      return PROVINCE_SCOPE;
    case 'CITY_OFFICER':
      return { level: 'CITY', cityId: required(actor.cityId, actor, 'cityId') };
    case 'COUNTY_OFFICER':
      return { level: 'COUNTY', countyId: required(actor.countyId, actor, 'countyId') };
    case 'PRINCIPAL':
      return {
        level: 'SCHOOL',
        countyId: required(actor.countyId, actor, 'countyId'),
        schoolId: required(actor.schoolId, actor, 'schoolId'),
      };
    case 'TEACHER':
      return {
        level: 'TEACHER',
        countyId: required(actor.countyId, actor, 'countyId'),
        teacherId: required(actor.teacherId, actor, 'teacherId'),
      };
  }
}

function required(value: string | null | undefined, actor: Actor, field: string): string {
  if (!value) throw new Error(`account ${actor.username} (${actor.role}) has no ${field}`);
  return value;
}

/** True when the scope reaches the whole of the given county (county officer or wider). */
export function coversCounty(scope: Scope, county: { id: string; cityId: string }): boolean {
  switch (scope.level) {
    case 'PROVINCE':
      return true;
    case 'CITY':
      return scope.cityId === county.cityId;
    case 'COUNTY':
      return scope.countyId === county.id;
    default:
      return false;
  }
}

/** Roles that maintain the county registry (schools, teachers, postings). */
export const REGISTRY_WRITERS: readonly Role[] = ['PROVINCE_ADMIN', 'COUNTY_OFFICER'];
/** Roles that read county-wide data (lists, audit). */
export const OFFICERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER'];

/** Refuses (403) an actor whose role is not among `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[], what = 'do this'): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(`A ${actor.role} may not ${what}`);
}

import { ForbiddenError, RuleViolationError } from '../errors/domain-error';
import type { Post, Role } from '../reference/codes';
import type { Actor } from '../scope/scope';

/** The shortest password an account may have. */
const MIN_PASSWORD_LENGTH = 10;

/** What is wrong with a new password for `username` (nothing: an empty list). */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) problems.push('must not be the username');
  return problems;
}

/** Roles that read the accounts of their scope: officers and the administrator. */
export const ACCOUNT_READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER'];

/** The roles of the accounts each role may reset and disable: a county officer their county's principals and teachers. */
const MANAGEABLE: Record<Role, readonly Role[]> = {
  PROVINCE_ADMIN: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER'],
  CITY_OFFICER: [],
  COUNTY_OFFICER: ['PRINCIPAL', 'TEACHER'],
  PRINCIPAL: [],
  TEACHER: [],
};

/** An account as the rules about accounts need it. */
export interface AccountFacts {
  readonly id: string;
  readonly role: Role;
  readonly cityId: string | null;
  readonly countyId: string | null;
}

/** Refuses (403) a role that may reset or disable no account at all. */
export function assertManagesAccounts(actor: Actor): void {
  if (MANAGEABLE[actor.role].length === 0) throw new ForbiddenError(`A ${actor.role} may not reset passwords or disable accounts`);
}

/**
 * Refuses a reset or disable of an account in the actor's scope that the actor's role may not
 * manage (403, e.g. a county officer and a fellow county officer), or of the actor's own account
 * (422 OWN_ACCOUNT: one's own password changes with the current one, and nobody shuts themselves out).
 */
export function assertMayManageAccount(actor: Actor, account: AccountFacts): void {
  assertManagesAccounts(actor);
  if (account.id === actor.userId) {
    throw new RuleViolationError(
      'OWN_ACCOUNT',
      'Not on your own account: change your own password with POST /auth/password; another officer or the administrator disables an account',
    );
  }
  if (!MANAGEABLE[actor.role].includes(account.role)) throw new ForbiddenError(`A ${actor.role} may not manage ${account.role} accounts`);
}

/** Posts whose holders get a PRINCIPAL account: the principal (校长) and vice-principals (副校长). */
const SCHOOL_LEADER_POSTS: readonly Post[] = ['PRINCIPAL', 'VICE_PRINCIPAL'];

/**
 * What is wrong with linking a PRINCIPAL account of `school` to `teacher`, their own teacher
 * record (null: nothing): the record must be a teacher of the school's county, holding the post
 * of principal or vice-principal, posted at the school today or from a later day (an incoming
 * head). The link is what keeps a principal from deciding on their own training record.
 */
export function principalLinkProblem(
  teacher: { readonly countyId: string; readonly post: Post },
  school: { readonly id: string; readonly countyId: string },
  postings: readonly { readonly schoolId: string; readonly endDate: string | null }[],
  today: string,
): string | null {
  if (teacher.countyId !== school.countyId) return "must be a teacher of the school's county";
  if (!SCHOOL_LEADER_POSTS.includes(teacher.post)) {
    return `must be the teacher record of the school's principal or a vice-principal (post PRINCIPAL or VICE_PRINCIPAL; this one is ${teacher.post})`;
  }
  if (!postings.some((posting) => posting.schoolId === school.id && (posting.endDate === null || posting.endDate >= today))) {
    return 'must be posted at the school today or from a later day';
  }
  return null;
}

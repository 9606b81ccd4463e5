import { ForbiddenError, RuleViolationError } from '../errors/domain-error';
import type { Role } from '../reference/codes';
import type { Actor } from '../scope/scope';
import { assertManagesAccounts, assertMayManageAccount, passwordProblems, principalLinkProblem } from './account-rules';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({ userId: 'me', username: 'me', role, ...extra });
const account = (role: Role, id = 'other') => ({ id, role, cityId: '320300', countyId: role === 'CITY_OFFICER' ? null : '320321' });

describe('passwordProblems', () => {
  it('accepts ten characters or more that are not the username', () => {
    expect(passwordProblems('a-long-password', 'officer.feng')).toEqual([]);
    expect(passwordProblems('十个字的密码还差一点点', 'officer.feng')).toEqual([]);
  });

  it('refuses fewer than ten characters (counted as characters, not bytes) and the username in any case', () => {
    expect(passwordProblems('short', 'officer.feng')).toEqual(['must be at least 10 characters']);
    expect(passwordProblems('九个字的密码差一点', 'officer.feng')).toEqual(['must be at least 10 characters']);
    expect(passwordProblems('Officer.Feng', 'officer.feng')).toEqual(['must not be the username']);
    expect(passwordProblems('abc', 'abc')).toEqual(['must be at least 10 characters', 'must not be the username']);
  });
});

describe('assertMayManageAccount', () => {
  it('lets the administrator manage anyone else, a county officer principals and teachers', () => {
    for (const role of ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER'] as const) {
      expect(() => assertMayManageAccount(actor('PROVINCE_ADMIN'), account(role))).not.toThrow();
    }
    expect(() => assertMayManageAccount(actor('COUNTY_OFFICER'), account('PRINCIPAL'))).not.toThrow();
    expect(() => assertMayManageAccount(actor('COUNTY_OFFICER'), account('TEACHER'))).not.toThrow();
  });

  it('refuses (403) a county officer managing officers, and city officers, principals and teachers managing anyone', () => {
    expect(() => assertMayManageAccount(actor('COUNTY_OFFICER'), account('COUNTY_OFFICER'))).toThrow(ForbiddenError);
    expect(() => assertMayManageAccount(actor('COUNTY_OFFICER'), account('CITY_OFFICER'))).toThrow(ForbiddenError);
    for (const role of ['CITY_OFFICER', 'PRINCIPAL', 'TEACHER'] as const) {
      expect(() => assertManagesAccounts(actor(role))).toThrow(ForbiddenError);
      expect(() => assertMayManageAccount(actor(role), account('TEACHER'))).toThrow(ForbiddenError);
    }
    expect(() => assertManagesAccounts(actor('COUNTY_OFFICER'))).not.toThrow();
  });

  it('refuses (422 OWN_ACCOUNT) one’s own account, even to the administrator', () => {
    let error: unknown;
    try {
      assertMayManageAccount(actor('PROVINCE_ADMIN'), account('PROVINCE_ADMIN', 'me'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).code).toBe('OWN_ACCOUNT');
  });
});

describe('principalLinkProblem', () => {
  const school = { id: 'school-1', countyId: '320321' };
  const head = { countyId: '320321', post: 'PRINCIPAL' as const };
  const today = '2026-09-01';

  it('accepts the principal or a vice-principal posted at the school today, or from a later day', () => {
    expect(principalLinkProblem(head, school, [{ schoolId: 'school-1', endDate: null }], today)).toBeNull();
    expect(principalLinkProblem({ ...head, post: 'VICE_PRINCIPAL' }, school, [{ schoolId: 'school-1', endDate: '2026-09-01' }], today)).toBeNull();
    // An incoming head: a posting that starts after today (start dates do not matter, only that it has not ended).
    expect(
      principalLinkProblem(
        head,
        school,
        [
          { schoolId: 'other', endDate: '2026-12-31' },
          { schoolId: 'school-1', endDate: null },
        ],
        today,
      ),
    ).toBeNull();
  });

  it('refuses a teacher of another county, an ordinary teacher, and one not posted at the school (or whose posting there ended)', () => {
    expect(principalLinkProblem({ ...head, countyId: '320322' }, school, [{ schoolId: 'school-1', endDate: null }], today)).toMatch(/county/);
    expect(principalLinkProblem({ ...head, post: 'TEACHER' }, school, [{ schoolId: 'school-1', endDate: null }], today)).toMatch(
      /PRINCIPAL or VICE_PRINCIPAL; this one is TEACHER/,
    );
    expect(principalLinkProblem(head, school, [{ schoolId: 'other', endDate: null }], today)).toMatch(/posted at the school/);
    expect(principalLinkProblem(head, school, [{ schoolId: 'school-1', endDate: '2026-08-31' }], today)).toMatch(/posted at the school/);
    expect(principalLinkProblem(head, school, [], today)).toMatch(/posted at the school/);
  });
});

import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@app/config';
import type { UserEntity, UserRepository } from '@app/database';
import { queueDashboardSigningKey, TokenService, UnauthenticatedError } from './token.service';

const SECRET = 'a-signing-secret-for-the-token-tests-0123456789';

function account(overrides: Partial<UserEntity> = {}): UserEntity {
  return {
    id: '0190a0a0-0000-7000-8000-000000000001',
    username: 'admin',
    role: 'PROVINCE_ADMIN',
    active: true,
    tokenVersion: 3,
    cityId: null,
    countyId: null,
    schoolId: null,
    teacherId: null,
    ...overrides,
  } as UserEntity;
}

describe('TokenService: bearer tokens and queue dashboard sessions', () => {
  let stored: UserEntity;
  let sut: TokenService;
  const jwt = new JwtService();

  beforeEach(() => {
    stored = account();
    const users = { findById: (id: string) => Promise.resolve(id === stored.id ? stored : null) } as unknown as UserRepository;
    sut = new TokenService(jwt, { jwt: { secret: SECRET, expiresInSeconds: 3600 } } as AppConfig, users);
  });

  it('turns a session back into the administrator, and a bearer token into the account', async () => {
    await expect(sut.authenticateQueueDashboardSession(await sut.issueQueueDashboardSession(stored))).resolves.toMatchObject({
      userId: stored.id,
      role: 'PROVINCE_ADMIN',
    });
    await expect(sut.authenticate(await sut.issue(stored))).resolves.toMatchObject({ userId: stored.id });
  });

  it('never takes a bearer token as a session, nor a session as a bearer token', async () => {
    await expect(sut.authenticateQueueDashboardSession(await sut.issue(stored))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(sut.authenticate(await sut.issueQueueDashboardSession(stored))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('signs sessions with a key of their own, derived from the secret, and names their audience', async () => {
    const key = queueDashboardSigningKey(SECRET);
    expect(key.equals(queueDashboardSigningKey(SECRET))).toBe(true);
    expect(key.equals(queueDashboardSigningKey(`${SECRET}x`))).toBe(false);
    expect(key.toString('utf8')).not.toBe(SECRET);
    const session = await sut.issueQueueDashboardSession(stored);
    await expect(jwt.verifyAsync(session, { secret: key })).resolves.toMatchObject({ aud: 'staffing-desk:queue-dashboard', tv: 3 });
    await expect(jwt.verifyAsync(session, { secret: SECRET })).rejects.toThrow();
    // The right key without the audience, or with another, is not a session; with an audience a bearer token is refused too.
    const claims = { sub: stored.id, role: stored.role, tv: stored.tokenVersion };
    await expect(sut.authenticateQueueDashboardSession(await jwt.signAsync(claims, { secret: key, expiresIn: 60 }))).rejects.toThrow(
      UnauthenticatedError,
    );
    await expect(
      sut.authenticateQueueDashboardSession(await jwt.signAsync(claims, { secret: key, expiresIn: 60, audience: 'other' })),
    ).rejects.toThrow(UnauthenticatedError);
    await expect(
      sut.authenticate(await jwt.signAsync(claims, { secret: SECRET, expiresIn: 60, audience: 'staffing-desk:queue-dashboard' })),
    ).rejects.toThrow(/not a bearer token/);
  });

  it('refuses an expired session, and one without an expiry', async () => {
    const key = queueDashboardSigningKey(SECRET);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: stored.id, role: stored.role, tv: stored.tokenVersion, aud: 'staffing-desk:queue-dashboard' };
    await expect(
      sut.authenticateQueueDashboardSession(await jwt.signAsync({ ...claims, iat: now - 1000, exp: now - 1 }, { secret: key })),
    ).rejects.toThrow(/invalid or has expired/);
    await expect(sut.authenticateQueueDashboardSession(await jwt.signAsync(claims, { secret: key }))).rejects.toThrow(/expiry/);
  });

  it('ends a session at once when the account is disabled, its password changes, it is removed or it is no longer an administrator', async () => {
    const session = await sut.issueQueueDashboardSession(stored);
    stored = account({ active: false });
    await expect(sut.authenticateQueueDashboardSession(session)).rejects.toThrow(/disabled/);
    stored = account({ tokenVersion: 4 });
    await expect(sut.authenticateQueueDashboardSession(session)).rejects.toThrow(/password was changed/);
    stored = account({ id: 'someone-else' });
    await expect(sut.authenticateQueueDashboardSession(session)).rejects.toThrow(/no longer exists/);
    stored = account({ role: 'COUNTY_OFFICER', countyId: '320321' });
    await expect(sut.authenticateQueueDashboardSession(session)).rejects.toThrow(/Only a province administrator/);
  });
});

import { JwtService } from '@nestjs/jwt';
import { account, Client, loginAdmin, PASSWORD, PREFIX } from './support/api';
import { createTestApp, TestApp } from './support/test-app';

const LIMITS = { LOGIN_MAX_ATTEMPTS: '3', LOGIN_MAX_ATTEMPTS_PER_USERNAME: '5', LOGIN_WINDOW_SECONDS: '600' };

function signIn(t: TestApp, username: string, password: string, forwardedFor?: string) {
  const call = t.http().post(`${PREFIX}/auth/login`);
  if (forwardedFor) call.set('X-Forwarded-For', forwardedFor);
  return call.send({ username, password });
}

describe('sign-in limits', () => {
  describe('from one address, no proxy trusted (the default)', () => {
    let t: TestApp;
    let admin: Client;

    beforeAll(async () => {
      t = await createTestApp({ env: { ...LIMITS, LOGIN_DELAY_MS: '5', LOGIN_MAX_DELAY_MS: '80' } });
      admin = await loginAdmin(t);
      await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
      await account(t, admin, { username: 'officer.target', role: 'COUNTY_OFFICER', countyId: '320322' });
    });
    afterAll(() => t.close());

    it('locks a username after too many failures from the address, with Retry-After in the header and the body', async () => {
      for (let i = 0; i < 3; i++) expect((await signIn(t, 'officer.target', 'wrong-password')).status).toBe(401);
      const blocked = await signIn(t, 'officer.target', PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: expect.any(Number) } });
      const seconds = blocked.body.details.retryAfterSeconds as number;
      expect(seconds).toBeGreaterThan(590);
      expect(seconds).toBeLessThanOrEqual(600);
      expect(blocked.headers['retry-after']).toBe(String(seconds));
      expect(blocked.body.message).toMatch(/try again in 10 minutes/);
      // Other usernames from the same address are not locked.
      expect((await signIn(t, 'officer.fengxian', PASSWORD)).status).toBe(200);
    });

    it('lets the real user in after 50 failures over made-up usernames from their address, only slowed down', async () => {
      for (let i = 0; i < 50; i++) {
        const response = await signIn(t, `made.up.${i}`, 'guessed-password');
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('INVALID_CREDENTIALS');
      }
      const started = Date.now();
      const real = await signIn(t, 'officer.fengxian', PASSWORD);
      expect(real.status).toBe(200);
      // The address is slowed down by the longest delay (80 ms here), not locked out.
      expect(Date.now() - started).toBeGreaterThanOrEqual(75);
      expect((await signIn(t, 'officer.fengxian', 'a-wrong-password')).status).toBe(401);
      expect((await signIn(t, 'admin', 'a-wrong-password')).status).toBe(401);
    }, 60_000);

    it('ignores X-Forwarded-For when no proxy is trusted: a locked username stays locked whatever the header says', async () => {
      await account(t, admin, { username: 'officer.spoofed', role: 'COUNTY_OFFICER', countyId: '320324' });
      for (let i = 0; i < 3; i++) expect((await signIn(t, 'officer.spoofed', 'wrong-password', `203.0.113.${i + 1}`)).status).toBe(401);
      expect((await signIn(t, 'officer.spoofed', PASSWORD, '198.51.100.9')).status).toBe(429);
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=loopback)', () => {
    let t: TestApp;
    let admin: Client;

    beforeAll(async () => {
      t = await createTestApp({ env: { ...LIMITS, TRUST_PROXY: 'loopback' } });
      admin = await loginAdmin(t);
      await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
      await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    });
    afterAll(() => t.close());

    it('counts failures by the client address the proxy names: locked at that address, not at another', async () => {
      for (let i = 0; i < 3; i++) expect((await signIn(t, 'officer.fengxian', 'wrong-password', '203.0.113.5')).status).toBe(401);
      expect((await signIn(t, 'officer.fengxian', PASSWORD, '203.0.113.5')).status).toBe(429);
      expect((await signIn(t, 'officer.fengxian', PASSWORD, '203.0.113.6')).status).toBe(200);
    });

    it('locks a username everywhere after failures from many addresses', async () => {
      // Five failures (LOGIN_MAX_ATTEMPTS_PER_USERNAME), none of the addresses reaching three (LOGIN_MAX_ATTEMPTS).
      for (const address of ['198.51.100.1', '198.51.100.1', '198.51.100.2', '198.51.100.2', '198.51.100.3']) {
        expect((await signIn(t, 'officer.peixian', 'wrong-password', address)).status).toBe(401);
      }
      const blocked = await signIn(t, 'officer.peixian', PASSWORD, '198.51.100.4');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBe(blocked.body.details.retryAfterSeconds);
    });
  });
});

describe('access tokens', () => {
  let t: TestApp;
  let admin: Client;
  let jwt: JwtService;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t);
    jwt = new JwtService({ secret: t.config.jwt.secret });
  });
  afterAll(() => t.close());

  it('refuses a correctly signed token that does not expire (401)', async () => {
    const claims = JSON.parse(Buffer.from(admin.token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: admin.user.id, role: 'PROVINCE_ADMIN', tv: 1, exp: expect.any(Number), iat: expect.any(Number) });
    const forever = jwt.sign({ sub: admin.user.id, role: 'PROVINCE_ADMIN', tv: 1 });
    const response = await t.http().get(`${PREFIX}/auth/me`).set('Authorization', `Bearer ${forever}`);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHORIZED');
    // The same claims with an expiry are accepted: the missing expiry alone was refused.
    const expiring = jwt.sign({ sub: admin.user.id, role: 'PROVINCE_ADMIN', tv: 1 }, { expiresIn: 60 });
    expect((await t.http().get(`${PREFIX}/auth/me`).set('Authorization', `Bearer ${expiring}`)).status).toBe(200);
  });

  it('refuses a token without the token version, one signed with another key, and an expired one', async () => {
    const unversioned = jwt.sign({ sub: admin.user.id, role: 'PROVINCE_ADMIN' }, { expiresIn: 60 });
    const foreign = new JwtService({ secret: 'another-secret-of-at-least-32-characters' }).sign(
      { sub: admin.user.id, role: 'PROVINCE_ADMIN', tv: 1 },
      { expiresIn: 60 },
    );
    const expired = jwt.sign({ sub: admin.user.id, role: 'PROVINCE_ADMIN', tv: 1, exp: Math.floor(Date.now() / 1000) - 10 });
    for (const token of [unversioned, foreign, expired]) {
      expect((await t.http().get(`${PREFIX}/auth/me`).set('Authorization', `Bearer ${token}`)).status).toBe(401);
    }
  });
});

describe('the OpenAPI description of the sign-in limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('documents 429 with its Retry-After header on the routes that check passwords', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/password']) {
      expect(doc.paths[path].post.responses['429'].headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 1 });
    }
  });
});

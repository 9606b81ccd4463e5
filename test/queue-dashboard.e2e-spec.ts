import { JwtService } from '@nestjs/jwt';
import type { Queue } from 'bullmq';
import { queueDashboardSigningKey } from '@app/auth';
import { JOB_QUEUE_NAME, JobQueue } from '@app/queue';
import { account, Client, loginAdmin, PASSWORD, PREFIX } from './support/api';
import { eventually } from './support/eventually';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';

const BOARD = '/queues';
const COOKIE = 'staffing_queue_dashboard';
const SESSION = `${PREFIX}/queue-dashboard/session`;
const ERROR_KEYS = ['code', 'details', 'message', 'statusCode'];

interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case → values ('' for flags such as HttpOnly). */
  attributes: Record<string, string>;
}

/** The one Set-Cookie of a response for the dashboard's cookie. */
function setCookieOf(response: { headers: Record<string, unknown> }): SetCookie {
  const headers = (response.headers['set-cookie'] ?? []) as string[];
  const mine = headers.filter((header) => header.startsWith(`${COOKIE}=`));
  expect(mine).toHaveLength(1);
  const [pair, ...attributes] = mine[0].split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  return {
    name: pair.slice(0, at),
    value: pair.slice(at + 1),
    attributes: Object.fromEntries(
      attributes.map((attribute) => {
        const eq = attribute.indexOf('=');
        return eq < 0 ? [attribute.toLowerCase(), ''] : [attribute.slice(0, eq).toLowerCase(), attribute.slice(eq + 1)];
      }),
    ),
  };
}

async function openSession(client: Client): Promise<string> {
  const response = await client.post('/queue-dashboard/session');
  expect(response.status).toBe(204);
  return setCookieOf(response).value;
}

function expectErrorBody(
  response: { status: number; headers: Record<string, unknown>; body: Record<string, unknown> },
  status: number,
  code: string,
): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
  expect(response.body.statusCode).toBe(status);
  expect(typeof response.body.message).toBe('string');
  expect(response.body.details).toEqual({});
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    (header as string)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** The Redis of the suite's profile, or, on the embedded profile, a private redis-server of this file's own. */
async function bullmqEnv(): Promise<{ env: Record<string, string>; redis: PrivateRedis | null }> {
  if (process.env.REDIS_URL) return { env: {}, redis: null };
  const redis = await PrivateRedis.start();
  return { env: { REDIS_URL: redis.url, QUEUE_PREFIX: `board${process.pid}` }, redis };
}

describe('the queue dashboard with BullMQ', () => {
  let t: TestApp;
  let redis: PrivateRedis | null;
  let admin: Client;
  let officer: Client;
  let queue: Queue;

  const board = (path: string, cookie?: string) => {
    const call = t.http().get(BOARD + path);
    return cookie === undefined ? call : call.set('Cookie', `${COOKIE}=${cookie}`);
  };
  /** A change through the board's API as its own page sends it (same origin). */
  const change = (path: string, cookie: string, headers: Record<string, string> = { 'Sec-Fetch-Site': 'same-origin' }) =>
    t
      .http()
      .put(BOARD + path)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .set(headers);

  beforeAll(async () => {
    const bullmq = await bullmqEnv();
    redis = bullmq.redis;
    t = await createTestApp({ env: bullmq.env });
    expect(t.config.queue.driver).toBe('bullmq');
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    queue = t.app.get(JobQueue).bullmqQueue() as Queue;
    expect(queue.name).toBe(JOB_QUEUE_NAME);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await redis?.dispose();
  });

  it('gives the province administrator a session cookie: HttpOnly, SameSite=Strict, Path=/queues, 15 minutes, not Secure outside production', async () => {
    const response = await admin.post('/queue-dashboard/session');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    const cookie = setCookieOf(response);
    expect(cookie.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(cookie.attributes).toEqual({
      'max-age': '900',
      path: '/queues',
      expires: expect.any(String),
      httponly: '',
      samesite: 'Strict',
    });
    const expires = Date.parse(cookie.attributes.expires);
    expect(Math.abs(expires - (Date.now() + 900_000))).toBeLessThan(5000);
    // The session is for the dashboard only; its claims name it so, and nothing else in it identifies the account but the id.
    const claims = new JwtService().decode<Record<string, unknown>>(cookie.value);
    expect(claims).toEqual({
      sub: admin.user.id,
      role: 'PROVINCE_ADMIN',
      tv: expect.any(Number),
      aud: 'staffing-desk:queue-dashboard',
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    // Opening is audit-logged.
    const audit = await admin.get('/audit?action=queue-dashboard.open');
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({ entity: 'user', entityId: admin.user.id, actor: { username: 'admin', role: 'PROVINCE_ADMIN' } });
  });

  it('shows the board with the cookie: its page, every file the page loads from here, and its API with the job queue', async () => {
    const cookie = await openSession(admin);
    for (const path of ['', '/', `/queue/${JOB_QUEUE_NAME}`]) {
      const page = await board(path, cookie);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<base href="/queues/" />');
    }
    const html = (await board('/', cookie)).text;
    // The files it loads (stylesheet, icons, scripts), relative to its <base href>.
    const local = [...html.replace(/<base[^>]*>/, '').matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => !/^https?:/.test(url));
    expect(local.length).toBeGreaterThanOrEqual(5);
    for (const url of local) {
      const path = new URL(url, 'http://desk.local/queues/').pathname;
      expect(path.startsWith('/queues/static/')).toBe(true);
      const file = await t.http().get(path).set('Cookie', `${COOKIE}=${cookie}`);
      expect({ path, status: file.status }).toEqual({ path, status: 200 });
      if (path.endsWith('.js')) expect(file.headers['content-type']).toMatch(/javascript/);
      if (path.endsWith('.css')) expect(file.headers['content-type']).toMatch(/^text\/css/);
      // Without the session, not even the board's files.
      expectErrorBody(await t.http().get(path), 401, 'UNAUTHORIZED');
    }

    const api = await board('/api/queues', cookie);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual([JOB_QUEUE_NAME]);
    expect(api.body.queues[0]).toMatchObject({ readOnlyMode: false, allowRetries: true, allowCompletedRetries: false, type: 'bullmq' });
  });

  it('lets nobody else in: no cookie, an expired, tampered or forged session, a bearer token as the cookie, a token of another purpose', async () => {
    const cookie = await openSession(admin);
    const jwt = new JwtService();
    const key = queueDashboardSigningKey(t.config.jwt.secret);
    const claims = jwt.decode<Record<string, unknown>>(cookie);
    const [header, payload, signature] = cookie.split('.');
    const otherClaims = Buffer.from(JSON.stringify({ ...claims, sub: officer.user.id }), 'utf8').toString('base64url');
    const { aud: _audience, ...withoutAudience } = claims;
    const refused: Record<string, string | undefined> = {
      'no cookie': undefined,
      'an empty cookie': '',
      'an expired session': await jwt.signAsync(
        { ...claims, iat: (claims.iat as number) - 1000, exp: (claims.iat as number) - 100 },
        { secret: key },
      ),
      'a session with its claims changed': `${header}.${otherClaims}.${signature}`,
      'a session with its signature changed': `${header}.${payload}.${signature.slice(0, -4)}AAAA`,
      'a session signed with another key': await jwt.signAsync(claims, { secret: 'not-the-key-of-this-service-at-all-0123456789' }),
      'a session signed with the bearer tokens key': await jwt.signAsync(claims, { secret: t.config.jwt.secret }),
      "the administrator's bearer token": admin.token,
      'a token of the right key but no audience': await jwt.signAsync(withoutAudience, { secret: key }),
      'a token of the right key for another audience': await jwt.signAsync({ ...claims, aud: 'staffing-desk:api' }, { secret: key }),
      'an unsigned token': `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
      garbage: 'not-a-token',
    };
    for (const [what, value] of Object.entries(refused)) {
      for (const path of ['/', '/api/queues', `/queue/${JOB_QUEUE_NAME}`]) {
        const response = await board(path, value);
        expect({ what, path, status: response.status }).toEqual({ what, path, status: 401 });
        expectErrorBody(response, 401, 'UNAUTHORIZED');
      }
    }
    // The same cookie under another name is no session either.
    expectErrorBody(await t.http().get(`${BOARD}/api/queues`).set('Cookie', `other=${cookie}`), 401, 'UNAUTHORIZED');
  });

  it('is not a bearer token: the API refuses the session in the Authorization header', async () => {
    const cookie = await openSession(admin);
    const response = await t.http().get(`${PREFIX}/auth/me`).set('Authorization', `Bearer ${cookie}`);
    expectErrorBody(response, 401, 'UNAUTHORIZED');
  });

  it('refuses a session to every other role (403), and to nobody signed in (401)', async () => {
    const city = await account(t, admin, { username: 'officer.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
    for (const client of [officer, city]) {
      const response = await client.post('/queue-dashboard/session');
      expectErrorBody(response, 403, 'FORBIDDEN');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expectErrorBody(await t.http().post(SESSION), 401, 'UNAUTHORIZED');
  });

  it("ends a session at once when the administrator's account is disabled or their password changes", async () => {
    const second = await account(t, admin, { username: 'admin.second', role: 'PROVINCE_ADMIN' });
    const cookie = await openSession(second);
    expect((await board('/api/queues', cookie)).status).toBe(200);
    expect((await admin.post(`/users/${second.user.id}/disable`)).status).toBe(200);
    expectErrorBody(await board('/api/queues', cookie), 401, 'UNAUTHORIZED');
    expectErrorBody(await board('/', cookie), 401, 'UNAUTHORIZED');

    const third = await account(t, admin, { username: 'admin.third', role: 'PROVINCE_ADMIN' });
    const before = await openSession(third);
    const changed = await third.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'another-password-for-tests' });
    expect(changed.status).toBe(200);
    expectErrorBody(await board('/api/queues', before), 401, 'UNAUTHORIZED');
    // A new session after signing in again works.
    const again = new Client(t, changed.body.accessToken, third.user);
    expect((await board('/api/queues', await openSession(again))).status).toBe(200);
  });

  it('retries a failed job and runs a delayed job now, audit-logged with the administrator as the actor', async () => {
    const cookie = await openSession(admin);
    // A job no handler knows fails at once in the worker; the board shows it among the failed.
    const failing = await queue.add('no.such-job', {}, { attempts: 1, jobId: 'board-failing-1' });
    await eventually(async () => expect(await failing.getState()).toBe('failed'));
    const failed = await board(`/api/queues?activeQueue=${JOB_QUEUE_NAME}&status=failed&page=1`, cookie);
    expect(failed.status).toBe(200);
    expect(failed.body.queues[0].jobs.map((job: { id: string }) => job.id)).toContain('board-failing-1');

    const retried = await change(`/api/queues/${JOB_QUEUE_NAME}/board-failing-1/retry`, cookie);
    expect(retried.status).toBe(204);
    await eventually(async () => expect((await queue.getJob('board-failing-1'))?.attemptsStarted).toBe(2));
    const retriedAll = await change(`/api/queues/${JOB_QUEUE_NAME}/retry/failed`, cookie);
    expect(retriedAll.status).toBe(200);

    const delayed = await queue.add('no.such-job', {}, { attempts: 1, delay: 3_600_000, jobId: 'board-delayed-1' });
    expect(await delayed.getState()).toBe('delayed');
    expect((await change(`/api/queues/${JOB_QUEUE_NAME}/board-delayed-1/promote`, cookie)).status).toBe(204);
    await eventually(async () => expect(await queue.getJobState('board-delayed-1')).toBe('failed'));
    expect((await change(`/api/queues/${JOB_QUEUE_NAME}/promote`, cookie)).status).toBe(200);

    const audit = await admin.get('/audit?pageSize=50');
    const actions = (audit.body.items as { action: string; entity: string; entityId: string; actor: { username: string }; after: unknown }[])
      .filter((entry) => entry.action.startsWith('queue'))
      .map(({ action, entity, entityId, actor, after }) => ({ action, entity, entityId, actor: actor.username, after }));
    expect(actions).toEqual(
      expect.arrayContaining([
        {
          action: 'queue-job.retry',
          entity: 'queue-job',
          entityId: 'board-failing-1',
          actor: 'admin',
          after: { queue: JOB_QUEUE_NAME, jobId: 'board-failing-1' },
        },
        {
          action: 'queue.retry-failed',
          entity: 'queue',
          entityId: JOB_QUEUE_NAME,
          actor: 'admin',
          after: { queue: JOB_QUEUE_NAME, status: 'failed' },
        },
        {
          action: 'queue-job.promote',
          entity: 'queue-job',
          entityId: 'board-delayed-1',
          actor: 'admin',
          after: { queue: JOB_QUEUE_NAME, jobId: 'board-delayed-1' },
        },
        {
          action: 'queue.promote-delayed',
          entity: 'queue',
          entityId: JOB_QUEUE_NAME,
          actor: 'admin',
          after: { queue: JOB_QUEUE_NAME, status: null },
        },
      ]),
    );
  }, 60_000);

  it('refuses every other change (403, in the board’s own error shape, which its page shows): jobs are not added, edited, cleaned or paused from here', async () => {
    const cookie = await openSession(admin);
    const waiting = await queue.add('no.such-job', {}, { delay: 3_600_000, jobId: 'board-kept-1' });
    const refusals: [string, string, object?][] = [
      ['put', `/api/queues/${JOB_QUEUE_NAME}/clean/failed`],
      ['put', `/api/queues/${JOB_QUEUE_NAME}/clean/delayed`],
      ['put', `/api/queues/${JOB_QUEUE_NAME}/board-kept-1/clean`],
      ['put', `/api/queues/${JOB_QUEUE_NAME}/retry/completed`],
      ['put', `/api/queues/${JOB_QUEUE_NAME}/empty`],
      ['put', `/api/queues/${JOB_QUEUE_NAME}/obliterate`],
      ['put', `/api/queues/${JOB_QUEUE_NAME}/pause`],
      ['put', '/api/queues/pause'],
      ['put', `/api/queues/${JOB_QUEUE_NAME}/concurrency`, { concurrency: 1 }],
      ['post', `/api/queues/${JOB_QUEUE_NAME}/add`, { name: 'school.refresh-headcounts', data: {}, options: {} }],
      ['patch', `/api/queues/${JOB_QUEUE_NAME}/board-kept-1/update-data`, { data: { schoolId: 'x' } }],
      ['patch', `/api/queues/${JOB_QUEUE_NAME}/board-kept-1/delay`, { delay: 1 }],
    ];
    for (const [method, path, body] of refusals) {
      const call = (method === 'put' ? t.http().put(BOARD + path) : method === 'post' ? t.http().post(BOARD + path) : t.http().patch(BOARD + path))
        .set('Cookie', `${COOKIE}=${cookie}`)
        .set('Sec-Fetch-Site', 'same-origin');
      const response = await (body ? call.send(body) : call);
      expect({ method, path, status: response.status, key: response.body.error?.key }).toEqual({
        method,
        path,
        status: 403,
        key: 'ERRORS.FORBIDDEN',
      });
    }
    expect(await waiting.getState()).toBe('delayed');
    expect((await queue.getJob('board-kept-1'))?.data).toEqual({});
    expect(await queue.isPaused()).toBe(false);
    await waiting.remove();
  });

  it('refuses a change that another site starts, or that says nowhere where it comes from (403)', async () => {
    const cookie = await openSession(admin);
    await queue.add('no.such-job', {}, { delay: 3_600_000, jobId: 'board-csrf-1' });
    const path = `/api/queues/${JOB_QUEUE_NAME}/board-csrf-1/promote`;
    const crossSite: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://other.desk.example' },
      { 'Sec-Fetch-Site': 'none' },
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      {},
    ];
    for (const headers of crossSite) {
      const response = await change(path, cookie, headers);
      expect({ headers, status: response.status }).toEqual({ headers, status: 403 });
      expectErrorBody(response, 403, 'FORBIDDEN');
    }
    expect(await queue.getJobState('board-csrf-1')).toBe('delayed');
    // A browser without Sec-Fetch-Site that names this host as the origin is the board's own page.
    expect((await change(path, cookie, { Host: 'desk.local:3000', Origin: 'https://desk.local:3001' })).status).toBe(403);
    const sameOrigin = await change(path, cookie, { Host: 'desk.local:3000', Origin: 'http://desk.local:3000' });
    expect(sameOrigin.status).toBe(204);
    // Reading is not refused: a cross-site GET carries no SameSite=Strict cookie from a browser anyway, and changes nothing.
    expect((await board('/api/queues', cookie).set('Sec-Fetch-Site', 'cross-site')).status).toBe(200);
  });

  it('sends the strict content security policy with the board: no inline script, scripts only from this origin, no X-Powered-By', async () => {
    const cookie = await openSession(admin);
    const page = await board('/', cookie);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'");
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(page.headers['x-powered-by']).toBeUndefined();

    // Every script is a file from /queues/static/, except the board's configuration, a JSON data block that no browser runs.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ attributes, body }));
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const { attributes, body } of scripts) {
      const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
      if (src) {
        expect(body.trim()).toBe('');
        expect(new URL(src, 'http://desk.local/queues/').href.startsWith('http://desk.local/queues/static/')).toBe(true);
        const file = await t.http().get(new URL(src, 'http://desk.local/queues/').pathname).set('Cookie', `${COOKIE}=${cookie}`);
        expect(file.text).not.toMatch(/\beval\(|new Function\(/);
      } else {
        expect(attributes).toMatch(/type="application\/json"/);
        expect(() => JSON.parse(body) as unknown).not.toThrow();
      }
    }
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
    expect(page.text).not.toMatch(/javascript:/i);
    // The one reference to another origin is the web font stylesheet, which the policy blocks (the page falls back to system
    // fonts; fonts.googleapis.com is out of reach in mainland China anyway).
    const remote = [...page.text.matchAll(/\s(?:src|href)="(https?:[^"]+)"/g)].map((m) => new URL(m[1]).host);
    expect(remote).toEqual(['fonts.googleapis.com']);
  });

  it('answers a path under /queues that the board does not have as an unknown path (404), once past the session check', async () => {
    const cookie = await openSession(admin);
    expectErrorBody(await board('/no/such/page', cookie), 404, 'NOT_FOUND');
    expectErrorBody(await board('/static/no-such-file.js', cookie), 404, 'NOT_FOUND');
    expectErrorBody(await board('/no/such/page'), 401, 'UNAUTHORIZED');
  });

  it('clears the cookie on DELETE', async () => {
    const response = await admin.delete('/queue-dashboard/session');
    expect(response.status).toBe(204);
    const cleared = setCookieOf(response);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatchObject({ path: '/queues', httponly: '', samesite: 'Strict' });
    expect(Date.parse(cleared.attributes.expires)).toBeLessThan(Date.now());
    // Any signed-in account may clear its browser's cookie; nobody signed in may not.
    expect((await officer.delete('/queue-dashboard/session')).status).toBe(204);
    expectErrorBody(await t.http().delete(SESSION), 401, 'UNAUTHORIZED');
  });
});

describe('the queue dashboard while Redis is away', () => {
  let t: TestApp;
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url, QUEUE_PREFIX: 'boardoutage' }, inProcessWorker: false });
  }, 60_000);
  afterAll(async () => {
    await redis.start(); // so that closing the app can clear its queue keys
    await t.close();
    await redis.dispose();
  });

  it('still opens sessions and checks them, serves the page, and answers the board’s API 503 (not 500) until Redis is back', async () => {
    const admin = await loginAdmin(t);
    await redis.stop();
    await eventually(async () => expect((await t.http().get(`${PREFIX}/health`)).body).toMatchObject({ queue: 'down' }));
    const cookie = await openSession(admin);
    expect((await t.http().get(`${BOARD}/`).set('Cookie', `${COOKIE}=${cookie}`)).status).toBe(200);
    const api = await t.http().get(`${BOARD}/api/queues`).set('Cookie', `${COOKIE}=${cookie}`);
    expect({ status: api.status, body: api.body }).toEqual({
      status: 503,
      body: { error: { key: 'ERRORS.REDIS_UNAVAILABLE' }, message: 'Redis is not reachable' },
    });
    expectErrorBody(await t.http().get(`${BOARD}/api/queues`), 401, 'UNAUTHORIZED');
    await redis.start();
    await eventually(async () => expect((await t.http().get(`${BOARD}/api/queues`).set('Cookie', `${COOKIE}=${cookie}`)).status).toBe(200));
  }, 60_000);
});

describe('the queue dashboard in production', () => {
  let t: TestApp;
  let redis: PrivateRedis | null;

  beforeAll(async () => {
    const bullmq = await bullmqEnv();
    redis = bullmq.redis;
    t = await createTestApp({ env: { ...bullmq.env, NODE_ENV: 'production' }, inProcessWorker: false });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await redis?.dispose();
  });

  it('sends the cookie, and its clearing, over HTTPS only (Secure)', async () => {
    const admin = await loginAdmin(t);
    const opened = await admin.post('/queue-dashboard/session');
    expect(opened.status).toBe(204);
    expect(setCookieOf(opened).attributes).toMatchObject({ secure: '', httponly: '', samesite: 'Strict', path: '/queues', 'max-age': '900' });
    const cleared = await admin.delete('/queue-dashboard/session');
    expect(setCookieOf(cleared).attributes).toMatchObject({ secure: '', path: '/queues' });
  });
});

describe('the queue dashboard with the in-process queue driver', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { QUEUE_DRIVER: 'sync' } });
    expect(t.config.queue.driver).toBe('sync');
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('has no /queues: an unknown path like any other (404)', async () => {
    for (const path of ['/queues', '/queues/', '/queues/api/queues', '/queues/static/css/main.css']) {
      const response = await t.http().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expectErrorBody(response, 404, 'NOT_FOUND');
    }
  });

  it('answers the administrator 409 QUEUE_DASHBOARD_UNAVAILABLE, sets no cookie, and other roles 403', async () => {
    const response = await admin.post('/queue-dashboard/session');
    expectErrorBody(response, 409, 'QUEUE_DASHBOARD_UNAVAILABLE');
    expect(response.body.message).toMatch(/shortage-scans/);
    expect(response.headers['set-cookie']).toBeUndefined();
    const officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    expectErrorBody(await officer.post('/queue-dashboard/session'), 403, 'FORBIDDEN');
    expect((await admin.delete('/queue-dashboard/session')).status).toBe(204);
  });
});

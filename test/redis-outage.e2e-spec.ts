import { DataSource } from 'typeorm';
import { JobQueue } from '@app/queue';
import { account, Client, login, loginAdmin, PASSWORD, PREFIX } from './support/api';
import { createSchool, createTeacher } from './support/factories';
import { eventually } from './support/eventually';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';

/** Records a full on-quota posting of a new teacher at each school, each answered within 2 s (well within, normally). */
async function postAtEach(officer: Client, schools: { id: string }[]): Promise<void> {
  for (const school of schools) {
    const teacher = await createTeacher(officer);
    const started = Date.now();
    const response = await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: school.id, startDate: '2020-09-01', kind: 'REGULAR' });
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(2000);
  }
}

async function headcounts(officer: Client, schools: { id: string }[]): Promise<unknown[]> {
  return Promise.all(schools.map(async (school) => (await officer.get(`/schools/${school.id}`)).body.headcount));
}

async function health(t: TestApp): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await t.http().get(`${PREFIX}/health`);
  return { status: response.status, body: response.body };
}

/**
 * The API and an in-process worker on BullMQ with a private Redis that the test stops and starts
 * again (empty), on the profile's database (SQLite by default, MariaDB with DATABASE_URL).
 */
describe('jobs survive a Redis outage (transactional outbox)', () => {
  let redis: PrivateRedis;
  // Each posting records two jobs: its school's headcount recount and its shortage rescan (due at once here).
  const env = (prefix: string) => ({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix, OUTBOX_POLL_MS: '200', SHORTAGE_RESCAN_DELAY_MS: '0' });

  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(() => redis.dispose());

  it('keeps writes at normal speed while Redis is down, says so on /health, and runs every job once Redis is back', async () => {
    await redis.start();
    const t = await createTestApp({ env: env('outage1') });
    try {
      const officer = await account(t, await loginAdmin(t), { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
      const schools = [await createSchool(officer), await createSchool(officer), await createSchool(officer)];
      await eventually(async () => expect((await health(t)).body).toMatchObject({ status: 'ok', queue: 'up', queueDriver: 'bullmq' }));

      await redis.stop();
      await eventually(async () => expect((await health(t)).body).toMatchObject({ queue: 'down' }));
      await postAtEach(officer, schools);

      const degraded = await health(t);
      expect(degraded.status).toBe(200); // the API serves: a load balancer must keep it
      expect(degraded.body).toEqual({
        status: 'degraded',
        db: 'up',
        queue: 'down',
        database: process.env.DATABASE_URL ? expect.stringMatching(/^(mysql|mariadb)$/) : 'better-sqlite3',
        queueDriver: 'bullmq',
        outbox: { pending: 6, oldestAgeSeconds: expect.any(Number) },
      });
      expect(await headcounts(officer, schools)).toEqual([null, null, null]);

      await redis.start(); // empty: no jobs, no schedule
      await eventually(async () => expect(await headcounts(officer, schools)).toEqual(schools.map(() => ({ onQuota: 1, asOf: t.today }))));
      await eventually(async () =>
        expect((await health(t)).body).toMatchObject({ status: 'ok', queue: 'up', outbox: { pending: 0, oldestAgeSeconds: null } }),
      );
      await eventually(async () =>
        expect((await t.app.get(JobQueue).schedules()).map((s) => s.id).sort()).toEqual([
          'nightly-headcounts',
          'nightly-rotation-completion',
          'nightly-shortage-scan',
        ]),
      );
    } finally {
      await t.close();
    }
  }, 90_000);

  it('starts while Redis is down, and loses nothing when the API restarts before Redis is back', async () => {
    await redis.stop();
    const first = await createTestApp({ env: env('outage2'), keepData: true });
    let second: TestApp | null = null;
    try {
      const degraded = await health(first);
      expect(degraded.status).toBe(200);
      expect(degraded.body).toMatchObject({ status: 'degraded', db: 'up', queue: 'down', outbox: { pending: 0, oldestAgeSeconds: null } });

      const officer = await account(first, await loginAdmin(first), { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
      const schools = [await createSchool(officer), await createSchool(officer)];
      await postAtEach(officer, schools);
      expect((await health(first)).body).toMatchObject({ outbox: { pending: 4 } });

      const closing = Date.now();
      await first.close();
      expect(Date.now() - closing).toBeLessThan(10_000);

      second = await createTestApp({ env: env('outage2'), restartOf: first });
      expect((await health(second)).body).toMatchObject({ status: 'degraded', queue: 'down', outbox: { pending: 4 } });
      const again = await login(second, 'officer.fengxian', PASSWORD);
      expect(await headcounts(again, schools)).toEqual([null, null]);

      await redis.start();
      const restarted = second;
      await eventually(async () => expect(await headcounts(again, schools)).toEqual(schools.map(() => ({ onQuota: 1, asOf: restarted.today }))));
      await eventually(async () => expect((await health(restarted)).body).toMatchObject({ status: 'ok', outbox: { pending: 0 } }));
      await eventually(async () =>
        expect((await restarted.app.get(JobQueue).schedules()).map((s) => s.id).sort()).toEqual([
          'nightly-headcounts',
          'nightly-rotation-completion',
          'nightly-shortage-scan',
        ]),
      );
    } finally {
      await second?.close();
    }
  }, 90_000);
});

describe('health', () => {
  it('answers 503 only when the database is down', async () => {
    const t = await createTestApp();
    try {
      expect((await health(t)).status).toBe(200);
      await t.app.get(DataSource).destroy();
      const down = await health(t);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'down', db: 'down', outbox: null });
    } finally {
      await t.close();
    }
  });
});

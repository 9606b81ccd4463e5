import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { BulkWriter, TransactionHost } from '@app/database';
import { JIANGSU_2024_POLICY } from '@app/domain';
import { JOB_QUEUE_NAME, JobName, JobQueue } from '@app/queue';
import { generateCounty } from '@app/seeds/generator/county-generator';
import { writeCounty } from '@app/seeds/generator/write-county';
import { account, Client, loginAdmin } from './support/api';
import { StartedProcess, startProcess as start } from './support/child-process';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

interface Scan {
  id: string;
  trigger: string;
  status: string;
  schoolsTotal: number;
  schoolsScanned: number;
  schoolsFailed: number;
  flagsOpened: number;
}

async function stop(process: StartedProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill(signal);
  await process.exited;
}

/** A generated county of 120 schools (about 3,000 teachers), written straight to the database. */
async function seedCounty(t: TestApp): Promise<number> {
  const county = generateCounty({
    countyId: '320321',
    countyName: '丰县',
    zone: 'SUBEI',
    schools: 120,
    teachers: 3000,
    today: t.today,
    seed: 320321,
    codePrefix: 'FX',
    shortage: JIANGSU_2024_POLICY.parameters.shortage,
  });
  await t.app.get(TransactionHost).run(() => writeCounty(t.app.get(BulkWriter), county));
  return county.schools.length;
}

/**
 * Shortage scans with separate worker processes on Redis: a county scan consumed by a worker; a
 * worker killed in the middle of a scan and started again, which completes it with no school lost
 * and no flag twice; and the nightly schedule registered by two API processes, which is one
 * schedule and one nightly scan. On the embedded profile the API runs scans itself (no worker).
 */
describe('shortage scans and worker processes', () => {
  if (!process.env.REDIS_URL) {
    it('runs a scan inside the API process on the embedded profile, where no worker is needed', async () => {
      const t = await createTestApp();
      try {
        const admin = await loginAdmin(t);
        const officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
        const schools = await seedCounty(t);
        const started = await officer.post('/shortage-scans', { countyId: '320321' });
        expect(started.status).toBe(202);
        // The sync driver has run every unit of the scan by the time the request answered.
        const scan = (await officer.get(`/shortage-scans/${started.body.scanId}`)).body as Scan;
        expect(scan).toMatchObject({ status: 'DONE', schoolsTotal: schools, schoolsScanned: schools, schoolsFailed: 0 });
      } finally {
        await t.close();
      }
    });
    return;
  }

  let t: TestApp;
  let officer: Client;
  let schools: number;
  const workers: StartedProcess[] = [];

  const scanOf = async (id: string): Promise<Scan> => (await officer.get(`/shortage-scans/${id}`)).body as Scan;
  const duplicates = async (): Promise<unknown[]> =>
    t.app
      .get(TransactionHost)
      .manager.query(
        'SELECT school_id, kind, subject_key, COUNT(*) AS n FROM shortage_flag GROUP BY school_id, kind, subject_key HAVING COUNT(*) > 1',
      );
  const countOf = async (sql: string): Promise<number> => Number((await t.app.get(TransactionHost).manager.query<{ n: unknown }[]>(sql))[0].n);
  const flagCount = () => countOf('SELECT COUNT(*) AS n FROM shortage_flag');

  beforeAll(async () => {
    // One school per unit of work, so that a scan is many jobs; rescans after changes are out of the way.
    t = await createTestApp({ inProcessWorker: false, env: { SHORTAGE_SCAN_BATCH: '1', SHORTAGE_RESCAN_DELAY_MS: '3600000' } });
    officer = await account(t, await loginAdmin(t), { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    schools = await seedCounty(t);
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await stop(worker, 'SIGKILL');
    await t.close();
  });

  it('completes a scan after its worker is killed in the middle of it, with no school lost and no flag twice', async () => {
    // A worker that holds a job for 2 s: after it dies, its unfinished jobs run again that much later.
    const env = { ...t.env, QUEUE_LOCK_MS: '2000' };
    const first = start('apps/worker/src/main.ts', env);
    workers.push(first);
    const started = await officer.post('/shortage-scans', { countyId: '320321' });
    expect(started.status).toBe(202);
    const scanId = started.body.scanId as string;

    let midway: Scan | undefined;
    await eventually(
      async () => {
        midway = await scanOf(scanId);
        expect(midway.schoolsScanned).toBeGreaterThanOrEqual(3);
      },
      60_000,
      20,
    );
    await stop(first, 'SIGKILL');
    const atKill = await scanOf(scanId);
    if (atKill.status === 'DONE')
      throw new Error(`the scan finished before the worker could be killed (${JSON.stringify(atKill)}); worker said:\n${first.output()}`);
    expect(atKill.schoolsScanned).toBeLessThan(schools);

    const second = start('apps/worker/src/main.ts', env);
    workers.push(second);
    await eventually(async () => expect((await scanOf(scanId)).status).toBe('DONE'), 90_000, 250);
    const done = await scanOf(scanId);
    expect(done).toMatchObject({ schoolsTotal: schools, schoolsScanned: schools, schoolsFailed: 0 });
    expect(await duplicates()).toEqual([]);
    // Every flag opened was counted once.
    expect(done.flagsOpened).toBeGreaterThan(0);
    expect(done.flagsOpened).toBe(await flagCount());
    // No school was left out: scanning all of them again finds exactly what the interrupted scan left.
    const again = await officer.post('/shortage-scans', { countyId: '320321' });
    await eventually(async () => expect((await scanOf(again.body.scanId)).status).toBe('DONE'), 90_000, 250);
    expect(await scanOf(again.body.scanId)).toMatchObject({ schoolsScanned: schools, flagsOpened: 0, flagsUpdated: 0, flagsResolved: 0 });
    await stop(second);
  }, 180_000);

  it('registers one nightly schedule however many API processes register it, and files one nightly scan however often it runs', async () => {
    const apis = [0, 1].map(() => start('apps/api/src/main.ts', { ...t.env, PORT: '0', LOG_LEVEL: 'log', SEED_DEMO: 'false' }));
    workers.push(...apis);
    await eventually(() => {
      for (const api of apis) expect(api.output()).toMatch(/Nightly jobs registered/);
    }, 90_000);
    const connection = new Redis(t.env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(JOB_QUEUE_NAME, { connection, prefix: t.env.QUEUE_PREFIX });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual([
        'nightly-headcounts',
        'nightly-rotation-completion',
        'nightly-shortage-scan',
      ]);
    } finally {
      await queue.close();
      connection.disconnect();
    }
    for (const api of apis) await stop(api);

    const worker = start('apps/worker/src/main.ts', { ...t.env, LOG_LEVEL: 'log' });
    workers.push(worker);
    const jobs = t.app.get(JobQueue);
    const nightlyScans = async () =>
      ((await officer.get('/shortage-scans?pageSize=500')).body.items as Scan[]).filter((scan) => scan.trigger === 'NIGHTLY');
    await jobs.enqueue(JobName.NightlyShortageScan, {}, { jobId: 'night-1' });
    await eventually(async () => {
      const nightly = await nightlyScans();
      expect(nightly).toHaveLength(1);
      expect(nightly[0]).toMatchObject({ status: 'DONE', schoolsTotal: schools });
    }, 90_000);
    // The same night's job again (a retry, a second scheduler firing): it finds the night's scan filed and adds none.
    await jobs.enqueue(JobName.NightlyShortageScan, {}, { jobId: 'night-2' });
    await eventually(() => expect(worker.output()).toMatch(/job shortage.nightly-scan night-2 done/), 30_000);
    expect(await nightlyScans()).toHaveLength(1);
    await stop(worker);
  }, 240_000);
});

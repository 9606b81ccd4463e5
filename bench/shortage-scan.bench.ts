/**
 * npm run bench -- shortage-scan [--counties N] [--runs R] [--scans S] [--profiles sqlite,mariadb]
 *   (the first N of Jiangsu's 95 counties, default 95; R timed runs of the floor, default 5; S scans from no
 *   flags per configuration, default 1; profiles default: sqlite, and mariadb when DATABASE_URL and REDIS_URL are set)
 *
 * The queued shortage scan of the whole province through the HTTP API, against a floor measured in the same
 * process on the same database. Per profile, on a throw-away database (a temporary SQLite file; a scratch
 * database on the server of DATABASE_URL, dropped afterwards), N counties are seeded through seed:scale's
 * code path (≈ 74 schools and 5,300 teachers each with their postings and extra subjects; all 95 are ≈ 7,000
 * schools and ≈ 500,000 teachers), then the API is started in this process on it.
 *
 *   FLOOR: bench/support/shortage-floor.ts: every school's required and actual FTE per subject, its
 *     psychology teachers and its PE/arts teachers per 100 pupils on the day, in three set-based SQL
 *     statements for the whole province, the flags decided in JavaScript with the policy's thresholds
 *     (R runs after a warm-up).
 *   QUEUED: as the province administrator, POST /api/v1/shortage-scans {} (every county in scope: the
 *     province) → 202 {scanId}, then GET /api/v1/shortage-scans/:id until DONE; timed from the POST until
 *     DONE is seen (polled every 20–100 ms), with the scan's own startedAt → finishedAt beside it.
 *       mariadb: MariaDB/MySQL + Redis (BullMQ): the API does not consume; 1, then 2 worker processes
 *                (apps/worker/src/main.ts, spawned as in production) run the jobs;
 *       sqlite:  the embedded profile: SQLite file, sync driver, jobs run in the API process.
 *     Each configuration: S scans from no flags (shortage_flag, shortage_scan_batch and shortage_scan
 *     emptied before each), which open every flag, then one more scan of the same facts, which must change
 *     nothing.
 * Printed: times, schools a second, queued ÷ floor per profile and configuration (target ≤ 3×), whether
 * 2 workers beat 1, and how many job attempts the workers logged as failed and retried (and how many of those
 * on a deadlock): a retried attempt waits for its backoff, which the scan's time includes. CROSS-CHECK: after each scan from no flags the OPEN rows of shortage_flag must be the
 * floor's flags exactly (school, kind, subject, severity, required/actual/gap in thousandths), every school
 * scanned, and the second scan must open, update and resolve nothing: mismatches are printed and the
 * benchmark fails.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { Clock, createLogger } from '@app/core';
import { createScratchDatabase, detectServerFlavour, TransactionHost } from '@app/database';
import type { ShortageKind, Subject } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { dropQueueKeys } from '@app/queue';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/configure-app';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { CountyOutcome, SCALE_DEFAULTS, scaleServices, seedCounties } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { FloorFlag, FloorResult, flagMismatches, shortageFloor } from './support/shortage-floor';
import { databaseVersion, ms, n, ratioLine, since, summarize, timed, Timing, timingLine, wholeNumberOptions } from './support/measure';

const TARGET = 3;
const ROOT = join(__dirname, '..');
const API = '/api/v1';
const SCAN_TIMEOUT_MS = 60 * 60 * 1000;
const WORKER_START_TIMEOUT_MS = 120_000;
/** Tables a scan writes, emptied before each scan from no flags (children first). */
const SCAN_TABLES = ['shortage_flag', 'shortage_scan_batch', 'shortage_scan'];

type ProfileName = 'sqlite' | 'mariadb';

interface Options {
  counties: number;
  runs: number;
  scans: number;
  profiles: ProfileName[];
}

/** GET /shortage-scans/:id */
interface ScanView {
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  asOf: string;
  schoolsTotal: number;
  schoolsScanned: number;
  schoolsFailed: number;
  flagsOpened: number;
  flagsUpdated: number;
  flagsResolved: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

interface ScanRun {
  wall: number;
  /** startedAt → finishedAt as the scan reports them. */
  own: number | null;
  view: ScanView;
}

/** One configuration's scans: from no flags (S of them), then a rescan of the same facts. */
interface Configuration {
  label: string;
  fresh: Timing;
  rescan: ScanRun;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: { counties: { type: 'string' }, runs: { type: 'string' }, scans: { type: 'string' }, profiles: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const numbers = wholeNumberOptions(
    (['counties', 'runs', 'scans'] as const).flatMap((name) => (values[name] === undefined ? [] : [`--${name}`, values[name]])),
    { counties: { fallback: 95, min: 1, max: 95 }, runs: { fallback: 5, min: 1, max: 100 }, scans: { fallback: 1, min: 1, max: 20 } },
  );
  const available: ProfileName[] = ['sqlite', ...(process.env.DATABASE_URL && process.env.REDIS_URL ? (['mariadb'] as const) : [])];
  const profiles = values.profiles === undefined ? available : (values.profiles.split(',').map((p) => p.trim()) as ProfileName[]);
  for (const profile of profiles) {
    if (profile !== 'sqlite' && profile !== 'mariadb') throw new Error(`--profiles takes sqlite and mariadb, not "${String(profile)}"`);
    if (profile === 'mariadb' && !(process.env.DATABASE_URL && process.env.REDIS_URL))
      throw new Error('the mariadb profile needs DATABASE_URL (a MariaDB/MySQL server) and REDIS_URL');
  }
  return { ...numbers, profiles: [...new Set(profiles)] };
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Job attempts a worker logged as failed (each is retried with backoff), and how many of them were deadlocks. */
interface Failures {
  failed: number;
  deadlocks: number;
}

/**
 * A worker process (apps/worker/src/main.ts), as production starts it, at the default log level: its
 * lines say when its job handlers are ready and which job attempts failed. The last 20,000 characters
 * are kept for error messages.
 */
class WorkerProcess {
  private output = '';
  private partial = '';
  private isReady = false;
  private readonly failures: Failures = { failed: 0, deadlocks: 0 };
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output = (this.output + text).slice(-20_000);
      const lines = (this.partial + text).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.includes('Job handlers ready')) this.isReady = true;
        if (/\bfailed after \d+ ms\b/.test(line)) {
          this.failures.failed++;
          if (line.includes('Deadlock found')) this.failures.deadlocks++;
        }
      }
    };
    this.child.stdout?.on('data', read);
    this.child.stderr?.on('data', read);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  async ready(): Promise<void> {
    const deadline = Date.now() + WORKER_START_TIMEOUT_MS;
    while (!this.isReady) {
      if (this.child.exitCode !== null) throw new Error(`a worker exited with ${this.child.exitCode}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`a worker was not ready after ${WORKER_START_TIMEOUT_MS / 1000} s:\n${this.output}`);
      await sleep(100);
    }
  }

  get log(): string {
    return this.output;
  }

  get failed(): Failures {
    return { ...this.failures };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}

const NO_FAILURES: Failures = { failed: 0, deadlocks: 0 };

/** What the workers logged as failed during a scan: job attempts that were retried (the scan's time includes the retries). */
function retriedNote(workers: WorkerProcess[], before: Failures): string {
  if (workers.length === 0) return '';
  const { failed, deadlocks } = failuresSince(workers, before);
  return `; ${failed} job attempt${failed === 1 ? '' : 's'} failed and retried (${deadlocks} on a deadlock)`;
}

/** Failed job attempts logged by the workers since `before` (a sum over them taken earlier). */
function failuresSince(workers: WorkerProcess[], before: Failures): Failures {
  const now = workers.reduce((sum, w) => ({ failed: sum.failed + w.failed.failed, deadlocks: sum.deadlocks + w.failed.deadlocks }), {
    failed: 0,
    deadlocks: 0,
  });
  return { failed: now.failed - before.failed, deadlocks: now.deadlocks - before.deadlocks };
}

/** A signed-in client of the API over HTTP. */
class ApiClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  static async signIn(base: string, username: string, password: string): Promise<ApiClient> {
    const response = await fetch(`${base}${API}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { accessToken?: string };
    if (response.status !== 200 || !body.accessToken)
      throw new Error(`signing in as ${username} answered ${response.status}: ${JSON.stringify(body)}`);
    return new ApiClient(base, body.accessToken);
  }

  async call<T>(method: 'GET' | 'POST', path: string, expected: number, body?: object): Promise<T> {
    const response = await fetch(`${this.base}${API}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text.slice(0, 2000)}`);
    return JSON.parse(text) as T;
  }
}

/** One scan of the province: POST, then polls until DONE (FAILED throws). */
async function scanProvince(client: ApiClient, workers: WorkerProcess[]): Promise<ScanRun> {
  const mark = process.hrtime.bigint();
  const { scanId } = await client.call<{ scanId: string }>('POST', '/shortage-scans', 202, {});
  const deadline = Date.now() + SCAN_TIMEOUT_MS;
  let pause = 20;
  for (;;) {
    const view = await client.call<ScanView>('GET', `/shortage-scans/${scanId}`, 200);
    if (view.status === 'DONE') {
      const wall = since(mark);
      const own = view.startedAt && view.finishedAt ? (Date.parse(view.finishedAt) - Date.parse(view.startedAt)) / 1000 : null;
      return { wall, own, view };
    }
    if (view.status === 'FAILED')
      throw new Error(`scan ${scanId} FAILED: ${JSON.stringify(view)}${workers.map((w, i) => `\n--- worker ${i + 1}:\n${w.log}`).join('')}`);
    if (Date.now() > deadline) throw new Error(`scan ${scanId} not done after ${SCAN_TIMEOUT_MS / 60000} min: ${JSON.stringify(view)}`);
    await sleep(pause);
    pause = Math.min(100, pause * 2);
  }
}

/**
 * Waits until no scan is queued or running: the embedded profile files the night's scan when the API
 * starts (it has not run yet on a new database), and the API runs it in the process.
 */
async function settled(tx: TransactionHost): Promise<number> {
  const mark = process.hrtime.bigint();
  const deadline = Date.now() + SCAN_TIMEOUT_MS;
  for (;;) {
    const [row] = await tx.manager.query<{ busy: string | number }[]>(
      `SELECT COUNT(*) AS busy FROM shortage_scan WHERE status IN ('QUEUED', 'RUNNING')`,
    );
    if (Number(row.busy) === 0) return since(mark);
    if (Date.now() > deadline) throw new Error(`scans still running after ${SCAN_TIMEOUT_MS / 60000} min`);
    await sleep(200);
  }
}

async function resetScans(tx: TransactionHost): Promise<void> {
  for (const table of SCAN_TABLES) await tx.manager.query(`DELETE FROM ${table}`);
}

/** The OPEN flags as the scan stored them. */
async function openFlags(tx: TransactionHost): Promise<FloorFlag[]> {
  const rows = await tx.manager.query<Record<string, string | number | null>[]>(
    `SELECT school_id AS schoolId, kind, subject, severity, required_milli AS requiredMilli, actual_milli AS actualMilli, gap_milli AS gapMilli ` +
      `FROM shortage_flag WHERE status = 'OPEN'`,
  );
  return rows.map((r) => ({
    schoolId: String(r.schoolId),
    kind: r.kind as ShortageKind,
    subject: (r.subject ?? null) as Subject | null,
    severity: r.severity as FloorFlag['severity'],
    requiredMilli: Number(r.requiredMilli),
    actualMilli: Number(r.actualMilli),
    gapMilli: Number(r.gapMilli),
  }));
}

const LABEL_WIDTH = 64;
const line = (label: string, t: Timing) => `  ${timingLine(label, t, LABEL_WIDTH)}`;
const perSecond = (schools: number, seconds: number) => `${n(schools / seconds)} schools/s`;

function seedProgress(c: CountyOutcome): void {
  if (c.existingSchools > 0) return;
  if (c.position === 1 || c.position === c.of || c.position % 10 === 0)
    console.log(
      `  seeded [${c.position}/${c.of}] ${c.county.countyId} ${c.county.name}: ${n(c.rows.schools)} schools, ${n(c.rows.teachers)} teachers in ${c.seconds.toFixed(1)} s`,
    );
}

async function seed(config: AppConfig, counties: number): Promise<void> {
  const context = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['fatal'], abortOnError: false });
  try {
    await context.get(ReferenceDataSeeder).seed();
    const outcome = await seedCounties(scaleServices(context), { ...SCALE_DEFAULTS, counties }, seedProgress);
    console.log(
      `  seeding: ${outcome.seeded} counties, ${n(outcome.rows.schools)} schools, ${n(outcome.rows.teachers)} teachers, ${n(outcome.rows.postings)} postings, ` +
        `${n(outcome.rows.extraSubjects)} extra subjects, ${n(outcome.totalRows)} rows in ${outcome.seconds.toFixed(1)} s`,
    );
  } finally {
    await context.close();
  }
}

/** Scans from no flags, `scans` times, each cross-checked against the floor; then a rescan that must change nothing. */
async function configuration(
  label: string,
  tx: TransactionHost,
  client: ApiClient,
  workers: WorkerProcess[],
  floor: FloorResult,
  scans: number,
  problems: string[],
): Promise<Configuration> {
  const runs: ScanRun[] = [];
  for (let i = 0; i < scans; i++) {
    await resetScans(tx);
    const before = failuresSince(workers, NO_FAILURES);
    const run = await scanProvince(client, workers);
    const retried = retriedNote(workers, before);
    runs.push(run);
    const mismatches = flagMismatches(floor.flags, await openFlags(tx));
    const v = run.view;
    console.log(
      `  ${label}, scan ${i + 1} from no flags: ${ms(run.wall)} (scan's own ${run.own === null ? '?' : ms(run.own)}), ${perSecond(v.schoolsScanned, run.wall)}; ` +
        `${n(v.schoolsScanned)} schools, ${n(v.flagsOpened)} opened, ${n(v.flagsUpdated)} updated, ${n(v.flagsResolved)} resolved; ` +
        `cross-check against the floor: ${mismatches.length} mismatches${retried}`,
    );
    problems.push(...mismatches.map((m) => `${label}, scan ${i + 1}: ${m}`));
    if (v.asOf !== floor.day) problems.push(`${label}, scan ${i + 1}: the scan is as of ${v.asOf}, the floor of ${floor.day}`);
    if (v.schoolsScanned !== floor.schools || v.schoolsTotal !== floor.schools || v.schoolsFailed !== 0)
      problems.push(
        `${label}, scan ${i + 1}: ${v.schoolsScanned} of ${v.schoolsTotal} schools scanned, ${v.schoolsFailed} failed (${v.error ?? 'no error'}); the province has ${floor.schools}`,
      );
    if (v.flagsOpened !== floor.flags.length || v.flagsUpdated !== 0 || v.flagsResolved !== 0)
      problems.push(
        `${label}, scan ${i + 1} from no flags: opened ${v.flagsOpened}, updated ${v.flagsUpdated}, resolved ${v.flagsResolved}; the floor finds ${floor.flags.length}`,
      );
  }
  const before = failuresSince(workers, NO_FAILURES);
  const rescan = await scanProvince(client, workers);
  const retried = retriedNote(workers, before);
  const r = rescan.view;
  console.log(
    `  ${label}, rescan of the same facts: ${ms(rescan.wall)} (scan's own ${rescan.own === null ? '?' : ms(rescan.own)}), ${perSecond(r.schoolsScanned, rescan.wall)}; ` +
      `${n(r.flagsOpened)} opened, ${n(r.flagsUpdated)} updated, ${n(r.flagsResolved)} resolved${retried}`,
  );
  if (r.flagsOpened !== 0 || r.flagsUpdated !== 0 || r.flagsResolved !== 0)
    problems.push(`${label}: a rescan of the same facts opened ${r.flagsOpened}, updated ${r.flagsUpdated}, resolved ${r.flagsResolved}`);
  const stillOpen = flagMismatches(floor.flags, await openFlags(tx));
  problems.push(...stillOpen.map((m) => `${label}, after the rescan: ${m}`));
  return { label, fresh: summarize(runs.map((run) => run.wall)), rescan };
}

async function measureProfile(profile: ProfileName, options: Options, problems: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'staffing-bench-scan-'));
  const serverUrl = process.env.DATABASE_URL as string;
  const scratch = profile === 'mariadb' ? await createScratchDatabase(serverUrl, 'scan') : null;
  const env: Record<string, string> = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    ...(process.env.TIMEZONE ? { TIMEZONE: process.env.TIMEZONE } : {}),
    ...(scratch
      ? { DATABASE_URL: scratch.url, REDIS_URL: process.env.REDIS_URL as string, QUEUE_PREFIX: `benchscan${randomBytes(4).toString('hex')}` }
      : { DATA_DIR: dataDir }),
  };
  const config = loadConfig(env, { persistSecret: false });
  const workers: WorkerProcess[] = [];
  let app: INestApplication | null = null;
  try {
    const engine = profile === 'mariadb' ? await detectServerFlavour(serverUrl) : 'sqlite';
    console.log(`${profile === 'mariadb' ? `${engine} + Redis (BullMQ, worker processes)` : 'SQLite + sync driver (jobs in the API process)'}:`);
    await seed(config, options.counties);

    const logger = createLogger(config);
    const starting = process.hrtime.bigint();
    app = await NestFactory.create(AppModule.forRoot(config), { logger });
    configureApp(app, config);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
    const tx = app.get(TransactionHost);
    await settled(tx);
    const [startup] = await tx.manager.query<{ scans: string | number; open: string | number }[]>(
      `SELECT (SELECT COUNT(*) FROM shortage_scan) AS scans, (SELECT COUNT(*) FROM shortage_flag WHERE status = 'OPEN') AS open`,
    );
    console.log(
      `  API started in ${since(starting).toFixed(1)} s` +
        (Number(startup.scans) > 0 ? `, with the night's scan an embedded start files (${n(Number(startup.open))} flags open after it)` : ''),
    );
    const day = app.get(Clock).today();
    const policy = await app.get(PolicyStore).inForce(day);
    console.log(
      `  ${await databaseVersion(tx)}; API on ${base}; day ${day}, policy ${policy.version}; ${config.shortages.batchSize} schools a unit of work` +
        (config.queue.driver === 'bullmq' ? ', 4 jobs at a time per worker process' : ''),
    );

    // The floor, R runs after a warm-up.
    const floor = await shortageFloor(tx, day, policy.parameters.shortage);
    const floorTiming = await timed(options.runs, () => shortageFloor(tx, day, policy.parameters.shortage));
    const byKind = new Map<string, number>();
    for (const f of floor.flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    console.log(
      `  floor: ${n(floor.schools)} schools, ${n(floor.flags.length)} flags (${[...byKind].map(([kind, count]) => `${n(count)} ${kind}`).join(', ')}); ` +
        `${floor.statements} statements returning ${n(floor.rows)} rows, enrolment year ${floor.schoolYear}`,
    );
    console.log(line(`floor (${floor.statements} SQL statements + thresholds in JS), ${options.runs} runs`, floorTiming));
    console.log(`  floor: ${perSecond(floor.schools, floorTiming.median)} (median)`);

    const client = await ApiClient.signIn(base, 'admin', env.ADMIN_PASSWORD);
    const results: Configuration[] = [];
    if (profile === 'mariadb') {
      for (const count of [1, 2]) {
        for (let i = workers.length; i < count; i++) workers.push(new WorkerProcess(env));
        await Promise.all(workers.map((w) => w.ready()));
        results.push(await configuration(`${count} worker${count > 1 ? 's' : ''}`, tx, client, workers, floor, options.scans, problems));
      }
    } else {
      results.push(await configuration('in the API process', tx, client, workers, floor, options.scans, problems));
    }

    for (const c of results) {
      console.log(line(`queued scan, ${c.label}, from no flags (${options.scans} scan${options.scans > 1 ? 's' : ''})`, c.fresh));
      console.log(`  ${ratioLine(`queued (${c.label}) / floor`, c.fresh, floorTiming, TARGET)}`);
      const rescan = { min: c.rescan.wall, median: c.rescan.wall };
      console.log(`  ${ratioLine(`rescan (${c.label}) / floor`, rescan, floorTiming, TARGET)}`);
    }
    if (results.length === 2) {
      const [one, two] = results;
      const speedUp = one.fresh.median / two.fresh.median;
      console.log(
        `  2 workers against 1: ${speedUp.toFixed(3)}× as fast from no flags (medians), ${(one.rescan.wall / two.rescan.wall).toFixed(3)}× on the rescan; ` +
          `target: 2 workers faster: ${speedUp > 1 ? 'met' : 'NOT MET'}`,
      );
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await app?.close();
    await scratch?.drop();
    if (config.queue.driver === 'bullmq') await dropQueueKeys(config.queue.redisUrl, config.queue.prefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  console.log(
    `shortage-scan: ${options.counties} of Jiangsu's 95 counties; profiles ${options.profiles.join(', ')}; ` +
      `floor ${options.runs} runs after a warm-up, ${options.scans} scan(s) from no flags per configuration` +
      (options.profiles.includes('mariadb') ? '' : ' (set DATABASE_URL and REDIS_URL to measure MariaDB + Redis too)'),
  );
  const problems: string[] = [];
  const started = process.hrtime.bigint();
  for (const profile of options.profiles) await measureProfile(profile, options, problems);
  console.log(`total ${since(started).toFixed(0)} s`);
  if (problems.length > 0) {
    for (const problem of problems.slice(0, 30)) console.log(`MISMATCH ${problem}`);
    if (problems.length > 30) console.log(`… and ${problems.length - 30} more`);
    throw new Error(`shortage-scan: ${problems.length} mismatch(es) between the scans and the floor (see above)`);
  }
  console.log('cross-checks: every scan from no flags left exactly the floor’s flags open; every rescan changed nothing');
}

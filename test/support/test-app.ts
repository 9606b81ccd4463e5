import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { AppConfig, loadConfig } from '@app/config';
import { Clock, createLogger } from '@app/core';
import { createScratchDatabase } from '@app/database';
import { dropQueueKeys } from '@app/queue';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { FixedClock } from './fixed-clock';
import { reuseGeneratedDocuments } from './generated-documents';
import { ContractMismatchError, OpenApiContract } from './openapi-contract';
import { copyMysqlSchema, copySqliteSchema } from './schema-template';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
const DEFAULT_TODAY = '2026-09-01';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  today: string;
  /** The worker context, when the suite runs against Redis (jobs then run there, as in production). */
  worker: TestingModule | null;
  /** Environment for another process (such as the worker) to reach the same database and queue. */
  env: Record<string, string>;
  /** Where the app keeps its data: for a later app that restarts on it (`restartOf`). */
  data: { dataDir: string; scratch: { url: string; drop: () => Promise<void> } | null };
  /** Every response through http() is held to the app's OpenAPI document; a mismatch fails the request's await. */
  http(): ReturnType<typeof request>;
  contract: OpenApiContract;
  close(): Promise<void>;
}

export interface TestAppOptions {
  today?: string;
  env?: Record<string, string>;
  /** With BullMQ, run the worker module inside the test process (default true). */
  inProcessWorker?: boolean;
  /** close() leaves the database and data directory behind, for a later app started with `restartOf`. */
  keepData?: boolean;
  /** Start on the database and data directory of an earlier app (closed with `keepData`), as a restarted API does. */
  restartOf?: TestApp;
  /**
   * 'migrate': the app starts on an empty database and applies every migration, as a first start of the service does.
   * By default a new database gets the migrated schema of the run (test/support/schema-template.ts), which the app
   * then finds up to date.
   */
  schema?: 'migrate' | 'copy';
  /** 'always': this app's document is generated afresh instead of read back from an earlier app's of the run. */
  generateDocument?: 'always' | 'reuse';
}

/**
 * The whole API on the profile of the environment: embedded SQLite and the sync queue by default;
 * a fresh database on the MariaDB/MySQL server of DATABASE_URL, and BullMQ with an in-process
 * worker when REDIS_URL is set. Each call gets its own database and queue prefix.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const today = options.today ?? DEFAULT_TODAY;
  const dataDir = options.restartOf?.data.dataDir ?? mkdtempSync(join(tmpdir(), 'staffing-e2e-'));
  const serverUrl = process.env.DATABASE_URL;
  const scratch = options.restartOf ? options.restartOf.data.scratch : serverUrl ? await createScratchDatabase(serverUrl, 'e2e') : null;
  const config = loadConfig({
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    // Sign-ins from the tests' one address slow down after failures; keep the pauses short (a test may ask for more).
    LOGIN_DELAY_MS: '1',
    LOGIN_MAX_DELAY_MS: '10',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: `e2e${randomBytes(4).toString('hex')}` } : {}),
    ...options.env,
  });
  if (!options.restartOf && options.schema !== 'migrate') {
    if (config.database.type === 'sqlite') await copySqliteSchema(config.database.path);
    else if (serverUrl && config.database.url === scratch?.url) await copyMysqlSchema(serverUrl, scratch.url);
  }
  const clock = new FixedClock(today);
  const logger = createLogger(config);

  const apiModule = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(logger)
    .compile();
  const app = apiModule.createNestApplication({ logger });
  reuseGeneratedDocuments(options.generateDocument !== 'always');
  configureApp(app, config);
  await app.init();
  const contract = new OpenApiContract((await request(app.getHttpServer()).get('/docs-json')).body);

  let worker: TestingModule | null = null;
  if (config.queue.driver === 'bullmq' && options.inProcessWorker !== false) {
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .setLogger(logger)
      .compile();
    await worker.init();
  }

  return {
    app,
    config,
    today,
    worker,
    env: {
      JWT_SECRET: config.jwt.secret,
      LOG_LEVEL: 'warn',
      ...(scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: dataDir }),
      ...(config.queue.driver === 'bullmq' ? { REDIS_URL: config.queue.redisUrl, QUEUE_PREFIX: config.queue.prefix } : {}),
    },
    data: { dataDir, scratch },
    http: () => checkedAgainst(contract, request(app.getHttpServer())),
    contract,
    close: async () => {
      reportContractCounts(contract);
      await worker?.close();
      await app.close();
      if (options.keepData) return;
      await scratch?.drop();
      if (config.queue.driver === 'bullmq') await dropQueueKeys(config.queue.redisUrl, config.queue.prefix);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * Wraps a supertest agent so that every request it makes checks its response against the document when awaited:
 * a mismatch rejects the await with the operation, status and problems, failing the test that made the request.
 */
function checkedAgainst(contract: OpenApiContract, agent: ReturnType<typeof request>): ReturnType<typeof request> {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !VERBS.has(property) || typeof value !== 'function') return value;
      return (url: string) => {
        const test = (value as (url: string) => request.Test).call(target, url);
        const then = test.then.bind(test);
        let checked: Promise<request.Response> | undefined;
        test.then = ((onFulfilled, onRejected) => {
          checked ??= then((response: request.Response) => {
            const { problems, operation } = contract.check(property, url, response);
            if (problems.length > 0) throw new ContractMismatchError(operation, response.status, problems, response.body);
            return response;
          });
          return checked.then(onFulfilled, onRejected);
        }) as request.Test['then'];
        return test;
      };
    },
  });
}

/** With OPENAPI_CONTRACT_REPORT=file, appends how many responses this app held to the document (one JSON line per app). */
function reportContractCounts(contract: OpenApiContract): void {
  const file = process.env.OPENAPI_CONTRACT_REPORT;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ spec: expect.getState().testPath ?? '', ...contract.counts })}\n`);
}

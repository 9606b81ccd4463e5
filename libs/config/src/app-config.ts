import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Environment, LogLevel } from './environment';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export type DatabaseConfig = { readonly type: 'sqlite'; readonly path: string } | { readonly type: 'mysql'; readonly url: string };

export type QueueConfig =
  | { readonly driver: 'sync'; readonly prefix: string }
  | {
      readonly driver: 'bullmq';
      readonly redisUrl: string;
      readonly prefix: string;
      /** How long a worker holds a running job; a job whose worker died runs again after it (QUEUE_LOCK_MS). */
      readonly lockMs: number;
    };

/** The validated configuration every part of the service reads (never process.env). */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly port!: number;
  readonly dataDir!: string;
  readonly database!: DatabaseConfig;
  readonly queue!: QueueConfig;
  readonly jwt!: { readonly secret: string; readonly expiresInSeconds: number };
  readonly adminPassword!: string | null;
  readonly logLevel!: LogLevel;
  readonly timezone!: string;
  /**
   * Sign-in limits: failures per username and address (maxAttempts) and per username from
   * anywhere (maxAttemptsPerUsername) within the window lock that username (429); an address
   * with more than maxAttempts failures over any usernames is slowed down (delayMs, doubling,
   * at most maxDelayMs), never locked out.
   */
  readonly login!: {
    readonly maxAttempts: number;
    readonly windowSeconds: number;
    readonly maxAttemptsPerUsername: number;
    readonly delayMs: number;
    readonly maxDelayMs: number;
  };
  /** Express `trust proxy`: whose X-Forwarded-For names the client's address. */
  readonly trustProxy!: TrustProxy;
  readonly seedDemo!: 'auto' | boolean;
  readonly nightlyCron!: string;
  /** The transactional outbox: how often its relay polls for jobs to deliver (it is also woken after each write). */
  readonly outbox!: { readonly pollMs: number };
  /** Shortage scans: the debounce of a school's rescan after a change, schools per unit of work, tries of a failing school. */
  readonly shortages!: { readonly rescanDelayMs: number; readonly batchSize: number; readonly attempts: number };
  /** The web console's build (WEB_DIR; null: the checkout's dist/web). Served at every path outside /api and /docs when it holds index.html. */
  readonly webDir!: string | null;
  /** Registry imports: the largest file (bytes) and the most data rows a sheet may have. */
  readonly imports!: { readonly maxBytes: number; readonly maxRows: number };

  /** The embedded profile: SQLite file and in-process jobs. */
  get embedded(): boolean {
    return this.database.type === 'sqlite';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Working directory that relative paths (DATA_DIR) resolve against. */
  cwd?: string;
  /** Generate and store a JWT secret under DATA_DIR when none is given outside production (default true). */
  persistSecret?: boolean;
  /** Values used for variables the environment does not set (e.g. quieter logs for command-line tools). */
  defaults?: Record<string, string>;
}

/** Validates the environment once and resolves it into an AppConfig; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, options: LoadConfigOptions = {}): AppConfig {
  const raw = plainToInstance(Environment, { ...options.defaults, ...pickKnown(env) });
  const problems = validateSync(raw, { whitelist: true, forbidUnknownValues: true }).flatMap((error) =>
    Object.values(error.constraints ?? { invalid: 'is not valid' }).map((message) => `${error.property}: ${stripProperty(message, error.property)}`),
  );

  const nodeEnv = (raw.NODE_ENV ?? 'development') as AppConfig['env'];
  const timezone = raw.TIMEZONE ?? 'Asia/Shanghai';
  if (!isTimeZone(timezone)) problems.push(`TIMEZONE: ${timezone} is not an IANA time zone`);

  const driver = raw.QUEUE_DRIVER ?? (raw.REDIS_URL ? 'bullmq' : 'sync');
  if (driver === 'bullmq' && !raw.REDIS_URL) problems.push('QUEUE_DRIVER: bullmq needs REDIS_URL');
  if (nodeEnv === 'production' && !raw.JWT_SECRET) problems.push('JWT_SECRET: required when NODE_ENV=production (at least 32 characters)');
  const maxAttempts = raw.LOGIN_MAX_ATTEMPTS ?? 10;
  const maxAttemptsPerUsername = raw.LOGIN_MAX_ATTEMPTS_PER_USERNAME ?? 5 * maxAttempts;
  if (raw.LOGIN_MAX_ATTEMPTS_PER_USERNAME !== undefined && maxAttemptsPerUsername < maxAttempts) {
    problems.push(`LOGIN_MAX_ATTEMPTS_PER_USERNAME: must be at least LOGIN_MAX_ATTEMPTS (${maxAttempts})`);
  }
  const delayMs = raw.LOGIN_DELAY_MS ?? 250;
  const maxDelayMs = raw.LOGIN_MAX_DELAY_MS ?? Math.max(4000, delayMs);
  if (maxDelayMs < delayMs) problems.push(`LOGIN_MAX_DELAY_MS: must be at least LOGIN_DELAY_MS (${delayMs})`);
  const trustProxy = parseTrustProxy(raw.TRUST_PROXY ?? 'false');
  if ('problem' in trustProxy) problems.push(`TRUST_PROXY: ${trustProxy.problem}`);
  if (problems.length > 0) throw new ConfigError(problems);

  const cwd = options.cwd ?? process.cwd();
  const dataDir = raw.DATA_DIR ? (isAbsolute(raw.DATA_DIR) ? raw.DATA_DIR : resolve(cwd, raw.DATA_DIR)) : resolve(cwd, 'data');
  const prefix = raw.QUEUE_PREFIX ?? 'staffing';

  return Object.assign(new AppConfig(), {
    env: nodeEnv,
    port: raw.PORT ?? 3000,
    dataDir,
    database: raw.DATABASE_URL ? { type: 'mysql', url: raw.DATABASE_URL } : { type: 'sqlite', path: join(dataDir, 'staffing.sqlite') },
    queue:
      driver === 'bullmq' ? { driver, redisUrl: raw.REDIS_URL as string, prefix, lockMs: raw.QUEUE_LOCK_MS ?? 30_000 } : { driver: 'sync', prefix },
    jwt: {
      secret: raw.JWT_SECRET ?? (options.persistSecret === false ? randomBytes(48).toString('base64url') : storedSecret(dataDir)),
      expiresInSeconds: raw.JWT_EXPIRES_IN ?? 8 * 3600,
    },
    adminPassword: raw.ADMIN_PASSWORD ?? null,
    logLevel: (raw.LOG_LEVEL ?? 'log') as LogLevel,
    timezone,
    login: { maxAttempts, windowSeconds: raw.LOGIN_WINDOW_SECONDS ?? 300, maxAttemptsPerUsername, delayMs, maxDelayMs },
    trustProxy: 'value' in trustProxy ? trustProxy.value : false,
    seedDemo: raw.SEED_DEMO === undefined || raw.SEED_DEMO === 'auto' ? 'auto' : raw.SEED_DEMO === 'true',
    nightlyCron: raw.NIGHTLY_CRON ?? '30 2 * * *',
    outbox: { pollMs: raw.OUTBOX_POLL_MS ?? 1000 },
    shortages: {
      rescanDelayMs: raw.SHORTAGE_RESCAN_DELAY_MS ?? 60_000,
      batchSize: raw.SHORTAGE_SCAN_BATCH ?? 50,
      attempts: raw.SHORTAGE_SCAN_ATTEMPTS ?? 3,
    },
    webDir: raw.WEB_DIR ? (isAbsolute(raw.WEB_DIR) ? raw.WEB_DIR : resolve(cwd, raw.WEB_DIR)) : null,
    imports: { maxBytes: raw.IMPORT_MAX_BYTES ?? 20 * 1024 * 1024, maxRows: raw.IMPORT_MAX_ROWS ?? 100_000 },
  } satisfies Omit<AppConfig, 'embedded'>);
}

function pickKnown(env: Record<string, string | undefined>): Record<string, string> {
  const names = [
    'NODE_ENV',
    'PORT',
    'DATABASE_URL',
    'REDIS_URL',
    'QUEUE_DRIVER',
    'QUEUE_PREFIX',
    'JWT_SECRET',
    'JWT_EXPIRES_IN',
    'ADMIN_PASSWORD',
    'LOG_LEVEL',
    'DATA_DIR',
    'TIMEZONE',
    'LOGIN_MAX_ATTEMPTS',
    'LOGIN_WINDOW_SECONDS',
    'LOGIN_MAX_ATTEMPTS_PER_USERNAME',
    'LOGIN_DELAY_MS',
    'LOGIN_MAX_DELAY_MS',
    'TRUST_PROXY',
    'SEED_DEMO',
    'NIGHTLY_CRON',
    'OUTBOX_POLL_MS',
    'SHORTAGE_RESCAN_DELAY_MS',
    'SHORTAGE_SCAN_BATCH',
    'SHORTAGE_SCAN_ATTEMPTS',
    'QUEUE_LOCK_MS',
    'WEB_DIR',
    'IMPORT_MAX_BYTES',
    'IMPORT_MAX_ROWS',
  ];
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The embedded profile keeps a generated signing secret beside its database, created on first start. */
function storedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** For entry points: the validated configuration, or the problems printed and the process ended with status 1. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env, options: LoadConfigOptions = {}): AppConfig {
  try {
    return loadConfig(env, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

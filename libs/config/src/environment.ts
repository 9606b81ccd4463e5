import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The environment variables the service reads, as validated at boot. Nothing else reads process.env. */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** mysql://user:pass@host:3306/db (MySQL 8 / MariaDB 10.11). Absent = embedded SQLite file. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^(mysql|mariadb):\/\/[^\s/]+\/[A-Za-z0-9_$-]+(\?.*)?$/, { message: 'must be mysql://user:password@host:port/database' })
  DATABASE_URL?: string;

  /** redis://host:6379[/db]. Absent = the in-process `sync` queue driver. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be redis://host:port' })
  REDIS_URL?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['bullmq', 'sync'])
  QUEUE_DRIVER?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1–40 letters, digits, dashes or underscores' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_EXPIRES_IN?: number;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  DATA_DIR?: string;

  /** The web console's build directory (default: dist/web of the checkout); without its index.html the API serves the API only. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  WEB_DIR?: string;

  /** IANA zone whose calendar decides "today" (the bureaus work on Beijing time). */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  TIMEZONE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(10000)
  LOGIN_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1)
  @Max(86400)
  LOGIN_WINDOW_SECONDS?: number;

  /** Failed sign-ins for one username from all addresses in the window before it is locked everywhere (default 5 × LOGIN_MAX_ATTEMPTS). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100000)
  LOGIN_MAX_ATTEMPTS_PER_USERNAME?: number;

  /** Delay of the first sign-in slowed down for an address with many failures; it doubles per further failure. 0 = no slowdown. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0)
  @Max(60000)
  LOGIN_DELAY_MS?: number;

  /** The longest delay of a slowed-down sign-in. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0)
  @Max(60000)
  LOGIN_MAX_DELAY_MS?: number;

  /** Express `trust proxy`: false (default), true, a hop count, or the proxies' addresses/subnets, comma-separated. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** `auto` (default): load the demo county when the embedded database is empty. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['auto', 'true', 'false'])
  SEED_DEMO?: string;

  /** How often (ms) the outbox relay looks for jobs to hand to the queue, besides being woken after each write. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  @Max(60_000)
  OUTBOX_POLL_MS?: number;

  /** How long (ms) after a change to a school's postings, enrolment or classification its shortages are scanned again; changes meanwhile join that one rescan. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0)
  @Max(3_600_000)
  SHORTAGE_RESCAN_DELAY_MS?: number;

  /** Schools per unit of work of a shortage scan (each is one job and one transaction). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(1000)
  SHORTAGE_SCAN_BATCH?: number;

  /** Tries of a school whose scan fails before the scan is marked FAILED (the other schools still finish). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(10)
  SHORTAGE_SCAN_ATTEMPTS?: number;

  /** The largest file a registry import accepts, in bytes (multipart or body). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024)
  @Max(200 * 1024 * 1024)
  IMPORT_MAX_BYTES?: number;

  /** The most data rows a registry import reads from its sheet. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  IMPORT_MAX_ROWS?: number;

  /** How long (ms) a worker holds a running job before another worker may take it over (a worker that died: its jobs run again after this). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000)
  @Max(600_000)
  QUEUE_LOCK_MS?: number;

  /** Cron pattern of the nightly jobs, in TIMEZONE. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a 5-field cron pattern' })
  NIGHTLY_CRON?: string;
}

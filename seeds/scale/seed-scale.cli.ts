/**
 * npm run seed:scale -- [--counties N] [--schools-per-county 74] [--teachers-per-county 5300] [--seed 1] [--training-records 0]
 *
 * Province-scale synthetic data for benchmarks: the first N of Jiangsu's 95 counties (all by
 * default: ~7,000 schools, ~500,000 teachers), one county per transaction. Counties that already
 * have schools are skipped, so an interrupted run can simply be started again.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { createLogger } from '@app/core';
import { ReferenceDataSeeder } from '../reference-data.seeder';
import { SeedModule } from '../seed.module';
import { CountyOutcome, Phases, SCALE_DEFAULTS, ScaleOptions, scaleServices, seedCounties } from './seed-counties';

class UsageError extends Error {}

const USAGE = 'usage: npm run seed:scale -- [--counties 1-95] [--schools-per-county N] [--teachers-per-county N] [--seed N] [--training-records N]';

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"\n${USAGE}`);
  return n;
}

function parseScaleArgs(argv: string[]): ScaleOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        counties: { type: 'string' },
        'schools-per-county': { type: 'string' },
        'teachers-per-county': { type: 'string' },
        seed: { type: 'string' },
        'training-records': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  return {
    counties: integer('counties', values.counties, SCALE_DEFAULTS.counties, 1, 95),
    // School codes have four digits, which keeps staff numbers (code + serial) unique.
    schoolsPerCounty: integer('schools-per-county', values['schools-per-county'], SCALE_DEFAULTS.schoolsPerCounty, 1, 9999),
    teachersPerCounty: integer('teachers-per-county', values['teachers-per-county'], SCALE_DEFAULTS.teachersPerCounty, 1, 1_000_000),
    seed: integer('seed', values.seed, SCALE_DEFAULTS.seed, 0, 2 ** 31 - 1),
    trainingRecordsPerTeacher: integer('training-records', values['training-records'], SCALE_DEFAULTS.trainingRecordsPerTeacher, 0, 100),
  };
}

function describeDatabase(config: AppConfig): string {
  if (config.database.type === 'sqlite') return `SQLite ${config.database.path}`;
  const url = new URL(config.database.url);
  return `MySQL/MariaDB ${url.host}${url.pathname}`;
}

const n = (value: number) => value.toLocaleString('en-US');
const s = (value: number) => value.toFixed(value < 10 ? 2 : 1);

function phases(p: Phases): string {
  return `generate ${s(p.generate)} s, write ${s(p.write)} s, headcounts ${s(p.headcounts)} s, commit ${s(p.commit)} s`;
}

function progress(c: CountyOutcome): string {
  const head = `[${c.position}/${c.of}] ${c.county.countyId} ${c.county.name}`;
  if (c.existingSchools > 0) return `${head}: has ${n(c.existingSchools)} schools already, skipped`;
  return (
    `${head}: ${n(c.rows.schools)} schools, ${n(c.rows.teachers)} teachers, ${n(c.rows.postings)} postings; ` +
    `${n(c.totalRows)} rows in ${s(c.seconds)} s (${phases(c.phases)})`
  );
}

async function main(): Promise<void> {
  const options = parseScaleArgs(process.argv.slice(2));
  // Quiet framework logs unless LOG_LEVEL asks for them: the tool prints its own progress.
  const config = loadConfig(undefined, { persistSecret: false, defaults: { LOG_LEVEL: 'fatal' } });
  const logger = createLogger(config);
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger, abortOnError: false });
  try {
    await app.get(ReferenceDataSeeder).seed();
    console.log(
      `Seeding ${options.counties} of Jiangsu's 95 counties into ${describeDatabase(config)}: ` +
        `${n(options.schoolsPerCounty)} schools and ${n(options.teachersPerCounty)} teachers a county, seed ${options.seed}`,
    );
    const outcome = await seedCounties(scaleServices(app), options, (county) => console.log(progress(county)));
    const rate = outcome.seconds > 0 ? outcome.totalRows / outcome.seconds : 0;
    console.log(
      `Done, as of ${outcome.today}: ${outcome.seeded} ${outcome.seeded === 1 ? 'county' : 'counties'} seeded, ${outcome.skipped} skipped; ` +
        `${n(outcome.rows.schools)} schools, ${n(outcome.rows.teachers)} teachers, ${n(outcome.rows.postings)} postings; ` +
        `${n(outcome.totalRows)} rows in ${s(outcome.seconds)} s = ${n(Math.round(rate))} rows/s ` +
        `(${phases(outcome.phases)})`,
    );
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

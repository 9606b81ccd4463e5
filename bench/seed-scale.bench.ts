/**
 * npm run bench -- seed-scale [--counties N]   (N of Jiangsu's counties, default 2)
 *
 * Seeds N counties through the code path of `seed:scale` (generate, write each county in one
 * transaction, recount headcounts) into a throw-away database: SQLite always, and MySQL/MariaDB
 * too when DATABASE_URL names a server (a scratch database on it, dropped afterwards). As a
 * baseline, in the same process and database, it inserts as many rows with a plain BulkWriter
 * into one posting-shaped table with a primary key only (no secondary index, no foreign key), in
 * as many transactions. The ratio generator/baseline is the share of raw insert speed that the
 * generator path keeps.
 */
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { newId } from '@app/core';
import { BulkRow, BulkWriter, TransactionHost } from '@app/database';
import { JIANGSU_2024_POLICY } from '@app/domain';
import { generateCounty } from '../seeds/generator/county-generator';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { countySpec, SCALE_DEFAULTS, scaleCounties, ScaleOptions, ScaleOutcome, scaleServices, seedCounties } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { onThrowAwayDatabases } from './support/databases';
import { n, since, wholeNumberOptions } from './support/measure';

const BASELINE_TABLE = 'bench_plain_insert';

interface Measured {
  label: string;
  generator: ScaleOutcome;
  baselineRows: number;
  baselineSeconds: number;
}

const s = (value: number) => value.toFixed(2);

function parseCounties(args: string[]): number {
  return wholeNumberOptions(args, { counties: { fallback: 2, min: 1, max: 95 } }).counties;
}

function createBaselineTable(tx: TransactionHost): Promise<unknown> {
  return tx.manager.query(
    tx.dialect === 'mysql'
      ? `CREATE TABLE \`${BASELINE_TABLE}\` (\`id\` varchar(36) NOT NULL, \`teacher_id\` varchar(36) NOT NULL, \`school_id\` varchar(36) NOT NULL, ` +
          `\`start_date\` date NOT NULL, \`end_date\` date NULL, \`kind\` varchar(12) NOT NULL, \`fraction_milli\` int NOT NULL, ` +
          `\`version\` int NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`
      : `CREATE TABLE "${BASELINE_TABLE}" ("id" varchar(36) PRIMARY KEY NOT NULL, "teacher_id" varchar(36) NOT NULL, "school_id" varchar(36) NOT NULL, ` +
          `"start_date" date NOT NULL, "end_date" date, "kind" varchar(12) NOT NULL, "fraction_milli" integer NOT NULL, ` +
          `"version" integer NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)`,
  );
}

/** Posting-shaped rows with time-ordered UUIDs, like the generator's. */
function baselineRows(count: number, now: Date): BulkRow[] {
  const schools = Array.from({ length: 74 }, () => newId());
  return Array.from({ length: count }, (_, i) => ({
    id: newId(),
    teacher_id: newId(),
    school_id: schools[i % schools.length],
    start_date: `20${String(10 + (i % 16)).padStart(2, '0')}-09-01`,
    end_date: i % 3 === 0 ? `20${String(11 + (i % 15)).padStart(2, '0')}-08-31` : null,
    kind: 'REGULAR',
    fraction_milli: 1000,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
}

/** Inserts `total` rows in `transactions` transactions; only the inserts and commits are timed. */
async function baseline(app: INestApplicationContext, total: number, transactions: number): Promise<number> {
  const tx = app.get(TransactionHost);
  const writer = app.get(BulkWriter);
  await createBaselineTable(tx);
  const perTransaction = Math.ceil(total / transactions);
  let elapsed = 0;
  for (let done = 0; done < total; done += perTransaction) {
    const rows = baselineRows(Math.min(perTransaction, total - done), new Date());
    const started = process.hrtime.bigint();
    await tx.run(() => writer.insert(BASELINE_TABLE, rows));
    elapsed += since(started);
  }
  await tx.manager.query(`DROP TABLE ${tx.dialect === 'mysql' ? `\`${BASELINE_TABLE}\`` : `"${BASELINE_TABLE}"`}`);
  return elapsed;
}

async function measure(label: string, env: Record<string, string>, options: ScaleOptions): Promise<Measured> {
  const config = loadConfig({ LOG_LEVEL: 'fatal', ...env }, { persistSecret: false });
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['fatal'], abortOnError: false });
  try {
    await app.get(ReferenceDataSeeder).seed();
    const generator = await seedCounties(scaleServices(app), options);
    const baselineSeconds = await baseline(app, generator.totalRows, Math.max(1, generator.seeded));
    return { label, generator, baselineRows: generator.totalRows, baselineSeconds };
  } finally {
    await app.close();
  }
}

function report(m: Measured): void {
  const g = m.generator;
  const generatorRate = g.totalRows / g.seconds;
  const baselineRate = m.baselineRows / m.baselineSeconds;
  const pad = m.label.padEnd(8);
  console.log(
    `${pad} generator path: ${n(g.totalRows)} rows in ${s(g.seconds)} s = ${n(generatorRate)} rows/s ` +
      `(generate ${s(g.phases.generate)} s, write ${s(g.phases.write)} s, headcounts ${s(g.phases.headcounts)} s, commit ${s(g.phases.commit)} s; ` +
      `${n(g.rows.schools)} schools, ${n(g.rows.teachers)} teachers, ${n(g.rows.postings)} postings)`,
  );
  console.log(
    `${pad} baseline:       ${n(m.baselineRows)} rows in ${s(m.baselineSeconds)} s = ${n(baselineRate)} rows/s ` +
      `(plain BulkWriter into one posting-shaped table, primary key only, ${Math.max(1, g.seeded)} transactions)`,
  );
  console.log(`${pad} generator/baseline: ${(generatorRate / baselineRate).toFixed(2)}`);
}

export async function run(args: string[]): Promise<void> {
  const options: ScaleOptions = { ...SCALE_DEFAULTS, counties: parseCounties(args) };
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    `seed-scale: ${options.counties} counties, ${n(options.schoolsPerCounty)} schools and ${n(options.teachersPerCounty)} teachers each, seed ${options.seed}` +
      (serverUrl ? '' : ' (SQLite only: set DATABASE_URL to measure MySQL/MariaDB too)'),
  );

  // Warm the generator up (JIT) so that the first database measured is not charged for it.
  generateCounty(
    countySpec(
      scaleCounties(1)[0],
      { ...options, schoolsPerCounty: 10, teachersPerCounty: 1000, seed: 0 },
      '2026-01-01',
      JIANGSU_2024_POLICY.parameters,
    ),
  );

  await onThrowAwayDatabases(async (label, env) => report(await measure(label, env, options)));
}

import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/core';
import { BulkWriter, SchoolEntity, SchoolRepository, TransactionHost } from '@app/database';
import type { PolicyParameters, Zone } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { CountySpec, GeneratedCounty, generateCounty } from '../generator/county-generator';
import { writeCounty } from '../generator/write-county';
import { jiangsuDivisions } from '../reference/divisions';

/** Province-scale synthetic data: ~74 schools and ~5,300 teachers per county, so all 95 counties give ~7,000 schools and ~500,000 teachers. */
export interface ScaleOptions {
  /** The first N of Jiangsu's 95 counties, in division-code order. */
  counties: number;
  schoolsPerCounty: number;
  teachersPerCounty: number;
  seed: number;
  /** Approved training records per teacher in the current cycle (0: none). */
  trainingRecordsPerTeacher: number;
}

export const SCALE_DEFAULTS: ScaleOptions = { counties: 95, schoolsPerCounty: 74, teachersPerCounty: 5300, seed: 1, trainingRecordsPerTeacher: 0 };

const TABLES = ['schools', 'classifications', 'enrolments', 'grades', 'teachers', 'extraSubjects', 'postings', 'trainingRecords'] as const;
type TableKey = (typeof TABLES)[number];

export interface ScaleCounty {
  countyId: string;
  name: string;
  cityId: string;
  zone: Zone;
}

export interface CountyOutcome {
  /** 1-based position among the counties asked for. */
  position: number;
  of: number;
  county: ScaleCounty;
  /** Schools the county had already; the county is skipped when there are any. */
  existingSchools: number;
  rows: Record<TableKey, number>;
  totalRows: number;
  phases: Phases;
  seconds: number;
}

/** Seconds spent generating rows, inserting them, recounting headcounts and committing. */
export interface Phases {
  generate: number;
  write: number;
  headcounts: number;
  commit: number;
}

export interface ScaleOutcome {
  today: string;
  counties: CountyOutcome[];
  seeded: number;
  skipped: number;
  totalRows: number;
  rows: Record<TableKey, number>;
  phases: Phases;
  seconds: number;
}

export interface ScaleServices {
  tx: TransactionHost;
  writer: BulkWriter;
  schools: SchoolRepository;
  clock: Clock;
  policy: PolicyStore;
}

export function scaleServices(app: INestApplicationContext): ScaleServices {
  return {
    tx: app.get(TransactionHost),
    writer: app.get(BulkWriter),
    schools: app.get(SchoolRepository),
    clock: app.get(Clock),
    policy: app.get(PolicyStore),
  };
}

/** The first `count` of the 95 counties, each with its city's zone. */
export function scaleCounties(count: number): ScaleCounty[] {
  const divisions = jiangsuDivisions();
  const zoneOf = new Map(divisions.cities.map((c) => [c.id, c.zone]));
  return divisions.counties.slice(0, count).map((c) => ({ countyId: c.id, name: c.name, cityId: c.cityId, zone: zoneOf.get(c.cityId) as Zone }));
}

/** The generator seed of one county for a run seed: different per county and per run seed, the same on every run. */
export function countySeed(countyId: string, seed: number): number {
  let x = (Math.imul(Number(countyId), 0x9e3779b1) ^ Math.imul(seed + 0x632be5ab, 0x85ebca6b)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  return x >>> 0;
}

/** A county's generator spec; its schools are staffed against the policy's curriculum, its training records follow the policy's training rules. */
export function countySpec(
  county: ScaleCounty,
  options: ScaleOptions,
  today: string,
  policy: Pick<PolicyParameters, 'shortage' | 'training'>,
): CountySpec {
  return {
    shortage: policy.shortage,
    training:
      options.trainingRecordsPerTeacher > 0
        ? { policy: policy.training, mode: 'bulk', recordsPerTeacher: options.trainingRecordsPerTeacher }
        : undefined,
    countyId: county.countyId,
    countyName: county.name,
    zone: county.zone,
    schools: options.schoolsPerCounty,
    teachers: options.teachersPerCounty,
    today,
    seed: countySeed(county.countyId, options.seed),
    codePrefix: `C${county.countyId}-`,
  };
}

function countRows(county: GeneratedCounty): Record<TableKey, number> {
  return Object.fromEntries(TABLES.map((table) => [table, county[table].length])) as Record<TableKey, number>;
}

const zeroPhases = (): Phases => ({ generate: 0, write: 0, headcounts: 0, commit: 0 });
const zeroRows = (): Record<TableKey, number> => Object.fromEntries(TABLES.map((table) => [table, 0])) as Record<TableKey, number>;
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/**
 * Runs `work` in the current transaction with MySQL/MariaDB's foreign-key checks off for this
 * session, restoring the previous setting afterwards (the connection goes back to the pool).
 * With random UUID keys every check of a posting's teacher is a random read of the teacher
 * table, which, once the province outgrows the buffer pool, is a disk read: the checks cost a
 * fifth of the write time. Safe for generated counties only: every reference they hold points at
 * a row of the same county written before it (tested in county-generator.spec.ts) or at the
 * county itself, which the reference data holds. Unique checks stay on: they guard staff numbers
 * and school codes against rows that other paths may have written.
 */
export async function withoutForeignKeyChecks<T>(tx: TransactionHost, work: () => Promise<T>): Promise<T> {
  if (tx.dialect !== 'mysql' || !tx.inTransaction) return work();
  const [row] = await tx.manager.query<{ checks: number | string }[]>('SELECT @@SESSION.foreign_key_checks AS checks');
  const previous = Number(row?.checks ?? 1) ? 1 : 0;
  await tx.manager.query('SET SESSION foreign_key_checks = 0');
  try {
    return await work();
  } finally {
    await tx.manager.query(`SET SESSION foreign_key_checks = ${previous}`);
  }
}

/**
 * Generates and writes the counties one at a time (memory stays at one county), each in its own
 * transaction together with the recount of its schools' cached headcounts, so a county is either
 * all there or not at all. Counties that already have schools are skipped, so re-runs resume.
 */
export async function seedCounties(
  services: ScaleServices,
  options: ScaleOptions,
  onCounty?: (outcome: CountyOutcome) => void,
): Promise<ScaleOutcome> {
  const { tx, writer, schools, clock } = services;
  const today = clock.today();
  const parameters = (await services.policy.inForce(today)).parameters;
  const started = process.hrtime.bigint();
  const counties = scaleCounties(options.counties);
  const outcome: ScaleOutcome = {
    today,
    counties: [],
    seeded: 0,
    skipped: 0,
    totalRows: 0,
    rows: zeroRows(),
    phases: zeroPhases(),
    seconds: 0,
  };

  for (const [index, county] of counties.entries()) {
    const countyStarted = process.hrtime.bigint();
    const existingSchools = await tx.manager.count(SchoolEntity, { where: { countyId: county.countyId } });
    const result: CountyOutcome = {
      position: index + 1,
      of: counties.length,
      county,
      existingSchools,
      rows: zeroRows(),
      totalRows: 0,
      phases: zeroPhases(),
      seconds: 0,
    };
    if (existingSchools > 0) {
      outcome.skipped++;
    } else {
      const phases = result.phases;
      let mark = process.hrtime.bigint();
      // Written now: ids from now on, so that each county's rows are appended after those already there.
      const generated = generateCounty({ ...countySpec(county, options, today, parameters), writtenAt: new Date() });
      phases.generate = seconds(mark);
      result.rows = countRows(generated);
      result.totalRows = TABLES.reduce((sum, table) => sum + result.rows[table], 0);
      await tx.run(async () => {
        mark = process.hrtime.bigint();
        await withoutForeignKeyChecks(tx, () => writeCounty(writer, generated));
        phases.write = seconds(mark);
        mark = process.hrtime.bigint();
        await schools.recomputeHeadcounts(today, county.countyId);
        phases.headcounts = seconds(mark);
        mark = process.hrtime.bigint();
      });
      phases.commit = seconds(mark);
      outcome.seeded++;
      outcome.totalRows += result.totalRows;
      for (const table of TABLES) outcome.rows[table] += result.rows[table];
      for (const phase of Object.keys(phases) as (keyof Phases)[]) outcome.phases[phase] += phases[phase];
    }
    result.seconds = seconds(countyStarted);
    outcome.counties.push(result);
    onCounty?.(result);
  }
  outcome.seconds = seconds(started);
  return outcome;
}

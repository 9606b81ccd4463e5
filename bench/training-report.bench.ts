/**
 * npm run bench -- training-report [--counties N] [--runs R]   (the first N of Jiangsu's 95 counties, default 95; R runs, default 5)
 *
 * The training reports at province scale, on the database of the environment: DATABASE_URL
 * (MySQL/MariaDB) or else the SQLite file under DATA_DIR (default ./data — point DATA_DIR at a
 * scratch directory: all 95 counties are ~500,000 teachers and ~10 M training records, several GB).
 * Counties missing from it are seeded first through seed:scale's code path, with 20 approved
 * training records per teacher in the current cycle; counties already there are reused, so a
 * second run measures at once.
 *
 * Measured in one process, each R times after one warm-up (min and median):
 *   (a) CountyTrainingReportUseCase for the first county, as the province administrator, current cycle, 50 a page;
 *   (c) its baseline: one hand-written statement of what the report must read: every teacher of that
 *       county with their approved and pending hours in the cycle (teacher LEFT JOIN training_record
 *       GROUP BY teacher) UNION ALL the county's hours and entries by category and status;
 *   (b) TrainingCompletionUseCase for the whole province;
 *   (d) its baseline: one hand-written aggregate query of the teachers owing hours and the teachers
 *       who reached their pro-rated requirement, per county, written independently of the repository.
 * Target (the issue): (a)/(c) and (b)/(d) within 1.5×. The baselines double as cross-checks of the
 * use cases' figures (and so does a second, untimed comparison at half the requirement, since at
 * the full 360 h no teacher with 20 records reaches it): any disagreement is printed and the
 * benchmark fails.
 */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { Clock } from '@app/core';
import { TrainingRepository, TransactionHost } from '@app/database';
import { Actor, cycleOf, expectedHoursToDate, minDate, requiredHours, scopeOf, TrainingCycle, TrainingPolicy } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { CountyTrainingReport, CountyTrainingReportUseCase, TrainingCompletion, TrainingCompletionUseCase, TrainingModule } from '@app/training';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { CountyOutcome, SCALE_DEFAULTS, ScaleCounty, scaleCounties, scaleServices, seedCounties } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { databaseVersion, n, ratioLine as ratio, Timing, timedPair, timingLine as line, wholeNumberOptions } from './support/measure';

const RECORDS_PER_TEACHER = 20;
const TARGET = 1.5;
const ACTOR: Actor = { userId: 'bench', username: 'bench', role: 'PROVINCE_ADMIN' };
const PAGE = { page: 1, pageSize: 50 };

/** The seeding context plus the training use cases. */
@Module({})
class TrainingBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: TrainingBenchModule, imports: [SeedModule.forRoot(config), TrainingModule] };
  }
}

interface Options {
  counties: number;
  runs: number;
}

/** Approved and pending hours of one teacher, as the baseline (c) reads them. */
interface TeacherHoursRow {
  teacherId: string;
  staffNo: string;
  name: string;
  hireDate: string;
  approved: number;
  pending: number;
}

interface CountyFigures {
  owing: number;
  complete: number;
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

function parseOptions(args: string[]): Options {
  return wholeNumberOptions(args, { counties: { fallback: 95, min: 1, max: 95 }, runs: { fallback: 5, min: 1, max: 1000 } });
}

/**
 * (c): every teacher of the county hired by the cycle's end, with approved and pending hours of
 * records starting in the cycle, then (kind 'C') the county's hours and entries of the cycle by
 * category and status: one statement.
 */
function countyReadSql(): string {
  return (
    `SELECT 'T' AS kind, t.id AS teacherId, t.staff_no AS staffNo, t.name AS name, t.hire_date AS hireDate, ` +
    `COALESCE(SUM(CASE WHEN r.status = 'APPROVED' THEN r.hours ELSE 0 END), 0) AS approved, ` +
    `COALESCE(SUM(CASE WHEN r.status = 'SUBMITTED' THEN r.hours ELSE 0 END), 0) AS pending, ` +
    `NULL AS category, NULL AS status, NULL AS records ` +
    `FROM teacher t LEFT JOIN training_record r ON r.teacher_id = t.id AND r.start_date BETWEEN ? AND ? ` +
    `WHERE t.county_id = ? AND t.hire_date <= ? ` +
    `GROUP BY t.id, t.staff_no, t.name, t.hire_date ` +
    `UNION ALL ` +
    `SELECT 'C', NULL, NULL, NULL, NULL, SUM(c.hours), NULL, c.category, c.status, COUNT(*) ` +
    `FROM training_record c WHERE c.county_id = ? AND c.start_date BETWEEN ? AND ? GROUP BY c.category, c.status`
  );
}

/** What (c) reads: the teachers' rows and the category rows. */
interface CountyRead {
  teachers: TeacherHoursRow[];
  categories: { category: string; status: string; hours: number; records: number }[];
}

/**
 * (d): per county, the teachers hired by the cycle's end (they all owe hours) and those whose
 * approved hours reach `units per cycle × days employed ÷ days in cycle` rounded up to a step.
 * Written as a DBA might, independently of the repository: teachers joined to their approved
 * records and grouped by teacher (the teacher's other columns through MIN(), which keeps the
 * grouping on the primary key alone and the SQL standard), then counted by county. No integer
 * division: approved hours are whole steps (the ledger takes nothing else), and for a whole
 * number u, u ≥ ⌈x⌉ ⇔ u ≥ x, so the test is
 * `approved × steps per hour × days in cycle ≥ units per cycle × days employed`.
 * The days employed in the cycle are counted with each dialect's own date functions.
 */
function completionSql(dialect: 'mysql' | 'sqlite'): string {
  const employedDays =
    dialect === 'mysql' ? `(DATEDIFF(?, GREATEST(t.hire_date, ?)) + 1)` : `(CAST(julianday(?) - julianday(MAX(t.hire_date, ?)) AS INTEGER) + 1)`;
  return (
    `WITH per_teacher AS (` +
    `SELECT MIN(t.county_id) AS county_id, MIN(${employedDays}) AS employed_days, COALESCE(SUM(r.hours), 0) AS approved ` +
    `FROM teacher t LEFT JOIN training_record r ON r.teacher_id = t.id AND r.status = 'APPROVED' AND r.start_date BETWEEN ? AND ? ` +
    `WHERE t.hire_date <= ? GROUP BY t.id) ` +
    `SELECT county_id AS countyId, COUNT(*) AS owing, ` +
    `SUM(CASE WHEN approved * ? * ? >= ? * employed_days THEN 1 ELSE 0 END) AS complete ` +
    `FROM per_teacher GROUP BY county_id ORDER BY county_id`
  );
}

function completionParams(cycle: TrainingCycle, unitsPerCycle: number, unitsPerHour: number): unknown[] {
  return [cycle.end, cycle.start, cycle.start, cycle.end, cycle.end, unitsPerHour, cycle.days, unitsPerCycle];
}

async function describeDatabase(config: AppConfig, tx: TransactionHost): Promise<string> {
  if (config.database.type === 'sqlite') return `${await databaseVersion(tx)}, ${config.database.path}`;
  const url = new URL(config.database.url);
  return `${await databaseVersion(tx)}, ${url.host}${url.pathname}`;
}

async function count(tx: TransactionHost, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await tx.manager.query<{ count: unknown }[]>(sql, params);
  return num(row?.count);
}

function progress(c: CountyOutcome): void {
  if (c.existingSchools > 0) return;
  console.log(
    `  seeded [${c.position}/${c.of}] ${c.county.countyId} ${c.county.name}: ${n(c.rows.teachers)} teachers, ` +
      `${n(c.rows.trainingRecords)} training records, ${n(c.totalRows)} rows in ${c.seconds.toFixed(1)} s`,
  );
}

/**
 * Seeds the missing counties. Fails first when one that is there has no training records: it was
 * seeded without them, and seeding never touches a county that has schools.
 */
async function seed(app: INestApplicationContext, tx: TransactionHost, counties: ScaleCounty[]): Promise<void> {
  await app.get(ReferenceDataSeeder).seed();
  const present = async (table: string, countyId: string) =>
    (await tx.manager.query<unknown[]>(`SELECT 1 AS present FROM ${table} WHERE county_id = ? LIMIT 1`, [countyId])).length > 0;
  const bare: ScaleCounty[] = [];
  for (const county of counties)
    if ((await present('school', county.countyId)) && !(await present('training_record', county.countyId))) bare.push(county);
  if (bare.length > 0) {
    const names = bare
      .slice(0, 5)
      .map((c) => `${c.countyId} ${c.name}`)
      .join(', ');
    throw new Error(
      `${bare.length} of the ${counties.length} counties (${names}${bare.length > 5 ? ', …' : ''}) ${bare.length === 1 ? 'is' : 'are'} in the database ` +
        `without training records (seeded earlier without them, e.g. by seed:scale without --training-records), and seeding skips counties ` +
        `that exist: run this benchmark on a fresh database (an empty DATA_DIR, or a new database in DATABASE_URL).`,
    );
  }
  const outcome = await seedCounties(
    scaleServices(app),
    { ...SCALE_DEFAULTS, counties: counties.length, trainingRecordsPerTeacher: RECORDS_PER_TEACHER },
    progress,
  );
  console.log(
    `seeding: ${outcome.seeded} ${outcome.seeded === 1 ? 'county' : 'counties'} seeded, ${outcome.skipped} already there; ` +
      `${n(outcome.totalRows)} rows (${n(outcome.rows.teachers)} teachers, ${n(outcome.rows.trainingRecords)} training records) ` +
      `in ${outcome.seconds.toFixed(1)} s`,
  );
}

/** What the report says about its teachers, recomputed with the domain's rules from the baseline's rows. */
function figuresFromRows(rows: TeacherHoursRow[], cycle: TrainingCycle, asOf: string, policy: TrainingPolicy): CountyFigures & { behind: number } {
  let owing = 0;
  let complete = 0;
  let behind = 0;
  for (const row of rows) {
    const required = requiredHours(cycle, row.hireDate, policy);
    if (required <= 0) continue;
    owing++;
    if (row.approved >= required) complete++;
    else if (row.approved < expectedHoursToDate(cycle, row.hireDate, asOf, policy)) behind++;
  }
  return { owing, complete, behind };
}

function byCounty(rows: { countyId: string; owing: unknown; complete: unknown }[]): Map<string, CountyFigures> {
  return new Map(rows.map((r) => [r.countyId, { owing: num(r.owing), complete: num(r.complete) }]));
}

/** Differences between two per-county tables of figures, as printable lines. */
function compareCounties(leftName: string, left: Map<string, CountyFigures>, rightName: string, right: Map<string, CountyFigures>): string[] {
  const problems: string[] = [];
  for (const countyId of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const l = left.get(countyId) ?? { owing: 0, complete: 0 };
    const r = right.get(countyId) ?? { owing: 0, complete: 0 };
    if (l.owing !== r.owing || l.complete !== r.complete)
      problems.push(`county ${countyId}: ${leftName} ${l.complete}/${l.owing} complete/owing, ${rightName} ${r.complete}/${r.owing}`);
  }
  return problems;
}

const ratioLine = (label: string, measured: Timing, baseline: Timing) => ratio(label, measured, baseline, TARGET);
const timingLine = (label: string, t: Timing) => line(label, t, 62);

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' }, { persistSecret: false });
  const app = await NestFactory.createApplicationContext(TrainingBenchModule.forRoot(config), { logger: ['fatal'], abortOnError: false });
  const problems: string[] = [];
  try {
    const tx = app.get(TransactionHost);
    console.log(`training-report: ${options.counties} of Jiangsu's 95 counties, ${options.runs} runs after 1 warm-up`);
    console.log(`database: ${await describeDatabase(config, tx)}`);
    if (config.database.type === 'sqlite' && !process.env.DATA_DIR)
      console.log(`note: DATA_DIR is not set, so this seeds ./data, the default database: set DATA_DIR to a scratch directory`);

    const counties = scaleCounties(options.counties);
    await seed(app, tx, counties);

    const today = app.get(Clock).today();
    const policy = await app.get(PolicyStore).inForce(today);
    const training = policy.parameters.training;
    const cycle = cycleOf(today, training);
    const asOf = minDate(today, cycle.end);
    const unitsPerHour = 1 / training.hourStep;
    const unitsPerCycle = Math.round(training.hoursPerCycle / training.hourStep);
    const county = counties[0];

    const teachers = await count(tx, 'SELECT COUNT(*) AS count FROM teacher');
    const records = await count(tx, 'SELECT COUNT(*) AS count FROM training_record');
    const countyTeachers = await count(tx, 'SELECT COUNT(*) AS count FROM teacher WHERE county_id = ?', [county.countyId]);
    const countyRecords = await count(tx, 'SELECT COUNT(*) AS count FROM training_record WHERE county_id = ?', [county.countyId]);
    console.log(
      `rows (whole database): ${n(teachers)} teachers, ${n(records)} training records (${(records / Math.max(1, teachers)).toFixed(1)} a teacher)`,
    );
    console.log(
      `cycle ${cycle.start} – ${cycle.end}, as of ${asOf}; policy ${policy.version}; ` +
        `report county ${county.countyId} ${county.name}: ${n(countyTeachers)} teachers, ${n(countyRecords)} training records`,
    );

    // (a) and (c): the county report and what it must read.
    const reportUseCase = app.get(CountyTrainingReportUseCase);
    const report = () => reportUseCase.execute({ actor: ACTOR, countyId: county.countyId, cycle: cycle.startYear, page: PAGE });
    const readCounty = async (): Promise<CountyRead> => {
      const rows = await tx.manager.query<Record<string, unknown>[]>(countyReadSql(), [
        cycle.start,
        cycle.end,
        county.countyId,
        cycle.end,
        county.countyId,
        cycle.start,
        cycle.end,
      ]);
      const read: CountyRead = { teachers: [], categories: [] };
      for (const r of rows)
        if (r.kind === 'T')
          read.teachers.push({
            teacherId: String(r.teacherId),
            staffNo: String(r.staffNo),
            name: String(r.name),
            hireDate: String(r.hireDate),
            approved: num(r.approved),
            pending: num(r.pending),
          });
        else read.categories.push({ category: String(r.category), status: String(r.status), hours: num(r.approved), records: num(r.records) });
      return read;
    };
    const countyPair = await timedPair<CountyTrainingReport, CountyRead>(options.runs, report, readCounty);
    console.log(timingLine(`(a) county report (CountyTrainingReportUseCase, ${PAGE.pageSize} a page)`, countyPair.a));
    console.log(timingLine(`(c) baseline: 1 SQL statement, teacher and category hours`, countyPair.b));
    console.log(ratioLine('(a)/(c)', countyPair.a, countyPair.b));

    // (b) and (d): the province's completion rate by county.
    const completionUseCase = app.get(TrainingCompletionUseCase);
    const completion = () => completionUseCase.execute({ actor: ACTOR, cycle: cycle.startYear });
    const completionBy = async (units: number) =>
      byCounty(
        await tx.manager.query<{ countyId: string; owing: unknown; complete: unknown }[]>(
          completionSql(tx.dialect),
          completionParams(cycle, units, unitsPerHour),
        ),
      );
    const provincePair = await timedPair<TrainingCompletion, Map<string, CountyFigures>>(options.runs, completion, () => completionBy(unitsPerCycle));
    console.log(timingLine(`(b) province completion (TrainingCompletionUseCase)`, provincePair.a));
    console.log(timingLine(`(d) baseline: 1 aggregate SQL query, completion per county`, provincePair.b));
    console.log(ratioLine('(b)/(d)', provincePair.a, provincePair.b));

    // Cross-checks.
    const shown: CountyTrainingReport = countyPair.resultA;
    const recomputed = figuresFromRows(countyPair.resultB.teachers, cycle, asOf, training);
    const province = provincePair.resultA;
    const fromUseCase = new Map(
      province.counties.filter((c) => c.teachersOwing > 0).map((c) => [c.countyId, { owing: c.teachersOwing, complete: c.teachersComplete }]),
    );
    const fromBaseline = provincePair.resultB;
    const baselineCounty = fromBaseline.get(county.countyId) ?? { owing: 0, complete: 0 };
    console.log(
      `figures: county ${county.countyId}: ${n(shown.teachersOwing)} owing, ${n(shown.teachersComplete)} complete (rate ${shown.completionRate}), ` +
        `${n(shown.teachersBehind)} behind pace; province: ${n(province.total.teachersOwing)} owing, ${n(province.total.teachersComplete)} complete ` +
        `(rate ${province.total.completionRate}) in ${fromUseCase.size} counties`,
    );
    if (shown.teachersOwing !== recomputed.owing || shown.teachersComplete !== recomputed.complete || shown.teachersBehind !== recomputed.behind)
      problems.push(
        `county report says ${shown.teachersOwing} owing, ${shown.teachersComplete} complete, ${shown.teachersBehind} behind; ` +
          `the domain's rules over the baseline's rows (c) give ${recomputed.owing}, ${recomputed.complete}, ${recomputed.behind}`,
      );
    if (shown.teachersOwing !== baselineCounty.owing || shown.teachersComplete !== baselineCounty.complete)
      problems.push(
        `county report says ${shown.teachersComplete}/${shown.teachersOwing} complete/owing; the baseline (d) gives ${baselineCounty.complete}/${baselineCounty.owing}`,
      );
    for (const shownCategory of shown.hoursByCategory) {
      const of = (status: string) => countyPair.resultB.categories.find((c) => c.category === shownCategory.category && c.status === status);
      const expected = {
        approvedHours: of('APPROVED')?.hours ?? 0,
        pendingHours: of('SUBMITTED')?.hours ?? 0,
        records: countyPair.resultB.categories.filter((c) => c.category === shownCategory.category).reduce((sum, c) => sum + c.records, 0),
      };
      if (
        shownCategory.approvedHours !== expected.approvedHours ||
        shownCategory.pendingHours !== expected.pendingHours ||
        shownCategory.records !== expected.records
      )
        problems.push(
          `category ${shownCategory.category}: the report says ${JSON.stringify({ ...shownCategory, category: undefined })}, the baseline (c) ${JSON.stringify(expected)}`,
        );
    }
    problems.push(...compareCounties('TrainingCompletionUseCase', fromUseCase, 'baseline (d)', fromBaseline));

    // At 360 h nobody with 20 records of 2–16 h is complete, so "complete" is also compared at half the requirement, untimed.
    const halfUnits = Math.round(unitsPerCycle / 2);
    const halfPolicy: TrainingPolicy = { ...training, hoursPerCycle: halfUnits * training.hourStep };
    const scope = scopeOf(ACTOR);
    const repositoryHalf = new Map(
      (
        await app.get(TrainingRepository).completionByCounty(scope, {
          cycleStart: cycle.start,
          cycleEnd: cycle.end,
          cycleDays: cycle.days,
          unitsPerCycle: halfUnits,
          unitsPerHour,
        })
      ).map((r) => [r.countyId, { owing: r.owing, complete: r.complete }]),
    );
    const baselineHalf = await completionBy(halfUnits);
    const domainHalf = figuresFromRows(countyPair.resultB.teachers, cycle, asOf, halfPolicy);
    const repositoryHalfCounty = repositoryHalf.get(county.countyId) ?? { owing: 0, complete: 0 };
    const halfOwing = [...baselineHalf.values()].reduce((sum, c) => sum + c.owing, 0);
    const halfComplete = [...baselineHalf.values()].reduce((sum, c) => sum + c.complete, 0);
    console.log(
      `check at ${halfPolicy.hoursPerCycle} h a cycle (untimed): province ${n(halfComplete)} of ${n(halfOwing)} complete by the baseline (d); ` +
        `county ${county.countyId}: ${n(domainHalf.complete)} by the domain's rules over (c)`,
    );
    problems.push(...compareCounties(`repository at ${halfPolicy.hoursPerCycle} h`, repositoryHalf, 'baseline (d)', baselineHalf));
    if (domainHalf.complete !== repositoryHalfCounty.complete || domainHalf.owing !== repositoryHalfCounty.owing)
      problems.push(
        `at ${halfPolicy.hoursPerCycle} h, county ${county.countyId}: the repository gives ${repositoryHalfCounty.complete}/${repositoryHalfCounty.owing} complete/owing, ` +
          `the domain's rules over (c) ${domainHalf.complete}/${domainHalf.owing}`,
      );

    if (problems.length === 0) console.log('cross-checks: the use cases and the hand-written queries agree');
    else {
      console.log(`MISMATCH: the use cases and the hand-written queries disagree (${problems.length}):`);
      for (const problem of problems.slice(0, 20)) console.log(`  MISMATCH ${problem}`);
      if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
    }
  } finally {
    await app.close();
  }
  if (problems.length > 0) throw new Error(`training-report: ${problems.length} mismatch(es) between the use cases and the baselines (see above)`);
}

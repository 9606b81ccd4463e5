/**
 * npm run bench -- staffing-report [--counties N] [--runs R]   (the first N of Jiangsu's 95 counties, default 95; R runs, default 5)
 *
 * The staffing reports at province scale, on the database of the environment: DATABASE_URL (MySQL/MariaDB) or else
 * the SQLite file under DATA_DIR (default ./data — point DATA_DIR at a scratch directory: all 95 counties are
 * ~7,000 schools with their enrolment and ~500,000 teachers). Counties missing from it are seeded first through
 * seed:scale's code path; each seeded county without a quota pool for the current school year gets one, as the demo's
 * (seeds/generator/quota-pool.ts: headcounts rounded up plus spare posts, the school with the most staff overstaffed).
 * The first county is scanned for shortages (once), so that its open flags are counted. Counties already there are
 * reused, so a second run measures at once.
 *
 * Measured in one process, each R times after one warm-up (min and median):
 *   (a) StaffingRollupUseCase for the whole province, as the administrator: every school's standard quota by the
 *       domain's rule, allocation, on-quota headcount, vacancy and open flags, summed per county;
 *   (b) its baseline: one hand-written aggregate SQL statement computing the same per county in the database: the
 *       enrolment of the year used summed by band, the location in force, the standard quota in whole-number
 *       arithmetic (the policy's ratios as fractions, the class ratio of small schools, the boarding add-on), the
 *       allocations, the fraction-weighted on-quota headcount, the open flags, and the schools over and under;
 *   (c) CountyStaffingReportUseCase for the first county;
 *   (d) its baseline: the same statement for that county, one row per school.
 * Target (the issue): (a)/(b) and (c)/(d) within 1.5×. The baselines double as cross-checks of the use cases'
 * figures, county by county and school by school: any disagreement is printed and the benchmark fails.
 */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { Clock } from '@app/core';
import { BulkWriter, sqlDialect, TransactionHost } from '@app/database';
import { Actor, GRADE_BANDS, GRADES, bandOfGrade, QuotaPolicy, schoolYearOf } from '@app/domain';
import type { GradeBand } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { ReadShortageScansUseCase, RequestShortageScanUseCase } from '@app/shortages';
import { CountyStaffingReport, CountyStaffingReportUseCase, StaffingModule, StaffingRollup, StaffingRollupUseCase } from '@app/staffing';
import { generatePool, poolRows } from '../seeds/generator/quota-pool';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { CountyOutcome, SCALE_DEFAULTS, ScaleCounty, scaleCounties, scaleServices, seedCounties } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { databaseVersion, n, ratioLine as ratio, since, Timing, timedPair, timingLine as line, wholeNumberOptions } from './support/measure';

const TARGET = 1.5;
const ACTOR: Actor = { userId: 'bench', username: 'bench', role: 'PROVINCE_ADMIN' };

/** The seeding context plus the staffing use cases. */
@Module({})
class StaffingBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: StaffingBenchModule, imports: [SeedModule.forRoot(config), StaffingModule] };
  }
}

interface Options {
  counties: number;
  runs: number;
}

/** The figures compared, per county (b) or per school (d); headcounts and vacancies in thousandths. */
interface Figures {
  schools: number;
  students: number;
  standardQuota: number;
  allocatedQuota: number;
  headcountMilli: number;
  vacancyMilli: number;
  openFlags: number;
  over: number;
  under: number;
  atQuota: number;
  withoutAllocation: number;
  withoutEnrolment: number;
  approvedTotal: number | null;
}

const FIELDS: readonly (keyof Figures)[] = [
  'schools',
  'students',
  'standardQuota',
  'allocatedQuota',
  'headcountMilli',
  'vacancyMilli',
  'openFlags',
  'over',
  'under',
  'atQuota',
  'withoutAllocation',
  'withoutEnrolment',
  'approvedTotal',
];

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const nullable = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function parseOptions(args: string[]): Options {
  return wholeNumberOptions(args, { counties: { fallback: 95, min: 1, max: 95 }, runs: { fallback: 5, min: 1, max: 1000 } });
}

/** A decimal as a fraction of whole numbers: 13.5 → [27, 2], 19 → [19, 1] (the policy's numbers have a few decimals at most). */
function fraction(value: number): [bigint, bigint] {
  let denominator = 1n;
  let scaled = value;
  while (!Number.isInteger(scaled)) {
    scaled = Number((scaled * 10).toFixed(10));
    denominator *= 10n;
  }
  const numerator = BigInt(scaled);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const common = gcd(numerator, denominator);
  return [numerator / common, denominator / common];
}

const quoted = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/**
 * The baseline statement, written as a DBA might, independently of the repository and of libs/domain: for each school
 * the enrolment of the latest school year up to the quota year summed by band, the location in force on the day, the
 * allocation, the headcount and the open flags; its standard quota in whole numbers (x ÷ (a/b) = x·b/a, every band
 * brought to one denominator, rounded up with integer division); then, for the province, sums per county, else (one
 * county, each derived table filtered to its schools) one row per school. Returns the statement and its parameters.
 */
function baselineStatement(
  dialect: 'mysql' | 'sqlite',
  policy: QuotaPolicy,
  day: string,
  year: number,
  countyId: string | null,
): { sql: string; params: unknown[] } {
  const d = sqlDialect(dialect);
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return '?';
  };
  // Restricts a derived table to the county's schools (nothing for the province).
  const ofCounty = (schoolIdColumn: string) =>
    countyId === null ? '' : ` AND ${schoolIdColumn} IN (SELECT sc.id FROM school sc WHERE sc.county_id = ${bind(countyId)})`;
  const grades = (band: GradeBand) => GRADES.filter((g) => bandOfGrade(g) === band).join(', ');
  const [pa, pb] = fraction(policy.studentsPerStaff.primary);
  const [ja, jb] = fraction(policy.studentsPerStaff.junior);
  const [sa, sb] = fraction(policy.studentsPerStaff.senior);
  const [cpa, cpb] = fraction(policy.smallSchool.teachersPerClass.primary);
  const [cja, cjb] = fraction(policy.smallSchool.teachersPerClass.junior);
  // Students: Σ s·b/a over the bands = (Σ s·b·(A/a)) / A with A = pa·ja·sa.
  const A = pa * ja * sa;
  const studentUnits = `(e.p_students * ${pb * (A / pa)} + e.j_students * ${jb * (A / ja)} + e.s_students * ${sb * (A / sa)})`;
  // Classes: Σ c·t over primary and junior (t = x/y) plus the senior band by its student ratio, over C = cpb·cjb·sa.
  const C = cpb * cjb * sa;
  const classUnits = `(e.p_classes * ${cpa * (C / cpb)} + e.j_classes * ${cja * (C / cjb)} + e.s_students * ${sb * (C / sa)})`;
  const ceilDiv = (units: string, by: bigint) => d.intDiv(`${units} + ${by - 1n}`, String(by));
  const byStudents = ceilDiv(studentUnits, A);
  const byClasses = ceilDiv(classUnits, C);
  const students = '(e.p_students + e.j_students + e.s_students)';
  const locations = policy.smallSchool.locations;
  const small =
    `(s.stage IN (${quoted(policy.smallSchool.stages.length > 0 ? policy.smallSchool.stages : ['-'])})` +
    (locations.length > 0 ? ` OR (loc.location IN (${quoted(locations)}) AND ${students} < ${policy.smallSchool.maxStudents}))` : ')');
  const [ba, bb] = fraction(policy.boarding.boardersPerStaff);
  const boarding = policy.boarding.enabled ? ceilDiv(`e.boarders * ${bb}`, ba) : '0';
  const standard = `(CASE WHEN ${small} THEN ${d.greatest(byStudents, byClasses)} ELSE ${byStudents} END + ${boarding})`;
  const bandSum = (band: GradeBand, column: 'students' | 'classes') =>
    `COALESCE(SUM(CASE WHEN g.grade IN (${grades(band)}) THEN g.${column} END), 0)`;

  const location =
    `SELECT c.school_id, c.location FROM school_classification c WHERE c.location IS NOT NULL AND c.effective_from = ` +
    `(SELECT MAX(c2.effective_from) FROM school_classification c2 WHERE c2.school_id = c.school_id AND c2.location IS NOT NULL ` +
    `AND c2.effective_from <= ${bind(day)})${ofCounty('c.school_id')}`;
  const enrolment =
    `SELECT en.school_id, en.boarders, ` +
    `${bandSum('primary', 'students')} AS p_students, ${bandSum('primary', 'classes')} AS p_classes, ` +
    `${bandSum('junior', 'students')} AS j_students, ${bandSum('junior', 'classes')} AS j_classes, ` +
    `${bandSum('senior', 'students')} AS s_students, ${bandSum('senior', 'classes')} AS s_classes ` +
    `FROM school_enrolment en LEFT JOIN enrolment_grade g ON g.enrolment_id = en.id ` +
    `WHERE en.school_year = (SELECT MAX(e2.school_year) FROM school_enrolment e2 WHERE e2.school_id = en.school_id AND e2.school_year <= ${bind(year)})` +
    `${ofCounty('en.school_id')} GROUP BY en.id, en.school_id, en.boarders`;
  const allocationYear = bind(year);
  const headcount =
    `SELECT p.school_id, SUM(p.fraction_milli) AS milli FROM posting p INNER JOIN teacher t ON t.id = p.teacher_id ` +
    `WHERE t.on_quota = 1 AND p.start_date <= ${bind(day)} AND (p.end_date IS NULL OR p.end_date >= ${bind(day)})${ofCounty('p.school_id')} GROUP BY p.school_id`;
  const openFlags =
    `SELECT fl.school_id, COUNT(*) AS flags FROM shortage_flag fl WHERE fl.status = 'OPEN'` +
    `${countyId === null ? '' : ` AND fl.county_id = ${bind(countyId)}`} GROUP BY fl.school_id`;
  const perSchool =
    `SELECT s.id AS school_id, s.code AS code, s.county_id AS county_id, ` +
    `CASE WHEN e.school_id IS NULL THEN NULL ELSE ${students} END AS students, ` +
    `CASE WHEN e.school_id IS NULL THEN NULL ELSE ${standard} END AS standard_quota, ` +
    `a.allocated AS allocated, COALESCE(h.milli, 0) AS headcount_milli, COALESCE(f.flags, 0) AS open_flags ` +
    `FROM school s LEFT JOIN (${location}) loc ON loc.school_id = s.id LEFT JOIN (${enrolment}) e ON e.school_id = s.id ` +
    `LEFT JOIN school_quota_allocation a ON a.school_id = s.id AND a.year = ${allocationYear} ` +
    `LEFT JOIN (${headcount}) h ON h.school_id = s.id LEFT JOIN (${openFlags}) f ON f.school_id = s.id`;
  if (countyId !== null) return { sql: `${perSchool} WHERE s.county_id = ${bind(countyId)} ORDER BY s.code`, params };
  const vacancy = 'x.allocated * 1000 - x.headcount_milli';
  const sql =
    `WITH x AS (${perSchool}) ` +
    `SELECT x.county_id AS countyId, COUNT(*) AS schools, COALESCE(SUM(x.students), 0) AS students, ` +
    `COALESCE(SUM(x.standard_quota), 0) AS standardQuota, COALESCE(SUM(x.allocated), 0) AS allocatedQuota, ` +
    `SUM(x.headcount_milli) AS headcountMilli, COALESCE(SUM(${vacancy}), 0) AS vacancyMilli, SUM(x.open_flags) AS openFlags, ` +
    `SUM(CASE WHEN ${vacancy} < 0 THEN 1 ELSE 0 END) AS overs, SUM(CASE WHEN ${vacancy} > 0 THEN 1 ELSE 0 END) AS unders, ` +
    `SUM(CASE WHEN ${vacancy} = 0 THEN 1 ELSE 0 END) AS atQuota, SUM(CASE WHEN x.allocated IS NULL THEN 1 ELSE 0 END) AS withoutAllocation, ` +
    `SUM(CASE WHEN x.standard_quota IS NULL THEN 1 ELSE 0 END) AS withoutEnrolment, MIN(q.approved_total) AS approvedTotal ` +
    `FROM x LEFT JOIN county_quota q ON q.county_id = x.county_id AND q.year = ${bind(year)} GROUP BY x.county_id ORDER BY x.county_id`;
  return { sql, params };
}

function countyFigures(row: Record<string, unknown>): Figures {
  return {
    schools: num(row.schools),
    students: num(row.students),
    standardQuota: num(row.standardQuota),
    allocatedQuota: num(row.allocatedQuota),
    headcountMilli: num(row.headcountMilli),
    vacancyMilli: num(row.vacancyMilli),
    openFlags: num(row.openFlags),
    over: num(row.overs),
    under: num(row.unders),
    atQuota: num(row.atQuota),
    withoutAllocation: num(row.withoutAllocation),
    withoutEnrolment: num(row.withoutEnrolment),
    approvedTotal: nullable(row.approvedTotal),
  };
}

/** The per-county figures the roll-up shows (counties without schools left out, as the baseline has no row for them). */
function rollupFigures(rollup: StaffingRollup): Map<string, Figures> {
  return new Map(
    rollup.counties
      .filter((c) => c.schools > 0)
      .map((c) => [
        c.countyId,
        {
          schools: c.schools,
          students: c.students,
          standardQuota: c.standardQuota,
          allocatedQuota: c.allocatedQuota,
          headcountMilli: Math.round(c.onQuotaHeadcount * 1000),
          vacancyMilli: Math.round(c.vacancy * 1000),
          openFlags: c.openShortageFlags,
          over: c.over,
          under: c.under,
          atQuota: c.atQuota,
          withoutAllocation: c.withoutAllocation,
          withoutEnrolment: c.withoutEnrolment,
          approvedTotal: c.approvedTotal,
        },
      ]),
  );
}

/** One school's figures as the county report (c) and the baseline (d) give them. */
interface SchoolFigures {
  code: string;
  standardQuota: number | null;
  allocated: number | null;
  headcountMilli: number;
  openFlags: number;
}

function compareFigures(label: string, left: Figures, right: Figures): string[] {
  const differing = FIELDS.filter((field) => left[field] !== right[field]);
  return differing.length === 0 ? [] : [`${label}: ${differing.map((f) => `${f} ${left[f]} (use case) vs ${right[f]} (baseline)`).join(', ')}`];
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
    `  seeded [${c.position}/${c.of}] ${c.county.countyId} ${c.county.name}: ${n(c.rows.schools)} schools, ${n(c.rows.teachers)} teachers, ` +
      `${n(c.totalRows)} rows in ${c.seconds.toFixed(1)} s`,
  );
}

/** Seeds the missing counties, then gives each county without a pool for the year one (from the cached headcounts of its schools). */
async function seed(app: INestApplicationContext, tx: TransactionHost, counties: ScaleCounty[], year: number): Promise<void> {
  await app.get(ReferenceDataSeeder).seed();
  const outcome = await seedCounties(scaleServices(app), { ...SCALE_DEFAULTS, counties: counties.length }, progress);
  console.log(
    `seeding: ${outcome.seeded} ${outcome.seeded === 1 ? 'county' : 'counties'} seeded, ${outcome.skipped} already there; ` +
      `${n(outcome.totalRows)} rows in ${outcome.seconds.toFixed(1)} s`,
  );
  const writer = app.get(BulkWriter);
  let pools = 0;
  for (const county of counties) {
    if ((await count(tx, 'SELECT COUNT(*) AS count FROM county_quota WHERE county_id = ? AND year = ?', [county.countyId, year])) > 0) continue;
    const schools = await tx.manager.query<{ schoolId: string; code: string; headcountMilli: unknown }[]>(
      'SELECT id AS schoolId, code, headcount_milli AS headcountMilli FROM school WHERE county_id = ?',
      [county.countyId],
    );
    const pool = generatePool(schools.map((s) => ({ schoolId: s.schoolId, code: s.code, headcountMilli: num(s.headcountMilli) })));
    const rows = poolRows(county.countyId, year, pool, new Date());
    await tx.run(async () => {
      await writer.insert('county_quota', rows.countyQuota);
      await writer.insert('school_quota_allocation', rows.allocations);
      await writer.insert('quota_change', rows.changes);
    });
    pools++;
  }
  if (pools > 0) console.log(`quota pools: ${pools} ${pools === 1 ? 'county' : 'counties'} given one for ${year}`);

  // The first county scanned for shortages, so that the reports count open flags there (a scan of the whole province is left out: it takes long).
  const first = counties[0].countyId;
  if ((await count(tx, "SELECT COUNT(*) AS count FROM shortage_flag WHERE county_id = ? AND status = 'OPEN'", [first])) > 0) return;
  const started = process.hrtime.bigint();
  const { scanId } = await app.get(RequestShortageScanUseCase).execute({ actor: ACTOR, countyId: first });
  for (;;) {
    const scan = await app.get(ReadShortageScansUseCase).get({ actor: ACTOR, id: scanId });
    if (scan.status === 'DONE' || scan.status === 'FAILED') {
      console.log(`shortage scan of ${first}: ${scan.status}, ${n(scan.flagsOpened)} flags opened in ${since(started).toFixed(1)} s`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ratioLine = (label: string, measured: Timing, baseline: Timing) => ratio(label, measured, baseline, TARGET);
const timingLine = (label: string, t: Timing) => line(label, t, 62);

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' }, { persistSecret: false });
  const app = await NestFactory.createApplicationContext(StaffingBenchModule.forRoot(config), { logger: ['fatal'], abortOnError: false });
  const problems: string[] = [];
  try {
    const tx = app.get(TransactionHost);
    console.log(`staffing-report: ${options.counties} of Jiangsu's 95 counties, ${options.runs} runs after 1 warm-up`);
    console.log(`database: ${await describeDatabase(config, tx)}`);
    if (config.database.type === 'sqlite' && !process.env.DATA_DIR)
      console.log(`note: DATA_DIR is not set, so this seeds ./data, the default database: set DATA_DIR to a scratch directory`);

    const today = app.get(Clock).today();
    const year = schoolYearOf(today);
    const counties = scaleCounties(options.counties);
    await seed(app, tx, counties, year);
    const policy = await app.get(PolicyStore).inForce(today);
    const quota = policy.parameters.quota;
    const county = counties[0];

    const schools = await count(tx, 'SELECT COUNT(*) AS count FROM school');
    const teachers = await count(tx, 'SELECT COUNT(*) AS count FROM teacher');
    const postings = await count(tx, 'SELECT COUNT(*) AS count FROM posting');
    const enrolled = await count(tx, 'SELECT COUNT(DISTINCT school_id) AS count FROM school_enrolment');
    const flags = await count(tx, "SELECT COUNT(*) AS count FROM shortage_flag WHERE status = 'OPEN'");
    const countySchools = await count(tx, 'SELECT COUNT(*) AS count FROM school WHERE county_id = ?', [county.countyId]);
    console.log(
      `rows (whole database): ${n(schools)} schools (${n(enrolled)} with enrolment), ${n(teachers)} teachers, ${n(postings)} postings, ${n(flags)} open shortage flags`,
    );
    console.log(
      `school year ${year}, as of ${today}; policy ${policy.version}; report county ${county.countyId} ${county.name}: ${n(countySchools)} schools`,
    );

    // (a) and (b): the province.
    const rollupUseCase = app.get(StaffingRollupUseCase);
    const provinceStatement = baselineStatement(tx.dialect, quota, today, year, null);
    const provincePair = await timedPair<StaffingRollup, Map<string, Figures>>(
      options.runs,
      () => rollupUseCase.execute({ actor: ACTOR }),
      async () =>
        new Map(
          (await tx.manager.query<Record<string, unknown>[]>(provinceStatement.sql, provinceStatement.params)).map((row) => [
            String(row.countyId),
            countyFigures(row),
          ]),
        ),
    );
    console.log(timingLine(`(a) province roll-up (StaffingRollupUseCase)`, provincePair.a));
    console.log(timingLine(`(b) baseline: 1 aggregate SQL statement, figures per county`, provincePair.b));
    console.log(ratioLine('(a)/(b)', provincePair.a, provincePair.b));

    // (c) and (d): one county, school by school.
    const reportUseCase = app.get(CountyStaffingReportUseCase);
    const countyStatement = baselineStatement(tx.dialect, quota, today, year, county.countyId);
    const countyPair = await timedPair<CountyStaffingReport, SchoolFigures[]>(
      options.runs,
      () => reportUseCase.execute({ actor: ACTOR, countyId: county.countyId }),
      async () =>
        (await tx.manager.query<Record<string, unknown>[]>(countyStatement.sql, countyStatement.params)).map((row) => ({
          code: String(row.code),
          standardQuota: nullable(row.standard_quota),
          allocated: nullable(row.allocated),
          headcountMilli: num(row.headcount_milli),
          openFlags: num(row.open_flags),
        })),
    );
    console.log(timingLine(`(c) county report (CountyStaffingReportUseCase)`, countyPair.a));
    console.log(timingLine(`(d) baseline: 1 SQL statement, figures per school`, countyPair.b));
    console.log(ratioLine('(c)/(d)', countyPair.a, countyPair.b));

    // Cross-checks.
    const fromUseCase = rollupFigures(provincePair.resultA);
    const fromBaseline = provincePair.resultB;
    for (const countyId of [...new Set([...fromUseCase.keys(), ...fromBaseline.keys()])].sort()) {
      const left = fromUseCase.get(countyId);
      const right = fromBaseline.get(countyId);
      if (!left || !right) problems.push(`county ${countyId}: only in the ${left ? 'use case' : 'baseline'}`);
      else problems.push(...compareFigures(`county ${countyId}`, left, right));
    }
    const report = countyPair.resultA;
    const baselineSchools = new Map(countyPair.resultB.map((s) => [s.code, s]));
    if (report.schools.length !== countyPair.resultB.length)
      problems.push(`county ${county.countyId}: ${report.schools.length} schools in the report, ${countyPair.resultB.length} in the baseline`);
    for (const school of report.schools) {
      const other = baselineSchools.get(school.code);
      const mine: SchoolFigures = {
        code: school.code,
        standardQuota: school.standardQuota,
        allocated: school.allocatedQuota,
        headcountMilli: Math.round(school.onQuotaHeadcount * 1000),
        openFlags: school.openShortageFlags,
      };
      if (!other || JSON.stringify(mine) !== JSON.stringify(other))
        problems.push(`school ${school.code}: report ${JSON.stringify(mine)}, baseline ${JSON.stringify(other ?? null)}`);
    }
    const province = provincePair.resultA.totals;
    const bands = Object.fromEntries(GRADE_BANDS.map((b) => [b, quota.studentsPerStaff[b]]));
    console.log(
      `figures: province ${n(province.schools)} schools, ${n(province.students)} pupils, standard quota ${n(province.standardQuota)}, ` +
        `approved ${n(province.approvedTotal)}, allocated ${n(province.allocatedQuota)}, on-quota headcount ${n(province.onQuotaHeadcount)}, ` +
        `${n(province.over)} schools over and ${n(province.under)} under; county ${county.countyId}: standard ${n(report.totals.standardQuota)}, ` +
        `allocated ${n(report.totals.allocatedQuota)}, headcount ${report.totals.onQuotaHeadcount}, vacancy ${report.totals.vacancy} ` +
        `(pupils per staff member ${JSON.stringify(bands)})`,
    );

    if (problems.length === 0)
      console.log('cross-checks: the use cases and the hand-written statements agree, county by county and school by school');
    else {
      console.log(`MISMATCH: the use cases and the hand-written statements disagree (${problems.length}):`);
      for (const problem of problems.slice(0, 20)) console.log(`  MISMATCH ${problem}`);
      if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
    }
  } finally {
    await app.close();
  }
  if (problems.length > 0) throw new Error(`staffing-report: ${problems.length} mismatch(es) between the use cases and the baselines (see above)`);
}

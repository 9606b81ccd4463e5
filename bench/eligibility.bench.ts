/**
 * npm run bench -- eligibility [--teachers N] [--runs R]   (N teachers in one county, default 6,000; R runs, default 5)
 *
 * The eligibility engine on a throw-away database: SQLite always, and MySQL/MariaDB too when
 * DATABASE_URL names a server (a scratch database on it, dropped afterwards). After the
 * migrations, the reference data and the default policy, one county (320321 丰县) gets 120
 * schools from the county generator (urban, town and rural, some weak, several reclassified) and
 * N teachers, each with a generated career of 10 consecutive spells across the county's schools
 * (regular posts, rotations to rural or weak schools, some spells shared half and half between two
 * schools: never more than one full post on a day, checked with findOverload), and 8 approved
 * training records in the current cycle. The same seed gives the same data on every run.
 *
 * First, in memory: (0) the qualifying days of one 40-year career (alternating rural and urban
 * years), by the engine's intervals against the definition evaluated day by day (qualifiesOn for
 * every day of the career): microseconds per call and the ratio.
 *
 * Then measured in one process, as a county officer of that county:
 *   (1) GetEligibilityUseCase for 1,000 different teachers, one at a time after a warm-up: p50, p95, max;
 *   (2) CountyEligibilityUseCase (the county bulk view, page 1 of 50), R times after a warm-up;
 *   (3) its baseline: five hand-written queries that fetch the rows the bulk view needs (the
 *       county's teachers, their postings, the classifications and the names of the schools those
 *       postings name, the per-teacher approved hours in the training cycle) with the manager's
 *       `query`, issued together as the use case issues its own, except that the classifications
 *       and names are read by the school ids of the postings once those have arrived; R times,
 *       alternating with (2).
 * Target (the issue): (2)/(3) within 2×. A breakdown follows: the use case's five repository
 * reads against the hand-written ones, together and each alone, and the rules in memory
 * (countyEligibilityRows over rows already fetched). Cross-checks: the baseline reads as many rows as the
 * repositories, and the 1,000 single answers agree with the bulk view's rows.
 */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { Clock } from '@app/core';
import { BulkRow, BulkWriter, PostingRepository, SchoolRepository, TeacherRepository, TrainingRepository, TransactionHost } from '@app/database';
import {
  Actor,
  addDays,
  addYears,
  cycleOf,
  findOverload,
  fromDay,
  JIANGSU_2024_POLICY,
  Location,
  PolicyParameters,
  PostingKind,
  qualifiesOn,
  qualifyingIntervals,
  qualifyingRuleOf,
  qualifyingService,
  scopeOf,
  ServicePosting,
  toDay,
  TrainingCycle,
} from '@app/domain';
import {
  CountyEligibilityInput,
  countyEligibilityRows,
  CountyEligibilityRow,
  CountyEligibilityUseCase,
  EligibilityModule,
  EligibilityView,
  GetEligibilityUseCase,
} from '@app/eligibility';
import { PolicyInForce, PolicyStore } from '@app/policy';
import { GeneratedCounty, generateCounty, IdSource } from '../seeds/generator/county-generator';
import { Random } from '../seeds/generator/random';
import { writeCounty } from '../seeds/generator/write-county';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { countySeed, scaleCounties, withoutForeignKeyChecks } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { onThrowAwayDatabases } from './support/databases';
import {
  databaseVersion,
  ms,
  n,
  percentile,
  ratioLine,
  since,
  timed,
  timedPair,
  Timing,
  timingLine as line,
  wholeNumberOptions,
} from './support/measure';

const COUNTY_ID = '320321';
const SCHOOLS = 120;
const SPELLS = 10;
const TRAINING_RECORDS = 8;
const SAMPLE = 1000;
const WARM_UP = 50;
const SEED = 1;
const TARGET = 2;
const ACTOR: Actor = { userId: 'bench', username: 'bench', role: 'COUNTY_OFFICER', countyId: COUNTY_ID };
const PAGE = { page: 1, pageSize: 50 };

/** The seeding context plus the eligibility use cases. */
@Module({})
class EligibilityBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: EligibilityBenchModule, imports: [SeedModule.forRoot(config), EligibilityModule] };
  }
}

interface Options {
  teachers: number;
  runs: number;
}

interface Dataset {
  county: GeneratedCounty;
  locations: Record<Location, number>;
  weak: number;
  reclassified: number;
  kinds: Record<string, number>;
}

/** What the bulk view reads, as the baseline's hand-written queries return it. */
interface Fetched {
  teachers: { id: string; staffNo: string; name: string; hireDate: string; titleLevel: string; titleSince: string | null }[];
  postings: { teacherId: string; schoolId: string; startDate: string; endDate: string | null; fractionMilli: unknown }[];
  classifications: { schoolId: string; effectiveFrom: string; location: string | null; weak: unknown }[];
  hours: { teacherId: string; approved: unknown }[];
  schoolNames: { id: string; name: string }[];
}

function parseOptions(args: string[]): Options {
  return wholeNumberOptions(args, { teachers: { fallback: 6000, min: 100, max: 200_000 }, runs: { fallback: 5, min: 1, max: 1000 } });
}

/** Fisher–Yates with the seeded generator. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Careers of 10 consecutive spells from 8–20 years ago (or the hire date) to an open spell at the
 * teacher's school today: regular posts at their own or another school, rotations to rural or weak
 * schools, and spells shared half and half between two schools. Spells never overlap, so the
 * fractions add up to at most one full post on every day; findOverload checks each career.
 */
function careers(county: GeneratedCounty, today: string, random: Random, ids: IdSource, now: Date): BulkRow[] {
  const schools = county.directory;
  const byCode = new Map(schools.map((s) => [s.code, s]));
  const ruralOrWeak = schools.filter((s) => s.location === 'RURAL' || s.weak);
  const rotationTargets = ruralOrWeak.length > 0 ? ruralOrWeak : schools;
  const last = toDay(today);
  const rows: BulkRow[] = [];
  for (const teacher of county.teachers) {
    const teacherId = teacher.id as string;
    // Staff numbers are the school code and three digits (see county-generator).
    const home = byCode.get(String(teacher.staff_no).slice(0, -3)) ?? random.pick(schools);
    const other = (not: string) => {
      let school = random.pick(schools);
      while (school.schoolId === not && schools.length > 1) school = random.pick(schools);
      return school.schoolId;
    };
    const own: BulkRow[] = [];
    const push = (schoolId: string, start: number, end: number | null, kind: PostingKind, fractionMilli: number) =>
      own.push({
        id: ids.next(),
        teacher_id: teacherId,
        school_id: schoolId,
        start_date: fromDay(start),
        end_date: end === null ? null : fromDay(end),
        kind,
        fraction_milli: fractionMilli,
        version: 1,
        created_at: now,
        updated_at: now,
      });

    const first = Math.max(toDay(teacher.hire_date as string), toDay(addYears(today, -random.int(8, 20))));
    const span = last - first + 1;
    const cuts = new Set<number>();
    while (cuts.size < Math.min(SPELLS, span) - 1) cuts.add(random.int(1, span - 1));
    const starts = [first, ...[...cuts].sort((a, b) => a - b).map((offset) => first + offset)];
    starts.forEach((start, i) => {
      const open = i === starts.length - 1;
      const end = open ? null : starts[i + 1] - 1;
      const roll = random.next();
      if (open) {
        if (roll < 0.1) {
          push(home.schoolId, start, null, 'REGULAR', 500);
          push(other(home.schoolId), start, last + random.int(30, 300), 'SHARED', 500);
        } else push(home.schoolId, start, null, 'REGULAR', 1000);
      } else if (roll < 0.2) {
        push(random.pick(rotationTargets).schoolId, start, end, 'ROTATION', 1000);
      } else if (roll < 0.35) {
        const main = random.chance(0.5) ? home.schoolId : other(home.schoolId);
        push(main, start, end, 'REGULAR', 500);
        push(other(main), start, end, 'SHARED', 500);
      } else {
        push(random.chance(0.5) ? home.schoolId : other(home.schoolId), start, end, 'REGULAR', 1000);
      }
    });
    const overload = findOverload(
      own.map((p) => ({ startDate: p.start_date as string, endDate: p.end_date as string | null, fractionMilli: p.fraction_milli as number })),
    );
    if (overload) throw new Error(`generated career of teacher ${teacherId} exceeds one full post on ${overload.date} (${overload.totalMilli})`);
    rows.push(...own);
  }
  return rows;
}

/** The county with exactly `teachers` teachers (a random few of the generator's dropped) and 10-spell careers instead of its postings. */
function generate(teachers: number, today: string, policy: Pick<PolicyParameters, 'shortage' | 'training'>): Dataset {
  const county = scaleCounties(95).find((c) => c.countyId === COUNTY_ID);
  if (!county) throw new Error(`county ${COUNTY_ID} is not among Jiangsu's divisions`);
  const seed = countySeed(COUNTY_ID, SEED);
  // The generator sizes schools by weight and rounds, so ask for a few more teachers than wanted and drop the excess at random.
  const generated = generateCounty({
    countyId: COUNTY_ID,
    countyName: county.name,
    zone: county.zone,
    schools: SCHOOLS,
    teachers: Math.ceil(teachers * 1.03) + 2 * SCHOOLS,
    today,
    seed,
    codePrefix: `C${COUNTY_ID}-`,
    shortage: policy.shortage,
    training: { policy: policy.training, mode: 'bulk', recordsPerTeacher: TRAINING_RECORDS },
  });
  const random = new Random(seed).fork('eligibility-bench');
  if (generated.teachers.length < teachers) throw new Error(`the generator gave ${generated.teachers.length} teachers, fewer than ${teachers}`);
  const kept = new Set(shuffled(generated.teachers, random.fork('keep')).slice(0, teachers));
  const keptIds = new Set([...kept].map((t) => t.id as string));
  generated.teachers = generated.teachers.filter((t) => kept.has(t));
  generated.extraSubjects = generated.extraSubjects.filter((x) => keptIds.has(x.teacher_id as string));
  generated.trainingRecords = generated.trainingRecords.filter((r) => keptIds.has(r.teacher_id as string));
  generated.postings = careers(
    generated,
    today,
    random.fork('careers'),
    // The careers' ids start a minute after the county's, so that they too are written in order.
    new IdSource(`eligibility-bench|${COUNTY_ID}|${seed}`, Date.parse(`${today}T00:01:00Z`)),
    new Date(`${today}T00:00:00Z`),
  );

  const locations: Record<Location, number> = { URBAN: 0, TOWN: 0, RURAL: 0 };
  for (const s of generated.directory) locations[s.location]++;
  const changes = new Map<string, number>();
  for (const c of generated.classifications) changes.set(c.school_id as string, (changes.get(c.school_id as string) ?? 0) + 1);
  const kinds: Record<string, number> = {};
  for (const p of generated.postings) kinds[p.kind as string] = (kinds[p.kind as string] ?? 0) + 1;
  return {
    county: generated,
    locations,
    weak: generated.directory.filter((s) => s.weak).length,
    reclassified: [...changes.values()].filter((count) => count > 1).length,
    kinds,
  };
}

/** (3): the rows the bulk view needs, written by hand. */
interface Baseline {
  teachers: () => Promise<unknown[]>;
  postings: () => Promise<unknown[]>;
  /** The classification changes of the schools named by postings already read. */
  classifications: (schoolIds: string[]) => Promise<unknown[]>;
  /** The names of the same schools. */
  names: (schoolIds: string[]) => Promise<unknown[]>;
  hours: () => Promise<unknown[]>;
}

function baselineQueries(tx: TransactionHost, asOf: string, cycle: TrainingCycle): Baseline {
  const q = (sql: string, params: unknown[]) => tx.manager.query<unknown[]>(sql, params);
  return {
    teachers: () =>
      q(
        'SELECT t.id AS id, t.staff_no AS staffNo, t.name AS name, t.hire_date AS hireDate, t.title_level AS titleLevel, t.title_since AS titleSince ' +
          'FROM teacher t WHERE t.county_id = ? AND t.hire_date <= ? ORDER BY t.staff_no',
        [COUNTY_ID, asOf],
      ),
    postings: () =>
      q(
        'SELECT p.teacher_id AS teacherId, p.school_id AS schoolId, p.start_date AS startDate, p.end_date AS endDate, p.fraction_milli AS fractionMilli ' +
          'FROM posting p INNER JOIN teacher t ON t.id = p.teacher_id WHERE t.county_id = ?',
        [COUNTY_ID],
      ),
    classifications: (schoolIds) =>
      schoolIds.length === 0
        ? Promise.resolve([])
        : q(
            'SELECT c.school_id AS schoolId, c.effective_from AS effectiveFrom, c.location AS location, c.weak AS weak FROM school_classification c ' +
              `WHERE c.school_id IN (${schoolIds.map(() => '?').join(', ')}) ORDER BY c.effective_from`,
            schoolIds,
          ),
    names: (schoolIds) =>
      schoolIds.length === 0
        ? Promise.resolve([])
        : q(`SELECT s.id AS id, s.name AS name FROM school s WHERE s.id IN (${schoolIds.map(() => '?').join(', ')})`, schoolIds),
    hours: () =>
      q(
        'SELECT r.teacher_id AS teacherId, SUM(r.hours) AS approved FROM training_record r INNER JOIN teacher t ON t.id = r.teacher_id ' +
          "WHERE t.county_id = ? AND t.hire_date <= ? AND r.status = 'APPROVED' AND r.start_date >= ? AND r.start_date <= ? GROUP BY r.teacher_id",
        [COUNTY_ID, cycle.end, cycle.start, cycle.end],
      ),
  };
}

const schoolIdsOf = (postings: unknown[]) => [...new Set((postings as { schoolId: string }[]).map((p) => p.schoolId))];

/** The five reads, together: the classifications and names as soon as the postings have named their schools. */
async function fetchAll(baseline: Baseline): Promise<Fetched> {
  const [teachers, [postings, classifications, schoolNames], hours] = await Promise.all([
    baseline.teachers(),
    baseline.postings().then(async (postings) => {
      const schoolIds = schoolIdsOf(postings);
      return [postings, ...(await Promise.all([baseline.classifications(schoolIds), baseline.names(schoolIds)]))] as const;
    }),
    baseline.hours(),
  ]);
  return { teachers, postings, classifications, hours, schoolNames } as Fetched;
}

/** The bulk view's rules (countyEligibilityRows, unfiltered) over rows already read, to time them alone. */
function rulesInMemory(input: CountyEligibilityInput, asOf: string, policy: PolicyInForce): { eligible: number; placed: number } {
  const rows = countyEligibilityRows(input, {}, asOf, policy.parameters, asOf);
  return { eligible: rows.filter((r) => r.eligible).length, placed: rows.filter((r) => r.schoolId !== null).length };
}

/** Differences between a single-teacher answer and the bulk view's row of that teacher. */
function disagreement(single: EligibilityView, row: CountyEligibilityRow | undefined): string | null {
  if (!row) return `teacher ${single.teacherId}: not in the bulk view`;
  const a = JSON.stringify([
    single.seniorTitle.status,
    single.seniorTitle.eligible,
    single.seniorTitle.rules,
    single.seniorTitle.earliestServiceDate,
    single.principalPriority,
  ]);
  const b = JSON.stringify([
    row.status,
    row.eligible,
    row.rules,
    row.earliestServiceDate,
    { priority: row.principalPriority, required: single.principalPriority.required, actual: row.qualifyingDays, unit: 'days' },
  ]);
  return a === b ? null : `teacher ${single.teacherId}: single ${a}, bulk ${b}`;
}

const timingLine = (label: string, t: Timing) => `  ${line(label, t, 70)}`;

async function measure(label: string, env: Record<string, string>, options: Options): Promise<string[]> {
  const config = loadConfig({ LOG_LEVEL: 'fatal', ...env }, { persistSecret: false });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(EligibilityBenchModule.forRoot(config), {
    logger: ['fatal'],
    abortOnError: false,
  });
  const problems: string[] = [];
  try {
    const tx = app.get(TransactionHost);
    console.log(`${label}: ${await databaseVersion(tx)}, ${tx.dialect === 'sqlite' ? 'temp file' : 'scratch database'}`);
    await app.get(ReferenceDataSeeder).seed();
    const today = app.get(Clock).today();
    const policy = await app.get(PolicyStore).inForce(today);
    const cycle = cycleOf(today, policy.parameters.training);

    let mark = process.hrtime.bigint();
    const data = generate(options.teachers, today, policy.parameters);
    const generateSeconds = since(mark);
    mark = process.hrtime.bigint();
    await tx.run(() => withoutForeignKeyChecks(tx, () => writeCounty(app.get(BulkWriter), data.county)));
    const writeSeconds = since(mark);
    const c = data.county;
    console.log(
      `  data: county ${COUNTY_ID}, ${n(c.schools.length)} schools (${data.locations.URBAN} urban, ${data.locations.TOWN} town, ${data.locations.RURAL} rural; ` +
        `${data.weak} weak; ${data.reclassified} reclassified, ${n(c.classifications.length)} classification rows), ${n(c.teachers.length)} teachers, ` +
        `${n(c.postings.length)} postings (${(c.postings.length / c.teachers.length).toFixed(1)} a teacher: ` +
        `${Object.entries(data.kinds)
          .map(([kind, count]) => `${n(count)} ${kind}`)
          .join(', ')}), ${n(c.trainingRecords.length)} approved training records; ` +
        `generated in ${generateSeconds.toFixed(1)} s, written in ${writeSeconds.toFixed(1)} s`,
    );
    console.log(`  as of ${today}, policy ${policy.version}, training cycle ${cycle.start} – ${cycle.end}`);

    // (1) One teacher at a time.
    const single = app.get(GetEligibilityUseCase);
    const order = shuffled(
      c.teachers.map((t) => t.id as string),
      new Random(SEED).fork('sample'),
    );
    const sample = order.slice(0, Math.min(SAMPLE, order.length));
    const warmUp = order.length > sample.length ? order.slice(sample.length, sample.length + WARM_UP) : sample.slice(0, WARM_UP);
    for (const teacherId of warmUp) await single.execute({ actor: ACTOR, teacherId });
    const latencies: number[] = [];
    const answers: EligibilityView[] = [];
    for (const teacherId of sample) {
      const started = process.hrtime.bigint();
      answers.push(await single.execute({ actor: ACTOR, teacherId }));
      latencies.push(since(started));
    }
    latencies.sort((x, y) => x - y);
    console.log(
      `  (1) single teacher (GetEligibilityUseCase), ${n(sample.length)} teachers after ${warmUp.length} warm-up calls: ` +
        `p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies[latencies.length - 1])}`,
    );

    // (2) and (3): the bulk view and the rows it needs.
    const bulk = app.get(CountyEligibilityUseCase);
    const queries = baselineQueries(tx, today, cycle);
    const pair = await timedPair(
      options.runs,
      () => bulk.execute({ actor: ACTOR, countyId: COUNTY_ID, page: PAGE }),
      () => fetchAll(queries),
    );
    const fetched = await fetchAll(queries);
    console.log(
      `  rows the bulk view needs: ${n(fetched.teachers.length)} teachers, ${n(fetched.postings.length)} postings, ` +
        `${n(fetched.classifications.length)} classification rows, ${n(fetched.hours.length)} teachers with approved hours`,
    );
    console.log(timingLine(`(2) county bulk view (CountyEligibilityUseCase, page 1 of ${PAGE.pageSize}), ${options.runs} runs`, pair.a));
    console.log(timingLine(`(3) baseline: the 5 hand-written queries of its rows, together`, pair.b));
    console.log(`  ${ratioLine('(2)/(3)', pair.a, pair.b, TARGET)}`);

    // Breakdown: each read alone, the repository's and the hand-written one, and the rules in memory.
    const scope = scopeOf(ACTOR);
    const teachersRepo = app.get(TeacherRepository);
    const postingsRepo = app.get(PostingRepository);
    const schoolsRepo = app.get(SchoolRepository);
    const trainingRepo = app.get(TrainingRepository);
    const repo = {
      teachers: () => teachersRepo.ofCounty(scope, COUNTY_ID, today),
      postings: () => postingsRepo.ofCounty(scope, COUNTY_ID),
      classifications: () => schoolsRepo.classificationsForCounty(scope, COUNTY_ID, schoolIdsOf(fetched.postings)),
      names: () => schoolsRepo.namesForCounty(scope, COUNTY_ID, schoolIdsOf(fetched.postings)),
      hours: () => trainingRepo.countyApprovedHours(scope, COUNTY_ID, cycle.start, cycle.end),
    };
    const readLine = (label: string, times: { a: Timing; b: Timing }) =>
      console.log(
        `    ${label.padEnd(16)} repository ${ms(times.a.median).padStart(10)}   hand-written ${ms(times.b.median).padStart(10)}   ` +
          `(${(times.a.median / times.b.median).toFixed(2)}×, medians)`,
      );
    console.log(`  breakdown (${options.runs} runs after a warm-up, medians): the use case's reads against the hand-written ones, and the rules`);
    readLine(
      'all 5 together',
      await timedPair(
        options.runs,
        () => Promise.all([repo.teachers(), repo.postings(), repo.classifications(), repo.names(), repo.hours()]),
        () => fetchAll(queries),
      ),
    );
    const schoolIds = schoolIdsOf(fetched.postings);
    readLine('teachers', await timedPair(options.runs, repo.teachers, queries.teachers));
    readLine('postings', await timedPair(options.runs, repo.postings, queries.postings));
    readLine('classifications', await timedPair(options.runs, repo.classifications, () => queries.classifications(schoolIds)));
    readLine('names', await timedPair(options.runs, repo.names, () => queries.names(schoolIds)));
    readLine('hours', await timedPair(options.runs, repo.hours, queries.hours));
    const [teacherRows, postingRows, classificationRows, schoolNames, hourRows] = await Promise.all([
      repo.teachers(),
      repo.postings(),
      repo.classifications(),
      repo.names(),
      repo.hours(),
    ]);
    let eligible = 0;
    let placed = 0;
    const rules = await timed(options.runs, () => {
      ({ eligible, placed } = rulesInMemory(
        { teachers: teacherRows, postings: postingRows, classifications: classificationRows, hours: hourRows, schoolNames },
        today,
        policy,
      ));
      return Promise.resolve();
    });
    console.log(
      `    ${'rules in memory'.padEnd(16)} ${ms(rules.median).padStart(21)}   ` +
        `(${n(eligible)} of ${n(teacherRows.length)} teachers eligible, ${n(placed)} posted today)`,
    );

    // Cross-checks.
    const counts = (label: string, a: number, b: number) => {
      if (a !== b) problems.push(`${label}: the repository reads ${a} rows, the hand-written query ${b}`);
    };
    counts('teachers', teacherRows.length, fetched.teachers.length);
    counts('postings', postingRows.length, fetched.postings.length);
    counts('classifications', classificationRows.length, fetched.classifications.length);
    counts('school names', schoolNames.size, fetched.schoolNames.length);
    counts('teachers with approved hours', hourRows.filter((h) => h.approvedHours !== 0).length, fetched.hours.length);
    counts('teachers (data written)', c.teachers.length, fetched.teachers.length);
    counts('postings (data written)', c.postings.length, fetched.postings.length);
    const all = await bulk.evaluateAll({ actor: ACTOR, countyId: COUNTY_ID });
    const rowOf = new Map(all.rows.map((r) => [r.teacherId, r]));
    const disagreements = answers.map((a) => disagreement(a, rowOf.get(a.teacherId))).filter((d): d is string => d !== null);
    problems.push(...disagreements);
    if (all.rows.filter((r) => r.eligible).length !== eligible)
      problems.push(`the bulk view finds ${all.rows.filter((r) => r.eligible).length} eligible teachers, the copy of its loop ${eligible}`);
    if (problems.length === 0) console.log(`  cross-checks: row counts agree; the ${n(answers.length)} single answers agree with the bulk view`);
  } finally {
    await app.close();
  }
  return problems;
}

/** (0): one long career in memory, by intervals and day by day. */
function careerLines(): string[] {
  const rule = qualifyingRuleOf(JIANGSU_2024_POLICY.parameters);
  const schools = new Map([
    ['rural', qualifyingIntervals([{ effectiveFrom: '1980-01-01', location: 'RURAL', weak: false }], rule)],
    ['urban', qualifyingIntervals([{ effectiveFrom: '1980-01-01', location: 'URBAN', weak: false }], rule)],
  ]);
  const career: ServicePosting[] = Array.from({ length: 40 }, (_, i) => ({
    schoolId: i % 2 === 0 ? 'rural' : 'urban',
    startDate: `${1986 + i}-09-01`,
    endDate: `${1987 + i}-08-31`,
    fractionMilli: 1000,
  }));
  const asOf = '2026-09-01';
  const dayByDay = () => {
    let days = 0;
    for (let day = career[0].startDate; day <= asOf; day = addDays(day, 1)) if (qualifiesOn(career, schools, day, rule.minDailyMilli)) days++;
    return days;
  };
  const perCall = (calls: number, work: () => number) => {
    for (let i = 0; i < Math.min(calls, 100); i++) work();
    const mark = process.hrtime.bigint();
    let days = 0;
    for (let i = 0; i < calls; i++) days = work();
    return { micros: (since(mark) * 1e6) / calls, days };
  };
  const intervals = perCall(10_000, () => qualifyingService(career, schools, asOf, rule.minDailyMilli).days);
  const daily = perCall(20, dayByDay);
  const lines = [
    `(0) qualifying days of a 40-year career (40 postings, ${n(intervals.days)} qualifying days), in memory:`,
    `  intervals (qualifyingService)            ${intervals.micros.toFixed(1).padStart(10)} µs a call`,
    `  day by day (qualifiesOn for each day)    ${daily.micros.toFixed(1).padStart(10)} µs a call   (${(daily.micros / intervals.micros).toFixed(0)}× the intervals)`,
  ];
  if (intervals.days !== daily.days) lines.push(`MISMATCH intervals give ${intervals.days} days, day by day ${daily.days}`);
  return lines;
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const career = careerLines();
  for (const line of career) console.log(line);
  if (career.some((line) => line.startsWith('MISMATCH'))) throw new Error('eligibility: the intervals and the day-by-day definition disagree');
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    `eligibility: county ${COUNTY_ID}, ${SCHOOLS} schools, ${n(options.teachers)} teachers with ${SPELLS}-spell careers, ` +
      `${options.runs} runs; seed ${SEED}` +
      (serverUrl ? '' : ' (SQLite only: set DATABASE_URL to measure MySQL/MariaDB too)'),
  );
  const problems: string[] = [];
  await onThrowAwayDatabases(async (label, env) => {
    problems.push(...(await measure(label, env, options)).map((p) => `${label}: ${p}`));
  });

  if (problems.length > 0) {
    for (const problem of problems.slice(0, 20)) console.log(`MISMATCH ${problem}`);
    if (problems.length > 20) console.log(`… and ${problems.length - 20} more`);
    throw new Error(`eligibility: ${problems.length} mismatch(es) (see above)`);
  }
}

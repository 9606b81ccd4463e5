/**
 * npm run bench -- rotation [--teachers N] [--runs R]   (N teachers in one county, default 6,000; R runs, default 5)
 *
 * Rotation on a throw-away database: SQLite always, and MySQL/MariaDB too when DATABASE_URL names a server (a
 * scratch database on it, dropped afterwards). After the migrations, the reference data and the default policy, one
 * county (320321 丰县) is generated through seed:scale's code path (seeds/scale: the county generator, its schools
 * staffed against the curriculum, about 74 schools) with N teachers and their postings, and 1 % of its teachers get a
 * recorded exemption valid on the plan year's reference day. The same seed gives the same data on every run.
 *
 * Measured in one process, R times after a warm-up, alternating the two of each pair (min and median):
 *   (a) ReadRotationCandidatesUseCase for the county's current plan year, as its county officer: the teachers,
 *       their postings, exemptions and schools read set-based, every teacher judged by the domain's rules;
 *   (a′) its baseline: the four hand-written statements reading the same rows (the county's teachers, their
 *       postings starting by the reference day, their exemptions valid that day, the schools with the location in
 *       force that day) with the manager's `query`.
 * Target (the issue): (a)/(a′) within 2×. Cross-checks: the baseline reads as many rows as the repository, and the
 * candidates account for every teacher of the county.
 */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { Clock, newId } from '@app/core';
import { BulkRow, BulkWriter, RotationFactsRepository, TransactionHost } from '@app/database';
import { Actor, addDays, currentRotationYear, rotationCandidates, rotationReferenceDate } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { ReadRotationCandidatesUseCase, RotationModule, teacherFacts } from '@app/rotation';
import { generateCounty } from '../seeds/generator/county-generator';
import { Random } from '../seeds/generator/random';
import { writeCounty } from '../seeds/generator/write-county';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { countySpec, SCALE_DEFAULTS, scaleCounties, withoutForeignKeyChecks } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { onThrowAwayDatabases } from './support/databases';
import { databaseVersion, ms, n, ratioLine, since, timed, timedPair, Timing, timingLine as line, wholeNumberOptions } from './support/measure';

const COUNTY_ID = '320321';
const TARGET = 2;
const EXEMPT_SHARE = 0.01;
const ACTOR: Actor = { userId: 'bench', username: 'bench', role: 'COUNTY_OFFICER', countyId: COUNTY_ID };

/** The seeding context plus the rotation use cases. */
@Module({})
class RotationBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: RotationBenchModule, imports: [SeedModule.forRoot(config), RotationModule] };
  }
}

interface Options {
  teachers: number;
  runs: number;
}

function parseOptions(args: string[]): Options {
  return wholeNumberOptions(args, { teachers: { fallback: 6000, min: 100, max: 200_000 }, runs: { fallback: 5, min: 1, max: 1000 } });
}

const timingLine = (label: string, t: Timing) => `  ${line(label, t, 74)}`;

/** (a′): the rows the candidates need, written by hand, one statement each. */
function baselineReads(tx: TransactionHost, day: string) {
  const q = (sql: string, params: unknown[]) => tx.manager.query<unknown[]>(sql, params);
  return () =>
    Promise.all([
      q(
        'SELECT t.id AS id, t.staff_no AS staffNo, t.name AS name, t.subject AS subject, t.birth_date AS birthDate, t.on_quota AS onQuota, ' +
          't.post AS post, t.backbone AS backbone FROM teacher t WHERE t.county_id = ? ORDER BY t.staff_no, t.id',
        [COUNTY_ID],
      ),
      q(
        'SELECT p.teacher_id AS teacherId, p.school_id AS schoolId, p.kind AS kind, p.start_date AS startDate, p.end_date AS endDate, ' +
          'p.fraction_milli AS fractionMilli FROM posting p INNER JOIN teacher t ON t.id = p.teacher_id WHERE t.county_id = ? AND p.start_date <= ?',
        [COUNTY_ID, day],
      ),
      q(
        'SELECT e.id AS id, e.teacher_id AS teacherId, e.reason AS reason, e.note AS note, e.valid_from AS validFrom, e.valid_to AS validTo ' +
          'FROM rotation_exemption e INNER JOIN teacher t ON t.id = e.teacher_id WHERE t.county_id = ? AND e.valid_from <= ? ' +
          'AND (e.valid_to IS NULL OR e.valid_to >= ?) ORDER BY e.valid_from, e.id',
        [COUNTY_ID, day, day],
      ),
      q(
        'SELECT s.id AS id, s.code AS code, s.name AS name, (SELECT c.location FROM school_classification c WHERE c.school_id = s.id ' +
          'AND c.location IS NOT NULL AND c.effective_from <= ? ORDER BY c.effective_from DESC LIMIT 1) AS location ' +
          'FROM school s WHERE s.county_id = ? ORDER BY s.code',
        [day, COUNTY_ID],
      ),
    ]);
}

async function measure(label: string, env: Record<string, string>, options: Options): Promise<string[]> {
  const config = loadConfig({ LOG_LEVEL: 'fatal', ...env }, { persistSecret: false });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(RotationBenchModule.forRoot(config), {
    logger: ['fatal'],
    abortOnError: false,
  });
  const problems: string[] = [];
  try {
    const tx = app.get(TransactionHost);
    console.log(`${label}: ${await databaseVersion(tx)}, ${tx.dialect === 'sqlite' ? 'temp file' : 'scratch database'}`);
    await app.get(ReferenceDataSeeder).seed();
    const today = app.get(Clock).today();
    const current = await app.get(PolicyStore).inForce(today);
    const year = currentRotationYear(today, current.parameters);
    const referenceDate = rotationReferenceDate(year, current.parameters);
    const policy = await app.get(PolicyStore).inForce(referenceDate);

    // The county through seed:scale's code path, with N teachers; 1 % of them exempt on the reference day.
    let mark = process.hrtime.bigint();
    const county = scaleCounties(95).find((c) => c.countyId === COUNTY_ID);
    if (!county) throw new Error(`county ${COUNTY_ID} is not among Jiangsu's divisions`);
    // The generator sizes schools by weight and rounds: ask for a few more teachers (and schools in the scale's proportion)
    // than wanted, and keep the first N with their rows.
    const ask = Math.ceil(options.teachers * 1.05);
    const generated = generateCounty(
      countySpec(
        county,
        {
          ...SCALE_DEFAULTS,
          counties: 1,
          schoolsPerCounty: Math.ceil((SCALE_DEFAULTS.schoolsPerCounty * ask) / SCALE_DEFAULTS.teachersPerCounty),
          teachersPerCounty: ask,
        },
        today,
        policy.parameters,
      ),
    );
    if (generated.teachers.length < options.teachers)
      throw new Error(`the generator gave ${generated.teachers.length} teachers, fewer than ${options.teachers}`);
    const kept = new Set(generated.teachers.slice(0, options.teachers).map((t) => t.id as string));
    const keep = (rows: BulkRow[]) => rows.filter((r) => kept.has(r.teacher_id as string));
    generated.teachers = generated.teachers.filter((t) => kept.has(t.id as string));
    generated.postings = keep(generated.postings);
    generated.extraSubjects = keep(generated.extraSubjects);
    generated.trainingRecords = keep(generated.trainingRecords);
    const random = new Random(SCALE_DEFAULTS.seed).fork('rotation-bench');
    const now = new Date(`${today}T00:00:00Z`);
    const exemptions: BulkRow[] = generated.teachers
      .filter(() => random.chance(EXEMPT_SHARE))
      .map((t) => ({
        id: newId(),
        teacher_id: t.id,
        county_id: COUNTY_ID,
        reason: 'ILLNESS',
        note: null,
        valid_from: addDays(referenceDate, -30),
        valid_to: addDays(referenceDate, 300),
        created_by: null,
        created_at: now,
      }));
    const generateSeconds = since(mark);
    mark = process.hrtime.bigint();
    await tx.run(() =>
      withoutForeignKeyChecks(tx, async () => {
        await writeCounty(app.get(BulkWriter), generated);
        await app.get(BulkWriter).insert('rotation_exemption', exemptions);
      }),
    );
    console.log(
      `  data: county ${COUNTY_ID}, ${n(generated.schools.length)} schools, ${n(generated.teachers.length)} teachers, ${n(generated.postings.length)} postings, ` +
        `${n(exemptions.length)} recorded exemptions; generated in ${generateSeconds.toFixed(1)} s, written in ${since(mark).toFixed(1)} s`,
    );
    console.log(`  plan year ${year} (reference day ${referenceDate}), policy ${policy.version}`);

    // (a) and (a′).
    const candidates = app.get(ReadRotationCandidatesUseCase);
    const baseline = baselineReads(tx, referenceDate);
    const pair = await timedPair(options.runs, () => candidates.execute({ actor: ACTOR, countyId: COUNTY_ID, year }), baseline);
    const [teachers, postings, exempt, schools] = pair.resultB;
    console.log(
      `  rows the candidates need: ${n(teachers.length)} teachers, ${n(postings.length)} postings, ${n(exempt.length)} exemptions, ${n(schools.length)} schools`,
    );
    const answer = pair.resultA;
    console.log(
      `  candidates: ${n(answer.eligible.length)} eligible, ${n(answer.exempt.length)} exempt, ${n(answer.notEligibleCount)} not concerned; ` +
        `county targets ${answer.targets.minRotating} rotating, ${answer.targets.minBackbone} backbone; ${answer.targets.schools.length} urban schools with targets`,
    );
    console.log(timingLine(`(a) candidates (ReadRotationCandidatesUseCase), ${options.runs} runs`, pair.a));
    console.log(timingLine(`(a′) baseline: the 4 hand-written statements of its rows`, pair.b));
    console.log(`  ${ratioLine('(a)/(a′)', pair.a, pair.b, TARGET)}`);

    // Breakdown: the repository's four reads against the hand-written ones, and the rules in memory over rows already read.
    const repository = app.get(RotationFactsRepository);
    const reads = await timedPair(options.runs, () => repository.ofCounty(COUNTY_ID, referenceDate), baseline);
    const facts = reads.resultA;
    const schoolsOf = facts.schools.map((s) => ({ schoolId: s.id, location: s.location }));
    const rules = await timed(options.runs, () => Promise.resolve(rotationCandidates(teacherFacts(facts), schoolsOf, year, policy.parameters)));
    console.log(`  breakdown (${options.runs} runs after a warm-up, medians):`);
    console.log(
      `    reads            repository ${ms(reads.a.median).padStart(10)}   hand-written ${ms(reads.b.median).padStart(10)}   (${(reads.a.median / reads.b.median).toFixed(2)}×)`,
    );
    console.log(`    rules in memory  ${ms(rules.median).padStart(21)}   (rotationCandidates over the rows read)`);

    // Cross-checks.
    const counts = (what: string, a: number, b: number) => {
      if (a !== b) problems.push(`${what}: the repository reads ${a} rows, the hand-written statement ${b}`);
    };
    counts('teachers', facts.teachers.length, teachers.length);
    counts('postings', facts.postings.length, postings.length);
    counts('exemptions', facts.exemptions.length, exempt.length);
    counts('schools', facts.schools.length, schools.length);
    const judged = answer.eligible.length + answer.exempt.length + answer.notEligibleCount;
    if (judged !== generated.teachers.length) problems.push(`the candidates judge ${judged} teachers, the county has ${generated.teachers.length}`);
    if (problems.length === 0) console.log('  cross-checks: row counts agree; every teacher of the county is judged');
  } finally {
    await app.close();
  }
  return problems;
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    `rotation: county ${COUNTY_ID}, ${n(options.teachers)} teachers, ${options.runs} runs` +
      (serverUrl ? '' : ' (SQLite only: set DATABASE_URL to measure MySQL/MariaDB too)'),
  );
  const problems: string[] = [];
  await onThrowAwayDatabases(async (label, env) => {
    problems.push(...(await measure(label, env, options)).map((p) => `${label}: ${p}`));
  });
  if (problems.length > 0) {
    for (const problem of problems.slice(0, 20)) console.log(`MISMATCH ${problem}`);
    throw new Error(`rotation: ${problems.length} mismatch(es) (see above)`);
  }
}

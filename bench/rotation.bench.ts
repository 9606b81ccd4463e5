/**
 * npm run bench -- rotation [--teachers N] [--assignments A] [--runs R]   (N teachers in one county, default 6,000; a plan of A
 * assignments, default 600; R runs, default 5)
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
 *   (b) ActivateRotationPlanUseCase on an approved plan of `--assignments` assignments (default 600) of the county's
 *       eligible teachers (one in ten shared half the week, the others full-time town–country rotations; each checked by
 *       validateAssignment as the plan endpoints check it), as the county officer: the plan's rows read and locked,
 *       every assignment's postings written as activationWrites says, staff requests, headcounts and rescans, the
 *       audit entry, the plan's compliance and notices, the plan's review as the answer;
 *   (b′) its baseline: the same posting rows written with hand-written SQL — the changed home postings updated one
 *       statement each, the new postings in multi-row INSERTs, each assignment's posting and the plan's status set —
 *       from writes computed beforehand with activationWrites.
 *       Each run of (b) and (b′) is a transaction rolled back at its end, so that every run starts from the same rows
 *       (the commit is not timed).
 * Target (the issue): (a)/(a′) and (b)/(b′) each within 2×. Cross-checks: the baseline reads as many rows as the repository, the
 * candidates account for every teacher of the county, and (b) and (b′) leave the plan's teachers with the same postings.
 */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { Clock, newId } from '@app/core';
import { BulkRow, BulkWriter, RotationAssignmentEntity, RotationFactsRepository, RotationPlanRepository, TransactionHost } from '@app/database';
import {
  activationWrites,
  Actor,
  addDays,
  currentRotationYear,
  DomainError,
  PostingInsert,
  PostingUpdate,
  rotationCandidates,
  RotationPolicy,
  rotationReferenceDate,
  validateAssignment,
  ValidAssignment,
} from '@app/domain';
import type { BackboneLevel, Location, PostingKind, RecordedPosting, Subject } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { ActivateRotationPlanUseCase, ReadRotationCandidatesUseCase, RotationModule, teacherFacts } from '@app/rotation';
import { GeneratedCounty, generateCounty } from '../seeds/generator/county-generator';
import { Random } from '../seeds/generator/random';
import { writeCounty } from '../seeds/generator/write-county';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { countySpec, SCALE_DEFAULTS, scaleCounties, withoutForeignKeyChecks } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { onThrowAwayDatabases } from './support/databases';
import {
  databaseVersion,
  ms,
  n,
  ratioLine,
  since,
  summarize,
  timed,
  timedPair,
  Timing,
  timingLine as line,
  wholeNumberOptions,
} from './support/measure';

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
  assignments: number;
  runs: number;
}

function parseOptions(args: string[]): Options {
  return wholeNumberOptions(args, {
    teachers: { fallback: 6000, min: 100, max: 200_000 },
    assignments: { fallback: 600, min: 1, max: 100_000 },
    runs: { fallback: 5, min: 1, max: 1000 },
  });
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

/** The activation's plan: up to `size` eligible teachers of the county, each assignment checked by validateAssignment. */
async function seedPlan(
  app: INestApplicationContext,
  generated: GeneratedCounty,
  eligible: readonly { teacherId: string; schoolId: string; subject: Subject; backbone: BackboneLevel }[],
  schools: readonly { id: string; location: Location | null }[],
  referenceDate: string,
  policy: RotationPolicy,
  size: number,
): Promise<{ planId: string; assignments: RotationAssignmentEntity[]; postingsOf: Map<string, RecordedPosting[]>; hireDateOf: Map<string, string> }> {
  const postingsOf = new Map<string, RecordedPosting[]>();
  for (const p of generated.postings) {
    const list = postingsOf.get(p.teacher_id as string) ?? [];
    list.push({
      id: p.id as string,
      schoolId: p.school_id as string,
      kind: p.kind as PostingKind,
      startDate: p.start_date as string,
      endDate: p.end_date as string | null,
      fractionMilli: p.fraction_milli as number,
    });
    postingsOf.set(p.teacher_id as string, list);
  }
  const hireDateOf = new Map(generated.teachers.map((t) => [t.id as string, t.hire_date as string]));
  const rural = schools.filter((s) => s.location === 'RURAL').map((s) => s.id);
  const receivers = rural.length > 0 ? rural : schools.map((s) => s.id);
  const planId = newId();
  const now = new Date(`${referenceDate}T00:00:00Z`);
  const valid: ValidAssignment[] = [];
  const assignments: RotationAssignmentEntity[] = [];
  let next = 0;
  for (const c of eligible) {
    if (assignments.length >= size) break;
    const to = receivers.filter((id) => id !== c.schoolId)[next++ % Math.max(1, receivers.length - 1)];
    // One in ten shared half the week (home at half beside it), the others full-time.
    const shared = assignments.length % 10 === 9;
    try {
      const checked = validateAssignment(
        {
          teacherId: c.teacherId,
          toSchoolId: to,
          startDate: referenceDate,
          mode: shared ? 'SHARED' : 'URBAN_RURAL',
          fraction: shared ? 0.5 : undefined,
        },
        {
          countyId: COUNTY_ID,
          teacher: { countyId: COUNTY_ID, hireDate: hireDateOf.get(c.teacherId) as string, postings: postingsOf.get(c.teacherId) ?? [] },
          toSchool: { schoolId: to, countyId: COUNTY_ID },
          planAssignments: valid,
        },
        policy,
      );
      valid.push(checked);
      assignments.push({
        id: newId(),
        planId,
        countyId: COUNTY_ID,
        teacherId: checked.teacherId,
        fromSchoolId: checked.fromSchoolId,
        toSchoolId: checked.toSchoolId,
        startDate: checked.startDate,
        endDate: checked.endDate,
        mode: checked.mode,
        kind: checked.kind,
        teamId: checked.teamId,
        fractionMilli: checked.fractionMilli,
        subject: c.subject,
        backbone: c.backbone,
        postingId: null,
        createdBy: ACTOR.userId,
        createdAt: now,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  const plans = app.get(RotationPlanRepository);
  await app.get(TransactionHost).run(async () => {
    await plans.insert({
      id: planId,
      countyId: COUNTY_ID,
      year: Number(referenceDate.slice(0, 4)),
      title: 'bench',
      status: 'APPROVED',
      lastDay: assignments.reduce((last, a) => (a.endDate > last ? a.endDate : last), referenceDate),
      createdBy: ACTOR.userId,
      createdByUsername: ACTOR.username,
      createdAt: now,
      submittedAt: now,
      submittedBy: ACTOR.userId,
      approvedAt: now,
      approvedBy: ACTOR.userId,
      activatedAt: null,
      activatedBy: null,
      completedAt: null,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      version: 3,
      updatedAt: now,
    });
    await app.get(BulkWriter).insert(
      'rotation_assignment',
      assignments.map((a) => ({
        id: a.id,
        plan_id: a.planId,
        county_id: a.countyId,
        teacher_id: a.teacherId,
        from_school_id: a.fromSchoolId,
        to_school_id: a.toSchoolId,
        start_date: a.startDate,
        end_date: a.endDate,
        mode: a.mode,
        kind: a.kind,
        team_id: a.teamId,
        fraction_milli: a.fractionMilli,
        subject: a.subject,
        backbone: a.backbone,
        posting_id: null,
        created_by: a.createdBy,
        created_at: a.createdAt,
      })),
    );
  });
  return { planId, assignments, postingsOf, hireDateOf };
}

/** Thrown at the end of a measured activation to roll its transaction back, so that the next run starts from the same rows. */
class RollBack extends Error {}

/** Runs `work` in a transaction and rolls it back; answers the time it took and what `inspect` read before the rollback. */
async function rolledBack<T>(tx: TransactionHost, work: () => Promise<unknown>, inspect: () => Promise<T>): Promise<{ seconds: number; seen: T }> {
  let seconds = 0;
  let seen: T | undefined;
  try {
    await tx.run(async () => {
      const mark = process.hrtime.bigint();
      await work();
      seconds = since(mark);
      seen = await inspect();
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { seconds, seen: seen as T };
}

/** (b′): the activation's posting rows written by hand, from writes computed beforehand. */
function handWrittenActivation(
  tx: TransactionHost,
  planId: string,
  updates: readonly PostingUpdate[],
  inserts: readonly (PostingInsert & { teacherId: string; assignmentId: string })[],
): () => Promise<void> {
  return async () => {
    const now = new Date();
    const stamp = tx.dialect === 'sqlite' ? now.toISOString().replace('T', ' ').replace('Z', '') : now;
    const q = (sql: string, params: unknown[]) => tx.manager.query(sql, params);
    for (const u of updates) {
      await q('UPDATE posting SET end_date = ?, fraction_milli = ?, version = version + 1, updated_at = ? WHERE id = ?', [
        u.endDate,
        u.fractionMilli,
        stamp,
        u.postingId,
      ]);
    }
    const rows = inserts.map((row) => ({ id: newId(), row }));
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await q(
        'INSERT INTO posting (id, teacher_id, school_id, start_date, end_date, kind, fraction_milli, version, created_at, updated_at) VALUES ' +
          chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, 1, ?, ?)').join(', '),
        chunk.flatMap(({ id, row }) => [id, row.teacherId, row.schoolId, row.startDate, row.endDate, row.kind, row.fractionMilli, stamp, stamp]),
      );
    }
    for (const { id, row } of rows) {
      if (row.role === 'ASSIGNMENT') await q('UPDATE rotation_assignment SET posting_id = ? WHERE id = ?', [id, row.assignmentId]);
    }
    await q("UPDATE rotation_plan SET status = 'ACTIVE', activated_at = ?, activated_by = ?, version = version + 1, updated_at = ? WHERE id = ?", [
      stamp,
      ACTOR.userId,
      stamp,
      planId,
    ]);
  };
}

/** The postings of the plan's teachers, one line each, sorted: what (b) and (b′) must leave the same. */
function planPostings(tx: TransactionHost, teacherIds: readonly string[]): () => Promise<string[]> {
  return async () => {
    const lines: string[] = [];
    for (let start = 0; start < teacherIds.length; start += 500) {
      const chunk = teacherIds.slice(start, start + 500);
      const rows = await tx.manager.query<
        { teacherId: string; schoolId: string; kind: string; startDate: string; endDate: string | null; fractionMilli: number | string }[]
      >(
        'SELECT teacher_id AS teacherId, school_id AS schoolId, kind, start_date AS startDate, end_date AS endDate, fraction_milli AS fractionMilli ' +
          `FROM posting WHERE teacher_id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const r of rows) lines.push([r.teacherId, r.schoolId, r.kind, r.startDate, r.endDate ?? '-', Number(r.fractionMilli)].join(' '));
    }
    return lines.sort();
  };
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

    // (b) and (b′): activating a plan, each run rolled back.
    const seeded = await seedPlan(
      app,
      generated,
      answer.eligible.map((c) => ({ teacherId: c.teacherId, schoolId: c.schoolId, subject: c.subject, backbone: c.backbone })),
      facts.schools,
      referenceDate,
      policy.parameters,
      options.assignments,
    );
    const writes = seeded.assignments.map((a) =>
      activationWrites(a, seeded.postingsOf.get(a.teacherId) ?? [], seeded.hireDateOf.get(a.teacherId) ?? a.startDate),
    );
    const updates = writes.flatMap((w) => w.update);
    const inserts = writes.flatMap((w, i) =>
      w.insert.map((row) => ({ ...row, teacherId: seeded.assignments[i].teacherId, assignmentId: seeded.assignments[i].id })),
    );
    const shared = seeded.assignments.filter((a) => a.mode === 'SHARED').length;
    console.log(
      `  plan: ${n(seeded.assignments.length)} assignments (${n(seeded.assignments.length - shared)} full-time, ${n(shared)} shared), ` +
        `activation changes ${n(updates.length)} postings and writes ${n(inserts.length)}`,
    );
    const activate = app.get(ActivateRotationPlanUseCase);
    const handWritten = handWrittenActivation(tx, seeded.planId, updates, inserts);
    const fingerprint = planPostings(
      tx,
      seeded.assignments.map((a) => a.teacherId),
    );
    const samples = { a: [] as number[], b: [] as number[] };
    let seen: { a: string[]; b: string[] } = { a: [], b: [] };
    for (let run = 0; run <= options.runs; run++) {
      const a = await rolledBack(tx, () => activate.execute({ actor: ACTOR, id: seeded.planId }), fingerprint);
      const b = await rolledBack(tx, handWritten, fingerprint);
      // The first round warms up.
      if (run === 0) seen = { a: a.seen, b: b.seen };
      else {
        samples.a.push(a.seconds);
        samples.b.push(b.seconds);
      }
    }
    const activation = { a: summarize(samples.a), b: summarize(samples.b) };
    console.log(timingLine(`(b) activation (ActivateRotationPlanUseCase), ${options.runs} runs`, activation.a));
    console.log(timingLine(`(b′) baseline: hand-written SQL writing the same posting rows`, activation.b));
    // The same target, though the use case also reads and locks the plan, checks every assignment again, counts staff
    // requests, records the outbox's jobs, audits, notifies and answers the plan.
    console.log(`  ${ratioLine('(b)/(b′)', activation.a, activation.b, TARGET)}`);
    const before = await fingerprint();
    if (seen.a.join('\n') !== seen.b.join('\n')) {
      const onlyA = seen.a.filter((row) => !seen.b.includes(row));
      const onlyB = seen.b.filter((row) => !seen.a.includes(row));
      problems.push(
        `activation and baseline leave different postings: ${onlyA.length} only after the use case (${onlyA.slice(0, 2).join('; ')}), ${onlyB.length} only after the baseline (${onlyB.slice(0, 2).join('; ')})`,
      );
    } else if (seen.a.length !== before.length + inserts.length) {
      problems.push(`after activation the plan's teachers have ${seen.a.length} postings, ${before.length} before and ${inserts.length} written`);
    } else
      console.log(
        `  cross-checks: the use case and the baseline leave the plan's ${n(seeded.assignments.length)} teachers with the same ${n(seen.a.length)} postings; every run rolled back`,
      );
  } finally {
    await app.close();
  }
  return problems;
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    `rotation: county ${COUNTY_ID}, ${n(options.teachers)} teachers, a plan of ${n(options.assignments)} assignments, ${options.runs} runs` +
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

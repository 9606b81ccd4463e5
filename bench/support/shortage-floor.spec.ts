import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { Clock } from '@app/core';
import { BulkRow, BulkWriter, createScratchDatabase, TransactionHost } from '@app/database';
import {
  addDays,
  addYears,
  findShortages,
  JIANGSU_2024_POLICY,
  Location,
  PolicyParameters,
  PsychologyRole,
  ShortageSchoolFacts,
  Stage,
  schoolYearOf,
  Subject,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { ReferenceDataSeeder } from '../../seeds/reference-data.seeder';
import { SCALE_DEFAULTS, scaleServices, seedCounties } from '../../seeds/scale/seed-counties';
import { SeedModule } from '../../seeds/seed.module';
import { FloorFlag, flagMismatches, shortageFloor } from './shortage-floor';

type ShortagePolicy = PolicyParameters['shortage'];

/**
 * The benchmark's floor (three SQL statements for the whole database, flags decided in JavaScript) against
 * the domain's findShortages run school by school on facts read row by row, on hand-made schools at the edges
 * of the rules and on generated counties, on several days and under a changed policy. On the profile of the
 * environment: a temporary SQLite file, or a scratch database on the server of DATABASE_URL.
 */

/** Every school's facts on the day, read as plain rows and put together in JavaScript, school by school. */
async function factsOn(tx: TransactionHost, day: string): Promise<ShortageSchoolFacts[]> {
  const q = (sql: string) => tx.manager.query<Record<string, string | number | null>[]>(sql);
  const [schools, classifications, enrolments, grades, teachers, extras, postings] = await Promise.all([
    q('SELECT id, stage, township_central FROM school'),
    q('SELECT school_id, effective_from, location FROM school_classification'),
    q('SELECT id, school_id, school_year FROM school_enrolment'),
    q('SELECT enrolment_id, grade, students, classes FROM enrolment_grade'),
    q('SELECT id, name, subject, psychology FROM teacher'),
    q('SELECT teacher_id, subject, fraction_milli FROM teacher_extra_subject'),
    q('SELECT teacher_id, school_id, start_date, end_date, fraction_milli FROM posting'),
  ]);
  const year = schoolYearOf(day);
  const teacherById = new Map(teachers.map((t) => [String(t.id), t]));
  const extrasOf = new Map<string, { subject: Subject; fractionMilli: number }[]>();
  for (const x of extras)
    extrasOf.set(String(x.teacher_id), [
      ...(extrasOf.get(String(x.teacher_id)) ?? []),
      { subject: x.subject as Subject, fractionMilli: Number(x.fraction_milli) },
    ]);
  const gradesOf = new Map<string, { grade: number; students: number; classes: number }[]>();
  for (const g of grades)
    gradesOf.set(String(g.enrolment_id), [
      ...(gradesOf.get(String(g.enrolment_id)) ?? []),
      { grade: Number(g.grade), students: Number(g.students), classes: Number(g.classes) },
    ]);

  return schools.map((school): ShortageSchoolFacts => {
    const schoolId = String(school.id);
    let location: Location | null = null;
    let latest = '';
    for (const c of classifications)
      if (c.school_id === schoolId && String(c.effective_from) <= day && c.location !== null && String(c.effective_from) > latest) {
        latest = String(c.effective_from);
        location = c.location as Location;
      }
    const used = enrolments
      .filter((e) => e.school_id === schoolId && Number(e.school_year) <= year)
      .sort((a, b) => Number(b.school_year) - Number(a.school_year))[0];
    const fractions = new Map<string, number>();
    for (const p of postings)
      if (p.school_id === schoolId && String(p.start_date) <= day && (p.end_date === null || String(p.end_date) >= day))
        fractions.set(String(p.teacher_id), (fractions.get(String(p.teacher_id)) ?? 0) + Number(p.fraction_milli));
    return {
      schoolId,
      stage: school.stage as Stage,
      location,
      townshipCentral: Number(school.township_central) === 1,
      enrolment: used ? { schoolYear: Number(used.school_year), grades: gradesOf.get(String(used.id)) ?? [] } : null,
      staff: [...fractions].map(([teacherId, fractionMilli]) => {
        const t = teacherById.get(teacherId) as Record<string, string | number | null>;
        return {
          teacherId,
          name: String(t.name),
          fractionMilli,
          subject: t.subject as Subject,
          extraSubjects: extrasOf.get(teacherId) ?? [],
          psychology: t.psychology as PsychologyRole,
        };
      }),
    };
  });
}

/** findShortages for every school, as flags. */
async function domainFlags(tx: TransactionHost, day: string, policy: ShortagePolicy): Promise<FloorFlag[]> {
  return (await factsOn(tx, day)).flatMap((facts) =>
    findShortages(facts, policy, 'spec').map((found) => ({
      schoolId: facts.schoolId,
      kind: found.kind,
      subject: found.subject,
      severity: found.severity,
      requiredMilli: Math.round(found.requiredFte * 1000),
      actualMilli: Math.round(found.actualFte * 1000),
      gapMilli: Math.round(found.gap * 1000),
    })),
  );
}

const COUNTY = '320321';
const NOW = new Date('2026-01-01T00:00:00Z');
let sequence = 0;
const id = () => `00000000-0000-7000-8000-${String(++sequence).padStart(12, '0')}`;

/** Hand-made schools at the edges of the rules; the day is 2026-03-15 (school year 2025). */
function edgeCases(): Record<string, BulkRow[]> {
  const rows: Record<string, BulkRow[]> = {
    school: [],
    school_classification: [],
    school_enrolment: [],
    enrolment_grade: [],
    teacher: [],
    teacher_extra_subject: [],
    posting: [],
  };
  const school = (name: string, townshipCentral = false) => {
    const schoolId = id();
    rows.school.push({
      id: schoolId,
      county_id: COUNTY,
      code: `EDGE-${name}`,
      name,
      stage: 'NINE_YEAR',
      township_central: townshipCentral,
      boarding: false,
      group_id: null,
      district_id: null,
      headcount_milli: null,
      headcount_as_of: null,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    });
    return schoolId;
  };
  const classify = (schoolId: string, effectiveFrom: string, location: Location | null, weak: boolean | null = null) =>
    rows.school_classification.push({ id: id(), school_id: schoolId, effective_from: effectiveFrom, location, weak, created_at: NOW });
  const enrol = (schoolId: string, schoolYear: number, grades: Record<number, [classes: number, students: number]>) => {
    const enrolmentId = id();
    rows.school_enrolment.push({ id: enrolmentId, school_id: schoolId, school_year: schoolYear, boarders: 0, version: 1, updated_at: NOW });
    for (const [grade, [classes, students]] of Object.entries(grades))
      rows.enrolment_grade.push({ enrolment_id: enrolmentId, grade: Number(grade), students, classes });
  };
  const teacher = (subject: Subject, options: { psychology?: PsychologyRole; extra?: [Subject, number][] } = {}) => {
    const teacherId = id();
    rows.teacher.push({
      id: teacherId,
      county_id: COUNTY,
      staff_no: `EDGE${sequence}`,
      name: `教师${sequence}`,
      gender: 'FEMALE',
      birth_date: '1985-01-01',
      hire_date: '2008-09-01',
      on_quota: true,
      subject,
      title_level: 'FIRST',
      title_since: '2015-09-01',
      backbone: 'NONE',
      psychology: options.psychology ?? 'NONE',
      post: 'TEACHER',
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    });
    for (const [extra, fractionMilli] of options.extra ?? [])
      rows.teacher_extra_subject.push({ teacher_id: teacherId, subject: extra, fraction_milli: fractionMilli });
    return teacherId;
  };
  const post = (teacherId: string, schoolId: string, fractionMilli = 1000, start = '2020-09-01', end: string | null = null) =>
    rows.posting.push({
      id: id(),
      teacher_id: teacherId,
      school_id: schoolId,
      start_date: start,
      end_date: end,
      kind: 'REGULAR',
      fraction_milli: fractionMilli,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    });

  // Urban on the day (rural from next September); enrolment of 2024 used (2025 missing, 2026 later).
  const urban = school('urban');
  classify(urban, '2005-09-01', 'URBAN', false);
  classify(urban, '2026-09-01', 'RURAL');
  enrol(urban, 2024, { 1: [2, 80], 2: [1, 40], 7: [1, 45] });
  enrol(urban, 2026, { 1: [9, 400] });
  const psychologist = teacher('PSYCHOLOGY', { psychology: 'FULL_TIME' });
  post(psychologist, urban, 500); // half here: the full-time teacher is half missing
  post(
    teacher('CHINESE', {
      extra: [
        ['MUSIC', 600],
        ['FINE_ARTS', 500],
      ],
    }),
    urban,
  ); // extras over a full week: Chinese gets nothing
  post(
    teacher('MATH', {
      extra: [
        ['MATH', 200],
        ['PE', 300],
      ],
    }),
    urban,
    300,
  ); // extra in the main subject
  const twice = teacher('PE');
  post(twice, urban, 300, '2025-09-01', '2026-03-15'); // ends on the day: counts
  post(twice, urban, 200, '2026-03-15', null); // starts on the day: counts
  post(teacher('ENGLISH'), urban, 1000, '2020-09-01', '2026-03-14'); // ended the day before
  post(teacher('ENGLISH'), urban, 1000, '2026-03-16', null); // starts the day after
  post(teacher('MORAL_LAW', { psychology: 'PART_TIME' }), urban, 800);

  // Township central, located by an older row (the later one changes only the weak flag); no enrolment.
  const central = school('central', true);
  classify(central, '2005-09-01', 'RURAL', false);
  classify(central, '2020-09-01', null, true);
  post(psychologist, central, 500);

  // Not classified, no enrolment: nothing to flag.
  post(teacher('MATH'), school('bare'));

  // Nine-year school: PE = 34/16 + 21/14 = 3.625 needed, 2.125 in post: exactly 1.5 short, HIGH.
  const nine = school('nine');
  classify(nine, '2005-09-01', 'TOWN', false);
  enrol(nine, 2025, { 1: [3, 120], 2: [1, 40], 3: [3, 120], 4: [0, 0], 5: [2, 80], 6: [1, 40], 7: [2, 90], 8: [3, 130], 9: [2, 90] });
  post(teacher('PE'), nine);
  post(teacher('PE'), nine);
  post(teacher('PE'), nine, 125);

  // Pupils but no classes: no curriculum flags, psychology and PE/arts judged.
  const noClasses = school('no-classes');
  enrol(noClasses, 2025, { 1: [0, 10] });
  // An enrolment year with no grades: no pupils, nothing is required.
  const empty = school('empty');
  classify(empty, '2005-09-01', 'RURAL', false);
  enrol(empty, 2025, {});
  post(teacher('CHINESE'), empty);
  return rows;
}

describe('the shortage-scan floor agrees with findShortages', () => {
  let app: INestApplicationContext;
  let tx: TransactionHost;
  let policy: ShortagePolicy;
  let today: string;
  let dataDir: string;
  let scratch: { url: string; drop: () => Promise<void> } | null = null;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shortage-floor-'));
    const serverUrl = process.env.DATABASE_URL;
    scratch = serverUrl ? await createScratchDatabase(serverUrl, 'floor') : null;
    const config = loadConfig({ LOG_LEVEL: 'fatal', ...(scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: dataDir }) }, { persistSecret: false });
    app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['fatal'], abortOnError: false });
    tx = app.get(TransactionHost);
    await app.get(ReferenceDataSeeder).seed();
    today = app.get(Clock).today();
    policy = (await app.get(PolicyStore).inForce(today)).parameters.shortage;
    const writer = app.get(BulkWriter);
    const rows = edgeCases();
    await tx.run(async () => {
      for (const table of ['school', 'school_classification', 'school_enrolment', 'enrolment_grade', 'teacher', 'teacher_extra_subject', 'posting'])
        await writer.insert(table, rows[table]);
    });
    // Two generated counties (the first is the edge cases' county: its schools are there, so it is skipped).
    await seedCounties(scaleServices(app), { ...SCALE_DEFAULTS, counties: 3, teachersPerCounty: 2500 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const compare = async (day: string, shortage: ShortagePolicy) => {
    const floor = await shortageFloor(tx, day, shortage);
    const expected = await domainFlags(tx, day, shortage);
    expect(flagMismatches(expected, floor.flags)).toEqual([]);
    expect(floor.flags).toHaveLength(expected.length);
    return floor;
  };

  it('on the hand-made schools at the edges, with the figures worked out by hand', async () => {
    const floor = await compare('2026-03-15', policy);
    const edgeIds = new Map(
      (await tx.manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM school WHERE code LIKE 'EDGE-%'`)).map((s) => [s.name, s.id]),
    );
    const flagsOf = (name: string) =>
      Object.fromEntries(
        floor.flags
          .filter((f) => f.schoolId === edgeIds.get(name))
          .map((f) => [`${f.kind}:${f.subject ?? '-'}`, `${f.severity} ${f.requiredMilli}/${f.actualMilli}/${f.gapMilli}`]),
      );
    expect(flagsOf('nine')['SUBJECT_GAP:PE']).toBe('HIGH 3625/2125/1500');
    expect(flagsOf('central')).toEqual({ 'PSY_FULLTIME_MISSING:PSYCHOLOGY': 'MEDIUM 1000/500/500' });
    expect(flagsOf('bare')).toEqual({});
    expect(flagsOf('empty')).toEqual({});
    expect(flagsOf('no-classes')).toEqual({ 'PSY_PARTTIME_SHORT:PSYCHOLOGY': 'CRITICAL 1000/0/1000', 'PE_ARTS_RATIO_LOW:-': 'CRITICAL 90/0/90' });
    const urban = flagsOf('urban');
    // 2024's enrolment: 120 + 45 pupils; PE 0.3 × 0.3 + 0.5 = 0.59, music 0.6, fine arts 0.5.
    expect(urban['PE_ARTS_RATIO_LOW:-']).toBeUndefined(); // 1.69 in post against 0.9 × 165 ÷ 100 = 1.485
    expect(urban['PSY_FULLTIME_MISSING:PSYCHOLOGY']).toBe('MEDIUM 1000/500/500');
    expect(urban['PSY_PARTTIME_SHORT:PSYCHOLOGY']).toBeUndefined(); // 1 needed, 0.5 + 0.8 in post
    // Chinese: (2×8 + 8) ÷ 16 + 5 ÷ 14 = 1.857…; the teacher's week went to music and fine arts.
    expect(urban['ZERO_COVERAGE:CHINESE']).toBe('CRITICAL 1857/0/1857');
    // Mathematics: 0.3 × (0.5 + 0.2) = 0.21 against (2×4 + 4) ÷ 16 + 5 ÷ 14 = 1.107…
    expect(urban['SUBJECT_GAP:MATH']).toBe('MEDIUM 1107/210/897');
  });

  it('on generated counties, on the day they were generated for and on other days', async () => {
    const yearStart = `${schoolYearOf(today)}-09-01`;
    for (const day of [today, addDays(yearStart, -1), yearStart, addYears(today, -1), addDays(today, 200)]) {
      const floor = await compare(day, policy);
      expect(floor.schools).toBeGreaterThan(140);
      expect(floor.statements).toBe(3);
      if (day === today) expect(new Set(floor.flags.map((f) => f.kind)).size).toBe(5);
    }
  });

  it('reads every number from the policy: other periods, decimal loads and thresholds', async () => {
    const changed = structuredClone(JIANGSU_2024_POLICY.parameters.shortage);
    changed.weeklyPeriods.PE = changed.weeklyPeriods.PE.map((periods) => periods + 0.25);
    changed.standardLoad = { primary: 15.5, junior: 13, senior: 12.5 };
    changed.gapThreshold = 0.3;
    changed.highSeverityGap = 1.2;
    changed.psychology = { fullTimeRequiredLocations: ['URBAN', 'TOWN'], fullTimeRequiredTownshipCentral: false, studentsPerTeacher: 400 };
    changed.peArts = { subjects: ['PE', 'MUSIC'], minPer100Students: 1.1 };
    const day = today;
    const before = await shortageFloor(tx, day, policy);
    const after = await compare(day, changed);
    expect(after.flags.length).not.toBe(before.flags.length);
    await compare('2026-03-15', changed);
  });
});

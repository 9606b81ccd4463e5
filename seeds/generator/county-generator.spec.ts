import {
  addDays,
  addYears,
  BackboneLevel,
  cycleOf,
  expectedHoursToDate,
  findOverload,
  findShortages,
  gradesOfStage,
  groupBy,
  JIANGSU_2024_POLICY,
  LOCATIONS,
  Post,
  POSTING_KINDS,
  principalLinkProblem,
  Stage,
  Subject,
  TitleLevel,
  validateTeacherFacts,
} from '@app/domain';
import type { BulkRow } from '@app/database';
import { CountySpec, GeneratedCounty, generateCounty, IdSource } from './county-generator';
import { COUNTY_TOWNS, TOWNS } from './names';
import { needsFullTimePsychology } from './school-staffing';
import { shortageFactsOf } from './shortage-facts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const FENGXIAN: CountySpec = {
  countyId: '320321',
  countyName: '丰县',
  zone: 'SUBEI',
  schools: 12,
  teachers: 200,
  today: '2026-03-10',
  seed: 7,
  codePrefix: 'FX',
  shortage: JIANGSU_2024_POLICY.parameters.shortage,
};

/** A few shapes of county (zones, sizes, a day before and after 1 September, a featured teacher), so the rarer branches are met too. */
const SPECS: CountySpec[] = [
  FENGXIAN,
  {
    ...FENGXIAN,
    countyId: '320481',
    countyName: '溧阳',
    zone: 'SUNAN',
    seed: 11,
    codePrefix: 'LY',
    schools: 30,
    teachers: 900,
    featuredTeacher: true,
  },
  { ...FENGXIAN, countyId: '321281', countyName: '兴化', zone: 'SUZHONG', seed: 3, codePrefix: 'XH', today: '2025-10-20' },
  { ...FENGXIAN, countyId: '320102', countyName: '玄武区', zone: 'SUNAN', seed: 99, codePrefix: 'C320102-', schools: 74, teachers: 5300 },
];

const ID_TABLES = ['schools', 'classifications', 'enrolments', 'teachers', 'postings'] as const;

const str = (row: BulkRow, column: string): string => row[column] as string;
const strOrNull = (row: BulkRow, column: string): string | null => row[column] as string | null;
const num = (row: BulkRow, column: string): number => row[column] as number;

function byKey(rows: BulkRow[], column: string): Map<string, BulkRow[]> {
  return groupBy(rows, (row) => str(row, column));
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

function schoolYearOf(today: string): number {
  return Number(today.slice(0, 4)) - (today.slice(5) < '09-01' ? 1 : 0);
}

describe.each(SPECS.map((spec) => [`${spec.countyName}, ${spec.schools} schools, ${spec.teachers} teachers, seed ${spec.seed}`, spec] as const))(
  'generateCounty (%s)',
  (_label, spec) => {
    let county: GeneratedCounty;
    let schoolIds: Set<string>;
    let teacherIds: Set<string>;

    beforeAll(() => {
      county = generateCounty(spec);
      schoolIds = new Set(county.schools.map((s) => str(s, 'id')));
      teacherIds = new Set(county.teachers.map((t) => str(t, 'id')));
    });

    it('makes the schools and about the teachers asked for', () => {
      expect(county.schools).toHaveLength(spec.schools);
      expect(county.directory).toHaveLength(spec.schools);
      expect(county.enrolments).toHaveLength(spec.schools);
      expect(county.teachers.length).toBeGreaterThanOrEqual(spec.teachers * 0.95);
      expect(county.teachers.length).toBeLessThanOrEqual(spec.teachers * 1.05);
      expect(county.postings.length).toBeGreaterThanOrEqual(county.teachers.length);
      expect([...county.schools, ...county.teachers].filter((row) => row.county_id !== spec.countyId)).toEqual([]);
    });

    it('gives every row a distinct time-ordered id, increasing within each table in the order rows are written', () => {
      const ids = ID_TABLES.flatMap((table) => county[table].map((row) => str(row, 'id')));
      expect(ids.filter((id) => !UUID_V7.test(id))).toEqual([]);
      expect(duplicates(ids)).toEqual([]);
      for (const table of ID_TABLES) {
        const inOrder = county[table].map((row) => str(row, 'id'));
        expect([...inOrder].sort()).toEqual(inOrder);
      }
    });

    it('keeps school codes and staff numbers unique, under the county prefix', () => {
      const codes = county.schools.map((s) => str(s, 'code'));
      const staffNos = county.teachers.map((t) => str(t, 'staff_no'));
      expect(duplicates(codes)).toEqual([]);
      expect(duplicates(staffNos)).toEqual([]);
      expect([...codes, ...staffNos].filter((value) => !value.startsWith(spec.codePrefix) || value.length > 32)).toEqual([]);
    });

    it('classifies every school from 2005-09-01 with both location and weak; later changes set at least one', () => {
      const problems: string[] = [];
      const bySchool = byKey(county.classifications, 'school_id');
      for (const id of schoolIds) {
        const rows = bySchool.get(id) ?? [];
        const first = rows.find((r) => r.effective_from === '2005-09-01');
        if (!first || !(LOCATIONS as readonly unknown[]).includes(first.location) || typeof first.weak !== 'boolean')
          problems.push(`${id}: no complete classification from 2005-09-01`);
        if (duplicates(rows.map((r) => str(r, 'effective_from'))).length > 0) problems.push(`${id}: two changes on one day`);
        for (const row of rows) {
          if (str(row, 'effective_from') < '2005-09-01') problems.push(`${id}: change before 2005-09-01`);
          if (row.location === null && row.weak === null) problems.push(`${id}: empty change on ${str(row, 'effective_from')}`);
        }
      }
      expect([...bySchool.keys()].filter((id) => !schoolIds.has(id))).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('enrols each school in the grades of its stage (teaching points 1–4), this school year, classes ≤ students', () => {
      const problems: string[] = [];
      const stageOf = new Map(county.schools.map((s) => [str(s, 'id'), str(s, 'stage') as Stage]));
      const gradesByEnrolment = byKey(county.grades, 'enrolment_id');
      expect(new Set(county.enrolments.map((e) => str(e, 'school_id')))).toEqual(schoolIds);
      expect([...gradesByEnrolment.keys()].sort()).toEqual(county.enrolments.map((e) => str(e, 'id')).sort());
      for (const enrolment of county.enrolments) {
        const school = str(enrolment, 'school_id');
        const stage = stageOf.get(school) as Stage;
        const rows = gradesByEnrolment.get(str(enrolment, 'id')) ?? [];
        const grades = rows.map((g) => num(g, 'grade')).join(',');
        const expected = (stage === 'TEACHING_POINT' ? [1, 2, 3, 4] : gradesOfStage(stage)).join(',');
        if (grades !== expected) problems.push(`${school} (${stage}): grades ${grades}, expected ${expected}`);
        if (enrolment.school_year !== schoolYearOf(spec.today)) problems.push(`${school}: school year ${String(enrolment.school_year)}`);
        let students = 0;
        for (const row of rows) {
          if (!(num(row, 'classes') >= 1 && num(row, 'classes') <= num(row, 'students')))
            problems.push(`${school} grade ${num(row, 'grade')}: ${num(row, 'classes')} classes for ${num(row, 'students')} students`);
          students += num(row, 'students');
        }
        if (!(num(enrolment, 'boarders') >= 0 && num(enrolment, 'boarders') <= students))
          problems.push(`${school}: ${num(enrolment, 'boarders')} boarders`);
      }
      expect(problems).toEqual([]);
    });

    it('keeps every teacher at or under one full post on every day, from the hire date on, at generated schools', () => {
      const problems: string[] = [];
      const postingsByTeacher = byKey(county.postings, 'teacher_id');
      expect([...postingsByTeacher.keys()].filter((id) => !teacherIds.has(id))).toEqual([]);
      for (const teacher of county.teachers) {
        const who = str(teacher, 'staff_no');
        const hired = str(teacher, 'hire_date');
        const postings = postingsByTeacher.get(str(teacher, 'id')) ?? [];
        const spans = postings.map((p) => ({
          startDate: str(p, 'start_date'),
          endDate: strOrNull(p, 'end_date'),
          fractionMilli: num(p, 'fraction_milli'),
        }));
        const overload = findOverload(spans);
        if (overload) problems.push(`${who}: ${overload.totalMilli}/1000 on ${overload.date}`);
        if (!spans.some((s) => s.startDate <= spec.today && (s.endDate === null || s.endDate >= spec.today)))
          problems.push(`${who}: not posted today`);
        for (const posting of postings) {
          const [start, end, fraction] = [posting.start_date, posting.end_date, posting.fraction_milli].map(String);
          if (!schoolIds.has(str(posting, 'school_id'))) problems.push(`${who}: posted at unknown school ${str(posting, 'school_id')}`);
          if (str(posting, 'start_date') < hired) problems.push(`${who}: posting from ${start}, hired ${hired}`);
          if (str(posting, 'start_date') > spec.today) problems.push(`${who}: posting from ${start}, after today`);
          if (posting.end_date !== null && str(posting, 'end_date') < str(posting, 'start_date')) problems.push(`${who}: posting ${start}..${end}`);
          if (!(num(posting, 'fraction_milli') > 0 && num(posting, 'fraction_milli') <= 1000)) problems.push(`${who}: fraction ${fraction}`);
          if (!(POSTING_KINDS as readonly unknown[]).includes(posting.kind)) problems.push(`${who}: kind ${String(posting.kind)}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it("makes each school's principal a teacher holding the post, posted there today: what a principal's account is linked to", () => {
      const teacherById = new Map(county.teachers.map((t) => [str(t, 'id'), t]));
      const postingsByTeacher = byKey(county.postings, 'teacher_id');
      const problems: string[] = [];
      for (const school of county.directory) {
        const head = teacherById.get(school.principalId ?? '');
        if (!head) {
          problems.push(`${school.code}: no principal`);
          continue;
        }
        const postings = (postingsByTeacher.get(str(head, 'id')) ?? []).map((p) => ({
          schoolId: str(p, 'school_id'),
          endDate: strOrNull(p, 'end_date'),
        }));
        const problem = principalLinkProblem(
          { countyId: str(head, 'county_id'), post: str(head, 'post') as Post },
          { id: school.schoolId, countyId: spec.countyId },
          postings,
          spec.today,
        );
        if (problem) problems.push(`${school.code}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });

    it("names town and village schools after the county's own towns where they are known, else after a town with 镇", () => {
      const own = COUNTY_TOWNS[spec.countyId];
      const towns = own ?? TOWNS.map((town) => `${town}镇`);
      const unnamed = county.directory
        .filter((school) => school.location !== 'URBAN')
        .filter((school) => !towns.some((town) => school.name.startsWith(`${spec.countyName}${town}`)));
      expect(unnamed).toEqual([]);
      expect(county.directory.filter((school) => school.location === 'URBAN' && !school.name.startsWith(spec.countyName))).toEqual([]);
    });

    it('gives every teacher facts that validateTeacherFacts accepts', () => {
      const problems: string[] = [];
      const extrasByTeacher = byKey(county.extraSubjects, 'teacher_id');
      expect([...extrasByTeacher.keys()].filter((id) => !teacherIds.has(id))).toEqual([]);
      for (const teacher of county.teachers) {
        const facts = {
          birthDate: str(teacher, 'birth_date'),
          hireDate: str(teacher, 'hire_date'),
          subject: str(teacher, 'subject') as Subject,
          extraSubjects: (extrasByTeacher.get(str(teacher, 'id')) ?? []).map((e) => ({
            subject: str(e, 'subject') as Subject,
            fraction: num(e, 'fraction_milli') / 1000,
          })),
          title: { level: str(teacher, 'title_level') as TitleLevel, since: strOrNull(teacher, 'title_since') },
          backbone: str(teacher, 'backbone') as BackboneLevel,
        };
        try {
          validateTeacherFacts(facts);
        } catch (error) {
          problems.push(`${str(teacher, 'staff_no')}: ${JSON.stringify((error as { details?: unknown }).details ?? (error as Error).message)}`);
        }
        if (facts.hireDate > spec.today) problems.push(`${str(teacher, 'staff_no')}: hired after today`);
        if (facts.birthDate > addYears(spec.today, -20)) problems.push(`${str(teacher, 'staff_no')}: born ${facts.birthDate}`);
        if (facts.title.since && facts.title.since > spec.today) problems.push(`${str(teacher, 'staff_no')}: title since ${facts.title.since}`);
      }
      expect(problems).toEqual([]);
    });

    it('gives extra subjects (一专多能) of 0.1 to 0.5 of a week, at most half a week a teacher, to teachers posted full time at one school today', () => {
      const problems: string[] = [];
      const fullTimeAtOneSchool = new Set(
        shortageFactsOf(county, spec.today).flatMap((school) =>
          school.staff.filter((member) => member.fractionMilli === 1000).map((member) => member.teacherId),
        ),
      );
      for (const [teacherId, rows] of byKey(county.extraSubjects, 'teacher_id')) {
        const total = rows.reduce((sum, row) => sum + num(row, 'fraction_milli'), 0);
        if (total > 500) problems.push(`${teacherId}: ${total}/1000 of the week in extra subjects`);
        if (!fullTimeAtOneSchool.has(teacherId)) problems.push(`${teacherId}: extra subjects, not posted full time at one school today`);
        for (const row of rows)
          if (num(row, 'fraction_milli') < 100 || num(row, 'fraction_milli') % 50 !== 0) problems.push(`${teacherId}: ${num(row, 'fraction_milli')}`);
      }
      expect(problems).toEqual([]);
      expect(county.extraSubjects.length).toBeGreaterThan(county.teachers.length / 10);
    });

    it('staffs the schools against the policy: a shortage scan today finds a subject nobody teaches at few schools, a full-time psychology teacher wherever one is required', () => {
      const shortage = JIANGSU_2024_POLICY.parameters.shortage;
      const facts = shortageFactsOf(county, spec.today);
      const flags = facts.map((school) => findShortages(school, shortage, JIANGSU_2024_POLICY.version));
      expect(flags.filter((found) => found.some((flag) => flag.kind === 'ZERO_COVERAGE')).length).toBeLessThanOrEqual(Math.ceil(spec.schools / 10));
      const required = facts.filter((school) => needsFullTimePsychology(school.location, school.townshipCentral, shortage));
      expect(required.length).toBeGreaterThan(0);
      expect(required.filter((school) => !school.staff.some((member) => member.psychology === 'FULL_TIME'))).toEqual([]);
    });
  },
);

describe('the featured teacher of the demo', () => {
  const training = JIANGSU_2024_POLICY.parameters.training;
  const spec: CountySpec = { ...FENGXIAN, today: '2026-11-29', featuredTeacher: true, training: { policy: training, mode: 'realistic' } };
  let county: GeneratedCounty;
  let featured: NonNullable<GeneratedCounty['featured']>;
  let teacher: BulkRow;

  beforeAll(() => {
    county = generateCounty(spec);
    featured = county.featured as NonNullable<GeneratedCounty['featured']>;
    teacher = county.teachers.find((t) => t.id === featured.teacherId) as BulkRow;
  });

  it('is an ordinary teacher of the first school, holding the first-level title for five full years or more', () => {
    expect(featured).not.toBeNull();
    expect(featured.homeSchoolCode).toBe('FX0001');
    expect(teacher).toMatchObject({ post: 'TEACHER', title_level: 'FIRST', title_since: '2020-09-01' });
    expect(str(teacher, 'hire_date') <= '2011-09-01').toBe(true);
  });

  it('was rotated to a rural school on the first of the month seven months ago, for three years, with no rural or weak service before', () => {
    const postings = county.postings.filter((p) => p.teacher_id === featured.teacherId);
    const rural = county.directory.find((school) => school.schoolId === featured.ruralSchoolId);
    expect(rural?.location).toBe('RURAL');
    expect(featured.rotationStart).toBe('2026-04-01');
    expect(postings.map((p) => [p.school_id, p.start_date, p.end_date, p.kind, p.fraction_milli])).toEqual([
      [county.directory[0].schoolId, expect.any(String), '2026-03-31', 'REGULAR', 1000],
      [featured.ruralSchoolId, '2026-04-01', '2029-03-31', 'ROTATION', 1000],
    ]);
    // The first school is urban and never weak: the service rule counts only the rotation, 243 days by today, short of 365.
    expect(county.classifications.filter((c) => c.school_id === county.directory[0].schoolId)).toEqual([
      expect.objectContaining({ effective_from: '2005-09-01', location: 'URBAN', weak: false }),
    ]);
    expect(addDays(featured.rotationStart, 364) > spec.today).toBe(true);
  });

  it('is ahead of pace in the current training cycle, every record approved', () => {
    const cycle = cycleOf(spec.today, training);
    const records = county.trainingRecords.filter((r) => r.teacher_id === featured.teacherId && str(r, 'start_date') >= cycle.start);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.status === 'APPROVED' && r.kind === 'RECORD')).toBe(true);
    const approved = records.reduce((sum, r) => sum + num(r, 'hours'), 0);
    expect(approved).toBeGreaterThanOrEqual(expectedHoursToDate(cycle, str(teacher, 'hire_date'), spec.today, training));
  });

  it('is made only when asked for, and the same way every time', () => {
    expect(generateCounty(FENGXIAN).featured).toBeNull();
    expect(generateCounty(FENGXIAN).featuredShortages).toBeNull();
    expect(generateCounty({ ...spec }).featured).toEqual(featured);
  });
});

describe('generateCounty determinism', () => {
  it('generates the same county from the same spec', () => {
    expect(generateCounty(FENGXIAN)).toEqual(generateCounty({ ...FENGXIAN }));
  });

  it('generates a different county, with other ids, from another seed', () => {
    const a = generateCounty(FENGXIAN);
    const b = generateCounty({ ...FENGXIAN, seed: FENGXIAN.seed + 1 });
    expect(b.teachers.map((t) => t.name)).not.toEqual(a.teachers.map((t) => t.name));
    expect(b.schools.map((s) => s.name)).not.toEqual(a.schools.map((s) => s.name));
    const idsOfA = new Set(ID_TABLES.flatMap((table) => a[table].map((row) => row.id)));
    expect(ID_TABLES.flatMap((table) => b[table]).filter((row) => idsOfA.has(row.id))).toEqual([]);
  });

  it('never repeats an id between counties', () => {
    const ids = Array.from({ length: 5 }, (_, i) =>
      generateCounty({ ...FENGXIAN, countyId: `32030${i}`, seed: i, codePrefix: `C32030${i}-`, schools: 40, teachers: 2000 }),
    ).flatMap((county) => ID_TABLES.flatMap((table) => county[table].map((row) => str(row, 'id'))));
    expect(duplicates(ids)).toEqual([]);
  });
});

describe('IdSource', () => {
  const FROM = Date.parse('2026-09-01T00:00:00Z');

  // Ids drawn from the 32-bit Random repeated about 500 times over the province's 1.3 million rows.
  it('names a province of rows without a repeat, the same way every time, even when sources start at the same millisecond', () => {
    const ids = new Set<string>();
    for (let county = 0; county < 4; county++) {
      const source = new IdSource(`county-${county}`, FROM);
      for (let i = 0; i < 100_000; i++) ids.add(source.next());
    }
    expect(ids.size).toBe(400_000);
    const again = new IdSource('county-0', FROM);
    const first = new IdSource('county-0', FROM);
    expect(Array.from({ length: 5 }, () => again.next())).toEqual(Array.from({ length: 5 }, () => first.next()));
    expect(again.next()).toMatch(UUID_V7);
  });

  it('draws increasing ids whose first 48 bits are the milliseconds from the start, 4,096 a millisecond', () => {
    const source = new IdSource('county-0', FROM);
    const drawn = Array.from({ length: 10_000 }, () => source.next());
    expect([...drawn].sort()).toEqual(drawn);
    const millisecond = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millisecond(drawn[0])).toBe(FROM);
    expect(millisecond(drawn[4095])).toBe(FROM);
    expect(millisecond(drawn[4096])).toBe(FROM + 1);
    expect(millisecond(drawn[9999])).toBe(FROM + 2);
  });
});

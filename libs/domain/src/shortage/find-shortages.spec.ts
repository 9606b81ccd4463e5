import fc from 'fast-check';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { PolicyParameters } from '../policy/policy.schema';
import { bandOfGrade, LOCATIONS, PSYCHOLOGY_ROLES, STAGES, SUBJECTS } from '../reference/codes';
import type { Location, PsychologyRole, Subject } from '../reference/codes';
import { findShortages } from './find-shortages';
import { SHORTAGE_KINDS } from './shortage-types';
import type { FoundShortage, ShortageKind, ShortageSchoolFacts, ShortageStaffMember } from './shortage-types';

type ShortagePolicy = PolicyParameters['shortage'];

const POLICY = JIANGSU_2024_POLICY.parameters.shortage;
const VERSION = JIANGSU_2024_POLICY.version;

/** The shipped shortage parameters with some changed (a deep copy: the shipped set is never touched). */
function policyWith(change: (policy: ShortagePolicy) => void): ShortagePolicy {
  const copy = structuredClone(POLICY);
  change(copy);
  return copy;
}

let nextId = 0;
function teacher(
  subject: Subject,
  options: { fraction?: number; extra?: [Subject, number][]; psychology?: PsychologyRole; name?: string } = {},
): ShortageStaffMember {
  nextId += 1;
  return {
    teacherId: `t${nextId}`,
    name: options.name ?? `教师${nextId}`,
    fractionMilli: Math.round((options.fraction ?? 1) * 1000),
    subject,
    extraSubjects: (options.extra ?? []).map(([extra, share]) => ({ subject: extra, fractionMilli: Math.round(share * 1000) })),
    psychology: options.psychology ?? 'NONE',
  };
}

/** A school with the given classes per grade (grade → classes), 30 pupils a class unless `students` says otherwise. */
function school(
  classes: Record<number, number> | null,
  staff: ShortageStaffMember[],
  options: { location?: Location | null; townshipCentral?: boolean; students?: Record<number, number> } = {},
): ShortageSchoolFacts {
  return {
    schoolId: 'school-1',
    stage: 'TWELVE_YEAR',
    location: options.location === undefined ? 'RURAL' : options.location,
    townshipCentral: options.townshipCentral ?? false,
    enrolment:
      classes === null
        ? null
        : {
            schoolYear: 2025,
            grades: Object.entries(classes).map(([grade, count]) => ({
              grade: Number(grade),
              classes: count,
              students: options.students?.[Number(grade)] ?? count * 30,
            })),
          },
    staff,
  };
}

/** One class in each of grades 1–6: 180 pupils. */
const SIX_CLASS_PRIMARY = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 };

function find(facts: ShortageSchoolFacts, policy: ShortagePolicy = POLICY): FoundShortage[] {
  return findShortages(facts, policy, VERSION);
}

function flag(found: FoundShortage[], kind: ShortageKind, subject: Subject | null): FoundShortage | undefined {
  return found.find((f) => f.kind === kind && f.subject === subject);
}

/** The curriculum flags of a subject (either kind). */
function curriculum(found: FoundShortage[], subject: Subject): FoundShortage | undefined {
  return found.find((f) => (f.kind === 'SUBJECT_GAP' || f.kind === 'ZERO_COVERAGE') && f.subject === subject);
}

const milli = (value: number) => Math.round(value * 1000);

describe('shortages of the curriculum (items 7 and 13)', () => {
  it('a 6-class primary school with no PE teacher needs (4+4+3+3+3+3) ÷ 16 = 1.25 PE FTE: nobody teaches it, CRITICAL', () => {
    // The default table gives PE 4 periods in grades 1–2 and 3 in grades 3–6, so it is 20 ÷ 16, not 6 × 3 ÷ 16.
    const pe = flag(find(school(SIX_CLASS_PRIMARY, [teacher('CHINESE')])), 'ZERO_COVERAGE', 'PE');
    expect(pe).toMatchObject({ severity: 'CRITICAL', requiredFte: 1.25, actualFte: 0, gap: 1.25 });
    expect(pe?.explanation.required.grades).toEqual([
      { grade: 1, band: 'primary', classes: 1, weeklyPeriods: 4, standardLoad: 16, fte: 0.25 },
      { grade: 2, band: 'primary', classes: 1, weeklyPeriods: 4, standardLoad: 16, fte: 0.25 },
      // 3 ÷ 16 = 0.1875 four times: two lines show 0.188 and two 0.187, so that the column adds up to 1.25.
      { grade: 3, band: 'primary', classes: 1, weeklyPeriods: 3, standardLoad: 16, fte: 0.188 },
      { grade: 4, band: 'primary', classes: 1, weeklyPeriods: 3, standardLoad: 16, fte: 0.188 },
      { grade: 5, band: 'primary', classes: 1, weeklyPeriods: 3, standardLoad: 16, fte: 0.187 },
      { grade: 6, band: 'primary', classes: 1, weeklyPeriods: 3, standardLoad: 16, fte: 0.187 },
    ]);
    expect(pe?.explanation).toMatchObject({
      policyVersion: 'jiangsu-2024.1',
      required: { fte: 1.25, schoolYear: 2025, students: null },
      actual: { fte: 0, teachers: [] },
      parameters: { gapThreshold: 0.5, highSeverityGap: 1.5, 'standardLoad.primary': 16 },
      summary: {
        zh: '体育与健康：需 1.25 个专任教师当量，现有 0（缺 1.25），无人任教，课程开不齐',
        en: 'Physical education: 1.25 full-time equivalents needed, 0 in post (1.25 short): nobody teaches it',
      },
    });
  });

  it('with PE at 3 periods in every grade, the same school needs 6 × 3 ÷ 16 = 1.125', () => {
    const policy = policyWith((p) => {
      p.weeklyPeriods = { ...p.weeklyPeriods, PE: Array.from({ length: 12 }, () => 3) };
    });
    const pe = flag(find(school(SIX_CLASS_PRIMARY, []), policy), 'ZERO_COVERAGE', 'PE');
    expect(pe).toMatchObject({ requiredFte: 1.125, actualFte: 0, gap: 1.125 });
    expect(pe?.explanation.summary.zh).toBe('体育与健康：需 1.125 个专任教师当量，现有 0（缺 1.125），无人任教，课程开不齐');
  });

  it('works out every subject of the 6-class primary school from the default table', () => {
    const found = find(school(SIX_CLASS_PRIMARY, []));
    const required = Object.fromEntries(found.filter((f) => f.kind === 'ZERO_COVERAGE').map((f) => [f.subject, f.requiredFte]));
    expect(required).toEqual({
      CHINESE: 2.625, // 8+8+7+7+6+6 = 42 ÷ 16
      MATH: 1.625, // 4+4+4+4+5+5 = 26 ÷ 16
      ENGLISH: 0.625, // 2+2+3+3 = 10 ÷ 16
      MORAL_LAW: 0.75, // 6 × 2 ÷ 16
      SCIENCE: 0.625, // 1+1+2+2+2+2 ÷ 16
      INFO_TECH: 0.25, // grades 3–6, 1 period
      PE: 1.25,
      MUSIC: 0.75,
      FINE_ARTS: 0.75,
      LABOR: 0.375,
      COMPREHENSIVE_PRACTICE: 0.375,
      PSYCHOLOGY: 0.188, // 6 × 0.5 ÷ 16 = 0.1875, half a period a week: one lesson every two weeks
    });
  });

  it('counts a teacher giving 0.3 of the week to PE as 0.3, and the main subject as the rest of the week', () => {
    const mathTeacher = teacher('MATH', { extra: [['PE', 0.3]], name: '王老师' });
    const found = find(school(SIX_CLASS_PRIMARY, [mathTeacher]));
    const pe = flag(found, 'SUBJECT_GAP', 'PE');
    expect(pe).toMatchObject({ severity: 'MEDIUM', requiredFte: 1.25, actualFte: 0.3, gap: 0.95 });
    expect(pe?.explanation.actual).toEqual({
      fte: 0.3,
      teachers: [{ teacherId: mathTeacher.teacherId, name: '王老师', postingFraction: 1, share: 0.3, fte: 0.3 }],
    });
    expect(pe?.explanation.summary).toEqual({
      zh: '体育与健康：需 1.25 个专任教师当量，现有 0.3（缺 0.95）',
      en: 'Physical education: 1.25 full-time equivalents needed, 0.3 in post (0.95 short)',
    });
    // Mathematics keeps 1 − 0.3 = 0.7 of the week: 1.625 − 0.7 = 0.925.
    expect(flag(found, 'SUBJECT_GAP', 'MATH')).toMatchObject({ requiredFte: 1.625, actualFte: 0.7, gap: 0.925 });
    expect(flag(found, 'SUBJECT_GAP', 'MATH')?.explanation.actual.teachers).toEqual([
      expect.objectContaining({ postingFraction: 1, share: 0.7, fte: 0.7 }),
    ]);
  });

  it('counts a teacher shared with another school at 0.5 as 0.5, and their extra subjects within that half', () => {
    const shared = teacher('PE', { fraction: 0.5 });
    expect(flag(find(school(SIX_CLASS_PRIMARY, [shared])), 'SUBJECT_GAP', 'PE')).toMatchObject({ actualFte: 0.5, gap: 0.75, severity: 'MEDIUM' });

    // Half a post, of which 0.4 of the week is music: PE 0.5 × 0.6 = 0.3, music 0.5 × 0.4 = 0.2.
    const sharedWithMusic = teacher('PE', { fraction: 0.5, extra: [['MUSIC', 0.4]] });
    const found = find(school(SIX_CLASS_PRIMARY, [sharedWithMusic]));
    expect(flag(found, 'SUBJECT_GAP', 'PE')?.explanation.actual.teachers).toEqual([
      expect.objectContaining({ postingFraction: 0.5, share: 0.6, fte: 0.3 }),
    ]);
    expect(flag(found, 'SUBJECT_GAP', 'MUSIC')).toMatchObject({ requiredFte: 0.75, actualFte: 0.2, gap: 0.55 });

    // The shared half plus 0.3 of a full-time teacher's week: 0.8, a gap of 0.45, under the threshold.
    expect(curriculum(find(school(SIX_CLASS_PRIMARY, [shared, teacher('MATH', { extra: [['PE', 0.3]] })])), 'PE')).toBeUndefined();
  });

  it('flags a subject nobody teaches even when its gap is under the threshold (开不齐)', () => {
    const found = find(school(SIX_CLASS_PRIMARY, [teacher('CHINESE')]));
    expect(flag(found, 'ZERO_COVERAGE', 'INFO_TECH')).toMatchObject({ severity: 'CRITICAL', requiredFte: 0.25, actualFte: 0, gap: 0.25 });
    // Anybody teaching a little of it: a gap of 0.2 is under the threshold, no flag at all.
    const covered = find(school(SIX_CLASS_PRIMARY, [teacher('CHINESE', { extra: [['INFO_TECH', 0.05]] })]));
    expect(curriculum(covered, 'INFO_TECH')).toBeUndefined();
  });

  it('raises a flag from a gap of exactly 0.5 and not below it', () => {
    expect(flag(find(school(SIX_CLASS_PRIMARY, [teacher('PE', { fraction: 0.75 })])), 'SUBJECT_GAP', 'PE')).toMatchObject({
      gap: 0.5,
      severity: 'MEDIUM',
    });
    expect(curriculum(find(school(SIX_CLASS_PRIMARY, [teacher('PE', { fraction: 0.751 })])), 'PE')).toBeUndefined();
  });

  it('is HIGH from a gap of exactly 1.5, MEDIUM just below', () => {
    // Two classes a grade: PE 2 × 20 ÷ 16 = 2.5.
    const twelveClasses = { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2 };
    expect(flag(find(school(twelveClasses, [teacher('PE')])), 'SUBJECT_GAP', 'PE')).toMatchObject({ requiredFte: 2.5, gap: 1.5, severity: 'HIGH' });
    const justMore = [teacher('PE', { fraction: 0.5 }), teacher('PE', { fraction: 0.501 })];
    expect(flag(find(school(twelveClasses, justMore)), 'SUBJECT_GAP', 'PE')).toMatchObject({ gap: 1.499, severity: 'MEDIUM' });
  });

  it('compares exact values with the thresholds, where floating-point sums fall short of them', () => {
    // A nine-year school: PE = (3×4 + 1×4 + 3×3 + 2×3 + 1×3) ÷ 16 + (2×3 + 3×3 + 2×3) ÷ 14 = 34/16 + 21/14 = 3.625.
    const classes = { 1: 3, 2: 1, 3: 3, 4: 0, 5: 2, 6: 1, 7: 2, 8: 3, 9: 2 };
    const naive = Object.entries(classes).reduce((total, [grade, count]) => {
      const g = Number(grade);
      return total + (count * POLICY.weeklyPeriods.PE[g - 1]) / POLICY.standardLoad[bandOfGrade(g)];
    }, 0);
    expect(naive).toBeLessThan(3.625); // 3.6249999999999996: a gap computed so would be MEDIUM
    const staff = [teacher('PE'), teacher('PE'), teacher('PE', { fraction: 0.125 })]; // 2.125 in post
    expect(flag(find(school(classes, staff)), 'SUBJECT_GAP', 'PE')).toMatchObject({
      requiredFte: 3.625,
      actualFte: 2.125,
      gap: 1.5,
      severity: 'HIGH',
    });
  });

  it('divides each grade by the load of its band across the 6/7 and 9/10 boundaries of a twelve-year school', () => {
    const found = find(school({ 6: 1, 7: 1, 9: 1, 10: 1 }, []));
    const pe = flag(found, 'ZERO_COVERAGE', 'PE');
    // 3 ÷ 16 + 3 ÷ 14 + 3 ÷ 14 + 2 ÷ 12 = 0.1875 + 0.2142857 + 0.2142857 + 0.1666667 = 0.7827381
    expect(pe?.requiredFte).toBe(0.783);
    expect(
      pe?.explanation.required.grades.map(({ grade, band, standardLoad, weeklyPeriods }) => ({ grade, band, standardLoad, weeklyPeriods })),
    ).toEqual([
      { grade: 6, band: 'primary', standardLoad: 16, weeklyPeriods: 3 },
      { grade: 7, band: 'junior', standardLoad: 14, weeklyPeriods: 3 },
      { grade: 9, band: 'junior', standardLoad: 14, weeklyPeriods: 3 },
      { grade: 10, band: 'senior', standardLoad: 12, weeklyPeriods: 2 },
    ]);
    // Rounded down to 0.187 + 0.214 + 0.214 + 0.166 = 0.781, the two thousandths missing from 0.783 go to the
    // largest remainders (2/12: 0.667, 3/16: 0.5), which is here also each line's own rounding.
    expect(pe?.explanation.required.grades.map((g) => g.fte)).toEqual([0.188, 0.214, 0.214, 0.167]);
    expect(pe?.explanation.parameters).toMatchObject({ 'standardLoad.primary': 16, 'standardLoad.junior': 14, 'standardLoad.senior': 12 });
    // Physics starts in grade 8: grade 9 has 3 periods, grade 10 has 3; grade 6 and 7 none.
    expect(flag(found, 'ZERO_COVERAGE', 'PHYSICS')?.explanation.required.grades.map((g) => g.grade)).toEqual([9, 10]);
    expect(flag(found, 'ZERO_COVERAGE', 'PHYSICS')?.requiredFte).toBe(0.464); // 3/14 + 3/12 = 0.4642857
  });

  it('raises no curriculum, 1:500 or PE/arts flag for a school with no enrolment, or no classes', () => {
    expect(find(school(null, [teacher('PE')]))).toEqual([]);
    const emptyClasses = find(school({ 1: 0, 2: 0 }, [teacher('PE')]));
    expect(emptyClasses.filter((f) => f.kind === 'SUBJECT_GAP' || f.kind === 'ZERO_COVERAGE')).toEqual([]);
    expect(emptyClasses).toEqual([]);
  });

  it('orders flags by kind, then subject, as their code lists do, and finds the same again from the same facts', () => {
    const facts = school(SIX_CLASS_PRIMARY, [teacher('CHINESE', { extra: [['PE', 0.2]] })], { location: 'URBAN' });
    const found = find(facts);
    const order = found.map((f) => [SHORTAGE_KINDS.indexOf(f.kind), f.subject === null ? -1 : SUBJECTS.indexOf(f.subject)]);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(new Set(found.map((f) => f.kind))).toEqual(new Set(SHORTAGE_KINDS));
    expect(find(facts)).toEqual(found);
  });
});

describe('facts no rule can be applied to', () => {
  it('are refused with a message naming the problem, rather than read past', () => {
    const withGrade = (grade: number) => school({ [grade]: 1 }, [teacher('PE')]);
    expect(() => find(withGrade(13))).toThrow('enrolment grade 13 is outside 1–12');
    expect(() => find(withGrade(0))).toThrow('enrolment grade 0 is outside 1–12');
    expect(() => find({ ...withGrade(3), enrolment: { schoolYear: 2025, grades: [{ grade: 3, classes: -1, students: 30 }] } })).toThrow(
      'enrolment grade 3 has a negative count',
    );
    const overPosted = { ...teacher('PE'), teacherId: 't-over', fractionMilli: 1200 };
    expect(() => find(school(SIX_CLASS_PRIMARY, [overPosted]))).toThrow('teacher t-over is posted at 1.2 of a post');
    const unknown = { ...teacher('PE'), teacherId: 't-x', subject: 'ASTROLOGY' as Subject };
    expect(() => find(school(SIX_CLASS_PRIMARY, [unknown]))).toThrow('teacher t-x teaches an unknown subject ASTROLOGY');
    const tooMuch = { ...teacher('MATH', { extra: [['PE', 1.5]] }), teacherId: 't-y' };
    expect(() => find(school(SIX_CLASS_PRIMARY, [tooMuch]))).toThrow('teacher t-y gives 1.5 of the week to PE');
  });

  it('at the edges are accepted: grades 1 and 12, a full post, an extra subject taking the whole week', () => {
    expect(() => find(school({ 1: 1, 12: 1 }, [teacher('PE'), teacher('MATH', { extra: [['PE', 1]] })]))).not.toThrow();
  });
});

describe('psychology staff (item 13)', () => {
  it('an urban school without a full-time psychology teacher: CRITICAL, required 1, actual 0', () => {
    const found = find(school(SIX_CLASS_PRIMARY, [teacher('CHINESE', { psychology: 'PART_TIME' })], { location: 'URBAN' }));
    const missing = flag(found, 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY');
    expect(missing).toMatchObject({ severity: 'CRITICAL', requiredFte: 1, actualFte: 0, gap: 1 });
    expect(missing?.explanation).toMatchObject({
      summary: {
        zh: '城区学校须配备专职心理健康教师 1 名，现有 0（缺 1）',
        en: 'Urban school: 1 full-time mental-health teacher needed, 0 in post (1 short)',
      },
      required: { fte: 1, grades: [], schoolYear: null, students: null },
      parameters: { 'psychology.fullTimeRequiredLocations': ['URBAN'], 'psychology.fullTimeRequiredTownshipCentral': true, highSeverityGap: 1.5 },
    });
  });

  it('counts a full-time psychology teacher by their posting fraction: shared 0.5, the school still lacks half of one', () => {
    const shared = teacher('PSYCHOLOGY', { fraction: 0.5, psychology: 'FULL_TIME' });
    const missing = flag(find(school(SIX_CLASS_PRIMARY, [shared], { location: 'URBAN' })), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY');
    expect(missing).toMatchObject({ severity: 'MEDIUM', requiredFte: 1, actualFte: 0.5, gap: 0.5 });
    expect(missing?.explanation.actual.teachers).toEqual([
      { teacherId: shared.teacherId, name: shared.name, postingFraction: 0.5, share: 1, fte: 0.5 },
    ]);
    const fullTime = teacher('PSYCHOLOGY', { psychology: 'FULL_TIME' });
    expect(flag(find(school(SIX_CLASS_PRIMARY, [fullTime], { location: 'URBAN' })), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')).toBeUndefined();
  });

  it('a township central school needs one wherever it lies; other town and rural schools do not', () => {
    const central = find(school(SIX_CLASS_PRIMARY, [], { location: 'RURAL', townshipCentral: true }));
    expect(flag(central, 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')?.explanation.summary).toEqual({
      zh: '乡镇中心学校须配备专职心理健康教师 1 名，现有 0（缺 1）',
      en: 'Township central school: 1 full-time mental-health teacher needed, 0 in post (1 short)',
    });
    expect(flag(find(school(SIX_CLASS_PRIMARY, [], { location: 'TOWN' })), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')).toBeUndefined();
    expect(flag(find(school(SIX_CLASS_PRIMARY, [], { location: 'RURAL' })), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')).toBeUndefined();
    expect(flag(find(school(SIX_CLASS_PRIMARY, [], { location: null })), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')).toBeUndefined();
    const both = find(school(SIX_CLASS_PRIMARY, [], { location: 'URBAN', townshipCentral: true }));
    expect(flag(both, 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')?.explanation.summary.zh).toBe(
      '城区学校、乡镇中心学校须配备专职心理健康教师 1 名，现有 0（缺 1）',
    );
  });

  it('applies to an urban school even before its enrolment is recorded', () => {
    expect(find(school(null, [], { location: 'URBAN' })).map((f) => f.kind)).toEqual(['PSY_FULLTIME_MISSING']);
  });

  it('1:500 with 1,234 pupils: ceil(2.468) = 3 psychology teachers, full-time and part-time together', () => {
    const pupils = { 1: 206, 2: 206, 3: 206, 4: 206, 5: 205, 6: 205 };
    const staffed = (staff: ShortageStaffMember[]) =>
      flag(find(school(SIX_CLASS_PRIMARY, staff, { students: pupils })), 'PSY_PARTTIME_SHORT', 'PSYCHOLOGY');
    expect(staffed([])).toMatchObject({ severity: 'CRITICAL', requiredFte: 3, actualFte: 0, gap: 3 });
    expect(staffed([teacher('PSYCHOLOGY', { psychology: 'FULL_TIME' })])).toMatchObject({ severity: 'HIGH', actualFte: 1, gap: 2 });
    const two = [teacher('PSYCHOLOGY', { psychology: 'FULL_TIME' }), teacher('CHINESE', { psychology: 'PART_TIME' })];
    const short = staffed(two);
    expect(short).toMatchObject({ severity: 'MEDIUM', requiredFte: 3, actualFte: 2, gap: 1 });
    expect(short?.explanation).toMatchObject({
      required: { fte: 3, students: 1234, schoolYear: 2025, grades: [] },
      parameters: { 'psychology.studentsPerTeacher': 500, highSeverityGap: 1.5 },
      summary: {
        zh: '心理健康教师（专职和兼职）按师生比 1:500 须配备 3 名（学生 1234 人），现有 2（缺 1）',
        en: 'Mental-health teachers (full- and part-time) at 1:500: 3 needed for 1234 pupils, 2 in post (1 short)',
      },
    });
    // A part-time one shared at 0.5 counts 0.5: 2.5 of 3.
    expect(staffed([...two, teacher('MATH', { psychology: 'PART_TIME', fraction: 0.5 })])).toMatchObject({ actualFte: 2.5, gap: 0.5 });
    expect(staffed([...two, teacher('MATH', { psychology: 'PART_TIME' })])).toBeUndefined();
  });

  it('rounds the 1:500 requirement up only past a whole 500: 1,000 pupils need 2, 1,001 need 3', () => {
    const needed = (students: number) =>
      flag(find(school({ 1: 1 }, [], { students: { 1: students } })), 'PSY_PARTTIME_SHORT', 'PSYCHOLOGY')?.requiredFte;
    expect(needed(1000)).toBe(2);
    expect(needed(1001)).toBe(3);
    expect(needed(1)).toBe(1);
    expect(needed(0)).toBeUndefined();
  });
});

describe('PE and arts teachers per 100 pupils', () => {
  const FIVE_HUNDRED = { 1: 84, 2: 84, 3: 83, 4: 83, 5: 83, 6: 83 };
  const ratio = (staff: ShortageStaffMember[], policy: ShortagePolicy = POLICY) =>
    flag(find(school(SIX_CLASS_PRIMARY, staff, { students: FIVE_HUNDRED }), policy), 'PE_ARTS_RATIO_LOW', null);

  it('500 pupils need 0.9 × 500 ÷ 100 = 4.5; two PE and one music teacher (0.6 per 100) are 1.5 short: HIGH', () => {
    const low = ratio([teacher('PE'), teacher('PE'), teacher('MUSIC')]);
    expect(low).toMatchObject({ severity: 'HIGH', requiredFte: 4.5, actualFte: 3, gap: 1.5 });
    expect(low?.explanation).toMatchObject({
      required: { fte: 4.5, students: 500, schoolYear: 2025, grades: [] },
      parameters: { 'peArts.subjects': ['PE', 'MUSIC', 'FINE_ARTS'], 'peArts.minPer100Students': 0.9, highSeverityGap: 1.5 },
      summary: {
        zh: '体育与健康、音乐、美术教师每百名学生 0.6 名，低于 0.9（学生 500 人：需 4.5，现有 3，缺 1.5）',
        en: 'Physical education, Music, Fine arts teachers: 0.6 per 100 pupils, below 0.9 (500 pupils: 4.5 needed, 3 in post, 1.5 short)',
      },
    });
  });

  it('counts each teacher’s share of the week given to PE, music and fine arts, weighted by their posting', () => {
    const staff = [
      teacher('PE'),
      teacher('PE'),
      teacher('MUSIC'),
      teacher('CHINESE', { extra: [['FINE_ARTS', 0.3]] }), // 0.3
      teacher('PE', {
        fraction: 0.5,
        extra: [
          ['MUSIC', 0.2],
          ['MATH', 0.3],
        ],
      }), // 0.5 × (0.5 + 0.2) = 0.35
    ];
    const low = ratio(staff);
    expect(low).toMatchObject({ severity: 'MEDIUM', actualFte: 3.65, gap: 0.85 });
    expect(low?.explanation.actual.teachers.slice(3).map((t) => [t.postingFraction, t.share, t.fte])).toEqual([
      [1, 0.3, 0.3],
      [0.5, 0.7, 0.35],
    ]);
    expect(ratio([...staff, teacher('FINE_ARTS', { fraction: 0.85 })])).toBeUndefined(); // exactly 4.5: 0.9 per 100
    expect(ratio([])).toMatchObject({ severity: 'CRITICAL', actualFte: 0, gap: 4.5 });
  });
});

describe('every threshold is read from the policy', () => {
  const mathTeacher = () => teacher('MATH', { extra: [['PE', 0.3]] });

  it('gapThreshold and highSeverityGap', () => {
    expect(flag(find(school(SIX_CLASS_PRIMARY, [mathTeacher()])), 'SUBJECT_GAP', 'PE')?.severity).toBe('MEDIUM'); // gap 0.95
    const higher = policyWith((p) => {
      p.gapThreshold = 1;
    });
    expect(curriculum(find(school(SIX_CLASS_PRIMARY, [mathTeacher()]), higher), 'PE')).toBeUndefined();
    const stricter = policyWith((p) => {
      p.highSeverityGap = 0.95;
    });
    const pe = flag(find(school(SIX_CLASS_PRIMARY, [mathTeacher()]), stricter), 'SUBJECT_GAP', 'PE');
    expect(pe?.severity).toBe('HIGH');
    expect(pe?.explanation.parameters.highSeverityGap).toBe(0.95);
  });

  it('standardLoad and weeklyPeriods', () => {
    const lighter = policyWith((p) => {
      p.standardLoad = { ...p.standardLoad, primary: 20 };
    });
    expect(flag(find(school(SIX_CLASS_PRIMARY, []), lighter), 'ZERO_COVERAGE', 'PE')?.requiredFte).toBe(1); // 20 ÷ 20
    const junior = policyWith((p) => {
      p.standardLoad = { ...p.standardLoad, junior: 7 };
    });
    expect(flag(find(school({ 6: 1, 7: 1, 9: 1, 10: 1 }, []), junior), 'ZERO_COVERAGE', 'PE')?.requiredFte).toBe(1.211); // 3/16 + 6/7 + 2/12
    const moreMusic = policyWith((p) => {
      p.weeklyPeriods = { ...p.weeklyPeriods, MUSIC: Array.from({ length: 12 }, () => 4) };
    });
    expect(flag(find(school(SIX_CLASS_PRIMARY, []), moreMusic), 'ZERO_COVERAGE', 'MUSIC')?.requiredFte).toBe(1.5);
    const specialEducation = policyWith((p) => {
      p.weeklyPeriods = { ...p.weeklyPeriods, SPECIAL_EDUCATION: Array.from({ length: 12 }, () => 1) };
    });
    expect(flag(find(school(SIX_CLASS_PRIMARY, []), specialEducation), 'ZERO_COVERAGE', 'SPECIAL_EDUCATION')?.requiredFte).toBe(0.375);
    expect(flag(find(school(SIX_CLASS_PRIMARY, [])), 'ZERO_COVERAGE', 'SPECIAL_EDUCATION')).toBeUndefined();
  });

  it('the psychology standards', () => {
    const town = policyWith((p) => {
      p.psychology = { ...p.psychology, fullTimeRequiredLocations: ['URBAN', 'TOWN'] };
    });
    expect(flag(find(school(SIX_CLASS_PRIMARY, [], { location: 'TOWN' }), town), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')?.explanation.summary.zh).toBe(
      '镇区学校须配备专职心理健康教师 1 名，现有 0（缺 1）',
    );
    const noCentral = policyWith((p) => {
      p.psychology = { ...p.psychology, fullTimeRequiredTownshipCentral: false };
    });
    expect(flag(find(school(SIX_CLASS_PRIMARY, [], { townshipCentral: true }), noCentral), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')).toBeUndefined();
    const noUrban = policyWith((p) => {
      p.psychology = { ...p.psychology, fullTimeRequiredLocations: [] };
    });
    expect(flag(find(school(SIX_CLASS_PRIMARY, [], { location: 'URBAN' }), noUrban), 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')).toBeUndefined();
    const per400 = policyWith((p) => {
      p.psychology = { ...p.psychology, studentsPerTeacher: 400 };
    });
    const pupils = { students: { 1: 1234 } };
    expect(flag(find(school({ 1: 1 }, [], pupils)), 'PSY_PARTTIME_SHORT', 'PSYCHOLOGY')?.requiredFte).toBe(3);
    expect(flag(find(school({ 1: 1 }, [], pupils), per400), 'PSY_PARTTIME_SHORT', 'PSYCHOLOGY')?.requiredFte).toBe(4); // ceil(3.085)
  });

  it('the PE and arts ratio', () => {
    const pupils = { students: { 1: 500 } };
    const staff = () => [teacher('PE'), teacher('PE'), teacher('MUSIC')];
    expect(flag(find(school({ 1: 1 }, staff(), pupils)), 'PE_ARTS_RATIO_LOW', null)?.requiredFte).toBe(4.5);
    const lower = policyWith((p) => {
      p.peArts = { ...p.peArts, minPer100Students: 0.6 };
    });
    expect(flag(find(school({ 1: 1 }, staff(), pupils), lower), 'PE_ARTS_RATIO_LOW', null)).toBeUndefined(); // 3 = 0.6 × 5
    const peOnly = policyWith((p) => {
      p.peArts = { ...p.peArts, subjects: ['PE'] };
    });
    expect(flag(find(school({ 1: 1 }, staff(), pupils), peOnly), 'PE_ARTS_RATIO_LOW', null)?.actualFte).toBe(2);
  });
});

describe('every explanation adds up to its figures', () => {
  const member = fc
    .record({
      subject: fc.constantFrom(...SUBJECTS),
      fractionMilli: fc.integer({ min: 1, max: 1000 }),
      extras: fc.uniqueArray(fc.record({ subject: fc.constantFrom(...SUBJECTS), fractionMilli: fc.integer({ min: 1, max: 300 }) }), {
        selector: (e) => e.subject,
        maxLength: 3,
      }),
      psychology: fc.constantFrom(...PSYCHOLOGY_ROLES),
    })
    .map(({ subject, fractionMilli, extras, psychology }) => ({
      fractionMilli,
      subject,
      extraSubjects: extras.filter((e) => e.subject !== subject),
      psychology,
    }));
  const facts = fc.record({
    schoolId: fc.constant('s'),
    stage: fc.constantFrom(...STAGES),
    location: fc.constantFrom(...LOCATIONS, null),
    townshipCentral: fc.boolean(),
    enrolment: fc.option(
      fc.record({
        schoolYear: fc.constant(2025),
        grades: fc.uniqueArray(
          fc.record({ grade: fc.integer({ min: 1, max: 12 }), classes: fc.integer({ min: 0, max: 9 }), students: fc.integer({ min: 0, max: 500 }) }),
          { selector: (g) => g.grade, maxLength: 12 },
        ),
      }),
    ),
    staff: fc
      .array(member, { maxLength: 40 })
      .map((members) => members.map((m, index): ShortageStaffMember => ({ teacherId: `t${index}`, name: `T${index}`, ...m }))),
  });
  // Periods and loads with decimals, so that no figure is a round number by luck.
  const policy = fc
    .record({
      periods: fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2, 3, 4.25), { minLength: 12, maxLength: 12 }),
      loads: fc.record({ primary: fc.constantFrom(16, 15.5, 13), junior: fc.constantFrom(14, 13.5, 11), senior: fc.constantFrom(12, 12.5, 9.75) }),
    })
    .map(({ periods, loads }) =>
      policyWith((p) => {
        p.weeklyPeriods = { ...p.weeklyPeriods, MUSIC: periods };
        p.standardLoad = loads;
      }),
    );

  it('required = Σ grades, actual = Σ teachers, gap = required − actual, to the thousandth exactly; each line within 0.001 of its own value', () => {
    fc.assert(
      fc.property(facts, policy, (school, shortagePolicy) => {
        // Collected, then asserted once per school: a failing case names every line that does not add up.
        const problems: string[] = [];
        const check = (ok: boolean, what: string) => ok || problems.push(what);
        for (const found of findShortages(school, shortagePolicy, VERSION)) {
          const { required, actual } = found.explanation;
          const name = `${found.kind} ${found.subject}`;
          check(required.fte === found.requiredFte && actual.fte === found.actualFte, `${name}: explanation figures`);
          check(milli(found.gap) === milli(found.requiredFte) - milli(found.actualFte), `${name}: gap`);
          if (required.grades.length > 0)
            check(required.grades.reduce((total, g) => total + milli(g.fte), 0) === milli(required.fte), `${name}: Σ grades`);
          check(actual.teachers.reduce((total, t) => total + milli(t.fte), 0) === milli(actual.fte), `${name}: Σ teachers`);
          for (const g of required.grades)
            check(Math.abs(g.fte - (g.classes * g.weeklyPeriods) / g.standardLoad) < 0.001, `${name}: grade ${g.grade}`);
          for (const t of actual.teachers) check(Math.abs(t.fte - t.postingFraction * t.share) < 0.001, `${name}: teacher ${t.teacherId}`);
          check(found.explanation.policyVersion === VERSION && found.explanation.summary.zh.includes(String(found.requiredFte)), `${name}: summary`);
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('flags exactly what a direct computation finds, away from the thresholds, with one flag per kind and subject', () => {
    fc.assert(
      fc.property(facts, policy, (school, shortagePolicy) => {
        const found = findShortages(school, shortagePolicy, VERSION);
        const problems: string[] = [];
        if (new Set(found.map((f) => `${f.kind}:${f.subject}`)).size !== found.length) problems.push('two flags of one kind and subject');
        for (const subject of school.enrolment === null ? [] : SUBJECTS) {
          const required = (school.enrolment?.grades ?? []).reduce(
            (total, g) =>
              total + (g.classes * shortagePolicy.weeklyPeriods[subject][g.grade - 1]) / shortagePolicy.standardLoad[bandOfGrade(g.grade)],
            0,
          );
          const actual = school.staff.reduce((total, t) => {
            const extra = t.extraSubjects.reduce((sum, e) => sum + e.fractionMilli, 0);
            const share = (t.subject === subject ? 1000 - extra : 0) + (t.extraSubjects.find((e) => e.subject === subject)?.fractionMilli ?? 0);
            return total + (t.fractionMilli * share) / 1e6;
          }, 0);
          const flagged = curriculum(found, subject);
          const expected =
            required > 0 && actual === 0
              ? 'ZERO_COVERAGE'
              : required - actual >= shortagePolicy.gapThreshold + 1e-9
                ? 'SUBJECT_GAP'
                : required - actual < shortagePolicy.gapThreshold - 1e-9
                  ? undefined
                  : flagged?.kind; // within a hair of the threshold: the exact figures decide
          if (flagged?.kind !== expected) problems.push(`${subject}: ${flagged?.kind} instead of ${expected}`);
          if (flagged && Math.abs(flagged.requiredFte - required) > 0.0005 + 1e-9)
            problems.push(`${subject}: required ${flagged.requiredFte}, not ${required}`);
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

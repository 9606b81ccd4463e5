import fc from 'fast-check';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import { GRADE_BANDS, LOCATIONS, STAGES } from '../reference/codes';
import type { GradeBand, Location, Stage } from '../reference/codes';
import type { BandEnrolment, QuotaPolicy, QuotaSchoolFacts, StandardQuota } from './quota-types';
import { assertUsableQuotaFacts, bandsOfGrades, smallSchoolReason, standardQuota } from './standard-quota';

const POLICY = JIANGSU_2024_POLICY.parameters.quota;

/** The shipped quota parameters with some changed (a deep copy: the shipped set is never touched). */
function policyWith(change: (policy: QuotaPolicy) => void): QuotaPolicy {
  const copy = structuredClone(POLICY);
  change(copy);
  return copy;
}

/** A school's facts from an enrolment by grade: grade → [students, classes]. */
function school(
  grades: Record<number, [number, number]>,
  options: { stage?: Stage; location?: Location | null; boarders?: number; schoolYear?: number } = {},
): QuotaSchoolFacts {
  return {
    stage: options.stage ?? 'PRIMARY',
    location: options.location === undefined ? 'URBAN' : options.location,
    enrolment: {
      schoolYear: options.schoolYear ?? 2026,
      boarders: options.boarders ?? 0,
      bands: bandsOfGrades(Object.entries(grades).map(([grade, [students, classes]]) => ({ grade: Number(grade), students, classes }))),
    },
  };
}

/** Grades `from`–`to`, each with the same pupils and classes. */
function grades(from: number, to: number, students: number, classes: number): Record<number, [number, number]> {
  return Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, [students, classes]]));
}

function quotaOf(facts: QuotaSchoolFacts, policy: QuotaPolicy = POLICY): StandardQuota {
  const result = standardQuota(facts, policy);
  if (result === null) throw new Error('expected a quota');
  return result;
}

/** The breakdown's posts in thousandths, as whole numbers (so that adding them up is exact). */
const milliOf = (quota: StandardQuota) => quota.breakdown.map((part) => Math.round(part.staff * 1000));
const total = (quota: StandardQuota) => milliOf(quota).reduce((a, b) => a + b, 0);

describe('standardQuota', () => {
  it('computes a nine-year school band by band: primary pupils ÷ 19, junior pupils ÷ 13.5, rounded up once', () => {
    // 480 primary pupils in 12 classes, 405 junior pupils in 9 classes: 480/19 + 405/13.5 = 25.263… + 30 = 55.263… → 56.
    const quota = quotaOf(school({ ...grades(1, 6, 80, 2), ...grades(7, 9, 135, 3) }, { stage: 'NINE_YEAR' }));
    expect(quota.quota).toBe(56);
    expect(quota.students).toBe(885);
    expect(quota.smallSchool).toBeNull();
    expect(quota.breakdown).toEqual([
      {
        rule: 'STUDENT_RATIO',
        band: 'primary',
        students: 480,
        studentsPerStaff: 19,
        classes: null,
        teachersPerClass: null,
        boarders: null,
        boardersPerStaff: null,
        staff: 25.263,
        summary: { zh: '小学学段：学生 480 人 ÷ 生师比 19 = 25.263', en: 'Primary band: 480 pupils ÷ 19 pupils per staff member = 25.263' },
      },
      expect.objectContaining({ rule: 'STUDENT_RATIO', band: 'junior', students: 405, studentsPerStaff: 13.5, staff: 30 }),
      expect.objectContaining({
        rule: 'ROUNDING',
        band: null,
        students: null,
        staff: 0.737,
        summary: { zh: '向上取整为整数编制：+0.737', en: 'Rounded up to whole posts: +0.737' },
      }),
    ]);
    expect(total(quota)).toBe(56_000);
  });

  it('computes a twelve-year school with its three bands (senior pupils ÷ 12.5)', () => {
    // 380/19 + 270/13.5 + 250/12.5 = 20 + 20 + 20: no rounding part at all.
    const quota = quotaOf(school({ ...grades(1, 4, 95, 2), ...grades(7, 8, 135, 3), ...grades(10, 11, 125, 3) }, { stage: 'TWELVE_YEAR' }));
    expect(quota.quota).toBe(60);
    expect(quota.breakdown.map((part) => [part.rule, part.band, part.staff])).toEqual([
      ['STUDENT_RATIO', 'primary', 20],
      ['STUDENT_RATIO', 'junior', 20],
      ['STUDENT_RATIO', 'senior', 20],
    ]);
  });

  it('gives a 60-pupil rural primary school the class ratio when it gives more: 6 classes × 1.8 = 10.8 → 11, not 60 ÷ 19 → 4', () => {
    const quota = quotaOf(school(grades(1, 6, 10, 1), { location: 'RURAL' }));
    expect(quota.quota).toBe(11);
    expect(quota.smallSchool).toEqual({
      reason: 'LOCATION',
      students: 60,
      maxStudents: 100,
      studentRatioQuota: 4,
      classRatioQuota: 11,
      applied: 'CLASS_RATIO',
    });
    expect(quota.breakdown).toEqual([
      {
        rule: 'CLASS_RATIO',
        band: 'primary',
        students: null,
        studentsPerStaff: null,
        classes: 6,
        teachersPerClass: 1.8,
        boarders: null,
        boardersPerStaff: null,
        staff: 10.8,
        summary: { zh: '小学学段：6 个班 × 班师比 1.8 = 10.8', en: 'Primary band: 6 classes × 1.8 staff per class = 10.8' },
      },
      expect.objectContaining({ rule: 'ROUNDING', staff: 0.2 }),
    ]);
    expect(total(quota)).toBe(11_000);
  });

  it('keeps the student ratio for the same school in a town, and in a village from 100 pupils on (fewer than 100 is small)', () => {
    expect(quotaOf(school(grades(1, 6, 10, 1), { location: 'TOWN' }))).toMatchObject({ quota: 4, smallSchool: null });
    expect(quotaOf(school(grades(1, 6, 10, 1), { location: null }))).toMatchObject({ quota: 4, smallSchool: null });
    // 99 pupils: small (class ratio 10.8 → 11); 100 pupils: not small (100/19 → 6).
    const ninetyNine = school({ ...grades(1, 5, 17, 1), 6: [14, 1] }, { location: 'RURAL' });
    expect(quotaOf(ninetyNine)).toMatchObject({ quota: 11, students: 99, smallSchool: { applied: 'CLASS_RATIO' } });
    const hundred = school({ ...grades(1, 5, 17, 1), 6: [15, 1] }, { location: 'RURAL' });
    expect(quotaOf(hundred)).toMatchObject({ quota: 6, students: 100, smallSchool: null });
  });

  it('keeps the student ratio at a small school where it gives at least as much (a tie goes to the student ratio)', () => {
    // 95 pupils in 2 classes: 95/19 = 5 against 2 × 1.8 = 3.6 → 4.
    const quota = quotaOf(school({ 1: [48, 1], 2: [47, 1] }, { location: 'RURAL' }));
    expect(quota).toMatchObject({ quota: 5, smallSchool: { studentRatioQuota: 5, classRatioQuota: 4, applied: 'STUDENT_RATIO' } });
    expect(quota.breakdown.map((part) => part.rule)).toEqual(['STUDENT_RATIO']);
    // 76 pupils in 2 classes: 76/19 = 4 and 3.6 → 4: a tie.
    expect(quotaOf(school({ 1: [38, 1], 2: [38, 1] }, { location: 'RURAL' })).smallSchool).toMatchObject({
      studentRatioQuota: 4,
      classRatioQuota: 4,
      applied: 'STUDENT_RATIO',
    });
  });

  it('applies the class ratio to every teaching point, whatever its location and size', () => {
    // Two one-class grades of 6 pupils: 12/19 → 1 against 2 × 1.8 = 3.6 → 4.
    const point = quotaOf(school({ 1: [6, 1], 2: [6, 1] }, { stage: 'TEACHING_POINT', location: 'URBAN' }));
    expect(point).toMatchObject({ quota: 4, smallSchool: { reason: 'STAGE', studentRatioQuota: 1, classRatioQuota: 4, applied: 'CLASS_RATIO' } });
    expect(point.breakdown.map((part) => [part.rule, part.staff])).toEqual([
      ['CLASS_RATIO', 3.6],
      ['ROUNDING', 0.4],
    ]);
    // 150 pupils in 3 classes: still judged as small (150/19 → 8 against 3 × 1.8 = 5.4 → 6).
    const large = quotaOf(school(grades(1, 3, 50, 1), { stage: 'TEACHING_POINT', location: 'RURAL' }));
    expect(large.smallSchool).toMatchObject({ reason: 'STAGE', students: 150, studentRatioQuota: 8, classRatioQuota: 6, applied: 'STUDENT_RATIO' });
  });

  it('uses the junior class ratio (2.6) and counts a senior band by its student ratio on both sides at a small rural school', () => {
    // Primary 30 pupils in 6 classes, junior 15 in 3, senior 20 in 2 (a village twelve-year school):
    // student ratio 30/19 + 15/13.5 + 20/12.5 = 4.29 → 5; class ratio 6 × 1.8 + 3 × 2.6 + 20/12.5 = 20.2 → 21.
    const quota = quotaOf(
      school({ ...grades(1, 6, 5, 1), ...grades(7, 9, 5, 1), 10: [10, 1], 11: [10, 1] }, { stage: 'TWELVE_YEAR', location: 'RURAL' }),
    );
    expect(quota.smallSchool).toMatchObject({ studentRatioQuota: 5, classRatioQuota: 21, applied: 'CLASS_RATIO' });
    expect(quota.breakdown.map((part) => [part.rule, part.band, part.classes ?? part.students, part.staff])).toEqual([
      ['CLASS_RATIO', 'primary', 6, 10.8],
      ['CLASS_RATIO', 'junior', 3, 7.8],
      ['STUDENT_RATIO', 'senior', 20, 1.6],
      ['ROUNDING', null, null, 0.8],
    ]);
    expect(quota.quota).toBe(21);
  });

  it('adds the boarding add-on, ceil(boarders ÷ 100), as its own part when enabled', () => {
    // 270 junior pupils ÷ 13.5 = 20; 150 boarders → 2 more.
    const facts = school(grades(7, 9, 90, 2), { stage: 'JUNIOR', boarders: 150 });
    const quota = quotaOf(facts);
    expect(quota.quota).toBe(22);
    expect(quota.boarders).toBe(150);
    expect(quota.breakdown).toEqual([
      expect.objectContaining({ rule: 'STUDENT_RATIO', band: 'junior', staff: 20 }),
      {
        rule: 'BOARDING',
        band: null,
        students: null,
        studentsPerStaff: null,
        classes: null,
        teachersPerClass: null,
        boarders: 150,
        boardersPerStaff: 100,
        staff: 2,
        summary: { zh: '寄宿生 150 人 ÷ 100，向上取整 = 2', en: '150 boarders ÷ 100, rounded up = 2' },
      },
    ]);
    expect(quotaOf(school(grades(7, 9, 90, 2), { boarders: 100 })).quota).toBe(21);
    expect(quotaOf(school(grades(7, 9, 90, 2), { boarders: 101 })).quota).toBe(22);
    expect(quotaOf(school(grades(7, 9, 90, 2), { boarders: 0 })).breakdown.map((part) => part.rule)).toEqual(['STUDENT_RATIO']);
    const disabled = policyWith((p) => (p.boarding.enabled = false));
    expect(quotaOf(facts, disabled)).toMatchObject({ quota: 20, boarders: 150 });
    expect(
      quotaOf(
        facts,
        policyWith((p) => (p.boarding.boardersPerStaff = 40)),
      ).quota,
    ).toBe(24);
  });

  it('rounds the school up once, after adding its bands, and adds boarding after rounding', () => {
    // 10/19 + 10/13.5 = 1.267 → 2; three bands of 10/25 = 0.4 each make 1.2 → 2, where rounding each band would give 3.
    const quota = quotaOf(school({ 1: [10, 1], 7: [10, 1] }, { stage: 'NINE_YEAR' }));
    expect(quota.quota).toBe(2);
    const thirds = policyWith((p) => (p.studentsPerStaff = { primary: 25, junior: 25, senior: 25 }));
    expect(quotaOf(school({ 1: [10, 1], 7: [10, 1], 10: [10, 1] }, { stage: 'TWELVE_YEAR' }), thirds).quota).toBe(2);
    // 1 pupil and 1 boarder: 1/19 → 1, then + ceil(1/100) = 1.
    expect(quotaOf(school({ 1: [1, 1] }, { boarders: 1 })).quota).toBe(2);
  });

  describe('exact arithmetic at exact multiples', () => {
    it('gives exactly 10 for 190 primary pupils ÷ 19, with no rounding part', () => {
      const quota = quotaOf(school(grades(1, 5, 38, 1)));
      expect(quota.quota).toBe(10);
      expect(quota.breakdown).toEqual([expect.objectContaining({ rule: 'STUDENT_RATIO', students: 190, staff: 10 })]);
    });

    it('gives exactly 2 for 27 junior pupils ÷ 13.5 and 10 for 125 senior pupils ÷ 12.5', () => {
      expect(quotaOf(school({ 7: [27, 1] }, { stage: 'JUNIOR' })).quota).toBe(2);
      expect(quotaOf(school({ 10: [125, 3] }, { stage: 'SENIOR' })).quota).toBe(10);
      expect(quotaOf(school({ 10: [126, 3] }, { stage: 'SENIOR' })).quota).toBe(11);
    });

    it('gives exactly 18 for 10 classes × 1.8, where adding 1.8 ten times in floating point gives 18.000000000000004', () => {
      let float = 0;
      for (let i = 0; i < 10; i++) float += 1.8;
      expect(Math.ceil(float)).toBe(19);
      const quota = quotaOf(school(grades(1, 5, 9, 2), { location: 'RURAL' }));
      expect(quota).toMatchObject({ quota: 18, smallSchool: { classRatioQuota: 18, applied: 'CLASS_RATIO' } });
      expect(quota.breakdown.map((part) => part.rule)).toEqual(['CLASS_RATIO']);
    });

    it('takes ratios as written in the policy: 50 classes × 1.1 is 55, not 55.00000000000001 → 56', () => {
      expect(Math.ceil(50 * 1.1)).toBe(56);
      const policy = policyWith((p) => (p.smallSchool.teachersPerClass.primary = 1.1));
      expect(quotaOf(school(grades(1, 5, 1, 10), { stage: 'TEACHING_POINT' }), policy).quota).toBe(55);
    });
  });

  it('reads every number from the policy: ratios, class ratios, the small-school size and its locations and stages', () => {
    const facts = school(grades(1, 6, 10, 1), { location: 'TOWN' });
    expect(quotaOf(facts).quota).toBe(4);
    expect(
      quotaOf(
        facts,
        policyWith((p) => (p.studentsPerStaff.primary = 10)),
      ).quota,
    ).toBe(6);
    expect(
      quotaOf(
        facts,
        policyWith((p) => (p.smallSchool.locations = ['RURAL', 'TOWN'])),
      ).quota,
    ).toBe(11);
    expect(
      quotaOf(
        school(grades(1, 6, 10, 1), { location: 'RURAL' }),
        policyWith((p) => (p.smallSchool.maxStudents = 60)),
      ).quota,
    ).toBe(4);
    expect(
      quotaOf(
        school(grades(1, 6, 10, 1), { location: 'RURAL' }),
        policyWith((p) => (p.smallSchool.teachersPerClass.primary = 2)),
      ).quota,
    ).toBe(12);
    expect(
      quotaOf(
        school(grades(1, 6, 10, 1), { stage: 'PRIMARY' }),
        policyWith((p) => (p.smallSchool.stages = ['PRIMARY'])),
      ).smallSchool,
    ).toMatchObject({
      reason: 'STAGE',
    });
  });

  it('has no quota without an enrolment, and a quota of 0 with no pupils', () => {
    expect(standardQuota({ stage: 'PRIMARY', location: 'URBAN', enrolment: null }, POLICY)).toBeNull();
    expect(quotaOf(school({}))).toMatchObject({ quota: 0, students: 0, breakdown: [] });
    // A teaching point with no pupils and no classes needs nothing either.
    expect(quotaOf(school({}, { stage: 'TEACHING_POINT' }))).toMatchObject({ quota: 0, breakdown: [], smallSchool: { applied: 'STUDENT_RATIO' } });
  });

  it('names the school year whose enrolment was read', () => {
    expect(quotaOf(school({ 1: [19, 1] }, { schoolYear: 2025 })).schoolYear).toBe(2025);
  });

  it('refuses facts no rule can read: a negative or fractional count', () => {
    const bad = (bands: Partial<Record<GradeBand, BandEnrolment>>, boarders = 0): QuotaSchoolFacts => ({
      stage: 'PRIMARY',
      location: 'URBAN',
      enrolment: {
        schoolYear: 2026,
        boarders,
        bands: { primary: { students: 0, classes: 0 }, junior: { students: 0, classes: 0 }, senior: { students: 0, classes: 0 }, ...bands },
      },
    });
    expect(() => standardQuota(bad({ primary: { students: -1, classes: 1 } }), POLICY)).toThrow(RangeError);
    expect(() => standardQuota(bad({ junior: { students: 10, classes: 1.5 } }), POLICY)).toThrow('junior classes must be a whole number');
    expect(() => standardQuota(bad({}, -3), POLICY)).toThrow('boarders');
    expect(() => assertUsableQuotaFacts(bad({ senior: { students: 10, classes: 1 } }))).not.toThrow();
  });

  it('judges smallness by the stage first, then by location and pupils', () => {
    expect(smallSchoolReason('TEACHING_POINT', 'RURAL', 10, POLICY)).toBe('STAGE');
    expect(smallSchoolReason('PRIMARY', 'RURAL', 99, POLICY)).toBe('LOCATION');
    expect(smallSchoolReason('PRIMARY', 'RURAL', 100, POLICY)).toBeNull();
    expect(smallSchoolReason('PRIMARY', 'URBAN', 10, POLICY)).toBeNull();
    expect(smallSchoolReason('PRIMARY', null, 10, POLICY)).toBeNull();
  });

  it('sums an enrolment by grade into its bands (1–6, 7–9, 10–12)', () => {
    expect(
      bandsOfGrades([
        { grade: 6, students: 10, classes: 1 },
        { grade: 7, students: 20, classes: 2 },
        { grade: 9, students: 5, classes: 1 },
        { grade: 10, students: 7, classes: 1 },
      ]),
    ).toEqual({ primary: { students: 10, classes: 1 }, junior: { students: 25, classes: 3 }, senior: { students: 7, classes: 1 } });
  });

  describe('properties', () => {
    const band = fc.record({ students: fc.integer({ min: 0, max: 3000 }), classes: fc.integer({ min: 0, max: 60 }) });
    const facts: fc.Arbitrary<QuotaSchoolFacts> = fc.record({
      stage: fc.constantFrom(...STAGES),
      location: fc.constantFrom(...LOCATIONS, null),
      enrolment: fc.record({
        schoolYear: fc.constant(2026),
        boarders: fc.integer({ min: 0, max: 2000 }),
        bands: fc.record({ primary: band, junior: band, senior: band }),
      }),
    });
    // Small schools are rare among random enrolments: half of the cases are rural schools under 100 pupils.
    const smallBand = fc.record({ students: fc.integer({ min: 0, max: 33 }), classes: fc.integer({ min: 0, max: 6 }) });
    const small: fc.Arbitrary<QuotaSchoolFacts> = fc.record({
      stage: fc.constantFrom(...STAGES),
      location: fc.constant('RURAL' as const),
      enrolment: fc.record({
        schoolYear: fc.constant(2026),
        boarders: fc.integer({ min: 0, max: 99 }),
        bands: fc.record({ primary: smallBand, junior: smallBand, senior: smallBand }),
      }),
    });
    const anySchool = fc.oneof(facts, small);

    /**
     * The quota computed another way, in whole numbers: with the shipped ratios 19 = 19/1, 13.5 = 27/2, 12.5 = 25/2 and
     * class ratios 1.8 = 9/5, 2.6 = 13/5, every figure is a whole number of 1/(19 × 27 × 25 × 5)ths of a post.
     */
    const UNIT = 19n * 27n * 25n * 5n;
    const ceilDiv = (n: bigint, d: bigint) => (n + d - 1n) / d;
    const studentUnits = (b: Record<GradeBand, BandEnrolment>) =>
      BigInt(b.primary.students) * (UNIT / 19n) + BigInt(b.junior.students) * ((UNIT * 2n) / 27n) + BigInt(b.senior.students) * ((UNIT * 2n) / 25n);
    const classUnits = (b: Record<GradeBand, BandEnrolment>) =>
      BigInt(b.primary.classes) * ((UNIT * 9n) / 5n) +
      BigInt(b.junior.classes) * ((UNIT * 13n) / 5n) +
      BigInt(b.senior.students) * ((UNIT * 2n) / 25n);

    it('agrees with a whole-number computation of the rule', () => {
      fc.assert(
        fc.property(anySchool, (f) => {
          const enrolment = f.enrolment as NonNullable<QuotaSchoolFacts['enrolment']>;
          const students = GRADE_BANDS.reduce((sum, b) => sum + enrolment.bands[b].students, 0);
          const byStudents = ceilDiv(studentUnits(enrolment.bands), UNIT);
          const isSmall = f.stage === 'TEACHING_POINT' || (f.location === 'RURAL' && students < 100);
          const base = isSmall ? [byStudents, ceilDiv(classUnits(enrolment.bands), UNIT)].reduce((a, b) => (a > b ? a : b)) : byStudents;
          const boarding = ceilDiv(BigInt(enrolment.boarders), 100n);
          expect(quotaOf(f).quota).toBe(Number(base + boarding));
        }),
        { numRuns: 500 },
      );
    });

    it('gives a breakdown whose parts add up exactly to the quota, each part within 0.001 of its own value', () => {
      fc.assert(
        fc.property(anySchool, (f) => {
          const quota = quotaOf(f);
          expect(total(quota)).toBe(quota.quota * 1000);
          for (const part of quota.breakdown) {
            expect(part.staff).toBeGreaterThanOrEqual(0);
            const value =
              part.rule === 'STUDENT_RATIO'
                ? (part.students as number) / (part.studentsPerStaff as number)
                : part.rule === 'CLASS_RATIO'
                  ? (part.classes as number) * (part.teachersPerClass as number)
                  : part.rule === 'BOARDING'
                    ? Math.ceil((part.boarders as number) / (part.boardersPerStaff as number))
                    : null;
            if (value !== null) expect(Math.abs(part.staff - value)).toBeLessThanOrEqual(0.001 + 1e-9);
          }
          const rounding = quota.breakdown.filter((part) => part.rule === 'ROUNDING');
          expect(rounding.length).toBeLessThanOrEqual(1);
          // Less than one post exactly; shown to the thousandth, at most 1 (0.9996 shows as 1).
          if (rounding[0]) expect(rounding[0].staff).toBeLessThanOrEqual(1);
        }),
        { numRuns: 500 },
      );
    });

    it('never gives a small school less than its student ratio, and gives it the larger of the two', () => {
      fc.assert(
        fc.property(small, (f) => {
          const quota = quotaOf(f);
          const judgement = quota.smallSchool;
          if (judgement === null) throw new Error('a rural school under 100 pupils is small');
          expect(quota.quota - Math.ceil(f.enrolment!.boarders / 100)).toBe(Math.max(judgement.studentRatioQuota, judgement.classRatioQuota));
        }),
      );
    });
  });
});

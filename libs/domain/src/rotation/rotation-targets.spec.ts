import fc from 'fast-check';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { PolicyParameters } from '../policy/policy.schema';
import { BACKBONE_LEVELS, BackboneLevel } from '../reference/codes';
import { rotationCandidates } from './rotation-candidates';
import { ROTATION_MODES, RotationMode } from './rotation-codes';
import type { RotationTeacherFacts } from './rotation-eligibility';
import { CountedAssignment, ceilShare, EligibleTeacher, planCompliance, RotationSchool, rotationTargets } from './rotation-targets';

const policy = JIANGSU_2024_POLICY.parameters;
const withRotation = (rotation: Partial<PolicyParameters['rotation']>) => ({ rotation: { ...policy.rotation, ...rotation } });

describe('annual rotation targets', () => {
  it('ask ⌈10 % × eligible⌉ rotating and ⌈20 % × rotating⌉ backbone teachers: 0, 9, 10, 11 eligible', () => {
    const figures = (eligible: number) => {
      const t = rotationTargets(eligible, policy);
      return [t.minRotating, t.backboneDenominator.count, t.minBackbone];
    };
    expect(figures(0)).toEqual([0, 0, 0]);
    expect(figures(9)).toEqual([1, 1, 1]); // 0.9 → 1; 20 % of 1 = 0.2 → 1
    expect(figures(10)).toEqual([1, 1, 1]); // exactly 1
    expect(figures(11)).toEqual([2, 2, 1]); // 1.1 → 2; 20 % of 2 = 0.4 → 1
    expect(rotationTargets(11, policy)).toEqual({
      eligibleCount: 11,
      minRotating: 2,
      backboneDenominator: { kind: 'ROTATING', count: 2 },
      minBackbone: 1,
    });
  });

  it('take the backbone share of the plan’s rotating teachers when there is a plan', () => {
    // 12 rotating: 20 % × 12 = 2.4 → 3.
    expect(rotationTargets(50, policy, 12)).toMatchObject({ minRotating: 5, backboneDenominator: { kind: 'ROTATING', count: 12 }, minBackbone: 3 });
    expect(rotationTargets(50, policy, 0)).toMatchObject({ minRotating: 5, minBackbone: 0 });
  });

  it('take the backbone share of the eligible teachers under the ELIGIBLE denominator, whatever the plan', () => {
    const eligibleBase = withRotation({ backboneDenominator: 'ELIGIBLE' });
    const figures = (eligible: number) => [
      rotationTargets(eligible, eligibleBase).minRotating,
      rotationTargets(eligible, eligibleBase, 40).minBackbone,
    ];
    expect(figures(0)).toEqual([0, 0]);
    expect(figures(9)).toEqual([1, 2]); // 1.8 → 2
    expect(figures(10)).toEqual([1, 2]); // exactly 2
    expect(figures(11)).toEqual([2, 3]); // 2.2 → 3
    expect(rotationTargets(11, eligibleBase, 40).backboneDenominator).toEqual({ kind: 'ELIGIBLE', count: 11 });
  });

  it('multiply exactly where floating point would round up a whole number', () => {
    expect(0.07 * 100).toBeGreaterThan(7); // the trap: 7.000000000000001, whose ceiling is 8
    expect(rotationTargets(100, withRotation({ minRotatingShare: 0.07 })).minRotating).toBe(7);
    expect(0.14 * 50).toBeGreaterThan(7);
    expect(rotationTargets(50, withRotation({ minRotatingShare: 0.14, minBackboneShare: 0.14 }), 50).minBackbone).toBe(7);
    expect(rotationTargets(30, policy).minRotating).toBe(3);
    expect(ceilShare(0.2, 15)).toBe(3);
    expect(ceilShare(0, 1000)).toBe(0);
    expect(ceilShare(1, 37)).toBe(37);
  });

  it('agree with whole-number arithmetic for any share in thousandths and any count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100_000 }), (thousandths, count) => {
        expect(ceilShare(thousandths / 1000, count)).toBe(Math.floor((thousandths * count + 999) / 1000));
      }),
    );
  });
});

describe('plan compliance', () => {
  const schools: RotationSchool[] = [
    { schoolId: 'u1', location: 'URBAN' },
    { schoolId: 'u2', location: 'URBAN' },
    { schoolId: 'town', location: 'TOWN' },
    { schoolId: 'new', location: null },
  ];
  const eligibleAt = (schoolId: string, count: number, backbone: BackboneLevel = 'NONE'): EligibleTeacher[] =>
    Array.from({ length: count }, (_, i) => ({ teacherId: `${schoolId}-${i}`, schoolId, backbone }));
  // 11 eligible at u1, 10 at u2, 9 at the town school: 30 in the county.
  const eligible = [...eligibleAt('u1', 11), ...eligibleAt('u2', 10), ...eligibleAt('town', 9)];
  const assignment = (teacherId: string, backbone: BackboneLevel = 'NONE', mode: RotationMode = 'DISTRICT'): CountedAssignment => ({
    teacherId,
    backbone,
    mode,
  });

  it('gives required and planned figures per urban school and for the county, met or not', () => {
    const plan = [
      assignment('u1-0', 'COUNTY'),
      assignment('u1-1'),
      assignment('u2-0'),
      assignment('town-0', 'CITY', 'URBAN_RURAL'),
      assignment('someone-else', 'PROVINCE'), // not eligible this year: counts nowhere
      assignment('u2-1', 'PROVINCE', 'SHADOWING'), // shadowing does not count
    ];
    const compliance = planCompliance(plan, eligible, schools, policy);
    // County: 30 eligible → ⌈3⌉ = 3 rotating; 4 rotate, of whom 2 backbone ≥ ⌈20 % × 4⌉ = 1.
    expect(compliance.county).toMatchObject({
      applies: true,
      eligibleCount: 30,
      minRotating: 3,
      rotatingCount: 4,
      backboneDenominator: { kind: 'ROTATING', count: 4 },
      minBackbone: 1,
      backboneRotating: 2,
      rotatingMet: true,
      backboneMet: true,
      meetsTargets: true,
    });
    // Only the urban schools have targets of their own; the town school and the unclassified one do not.
    expect(compliance.schools.map((s) => s.schoolId)).toEqual(['u1', 'u2']);
    const [u1, u2] = compliance.schools;
    // u1: 11 eligible → 2 rotating; 2 rotate, 1 backbone ≥ ⌈0.4⌉ = 1.
    expect(u1).toMatchObject({
      location: 'URBAN',
      eligibleCount: 11,
      minRotating: 2,
      rotatingCount: 2,
      minBackbone: 1,
      backboneRotating: 1,
      meetsTargets: true,
    });
    // u2: 10 eligible → 1 rotating; 1 rotates, no backbone teacher but ⌈20 % × 1⌉ = 1 needed.
    expect(u2).toMatchObject({
      eligibleCount: 10,
      minRotating: 1,
      rotatingCount: 1,
      minBackbone: 1,
      backboneRotating: 0,
      rotatingMet: true,
      backboneMet: false,
      meetsTargets: false,
    });
    expect(u2.summary).toEqual({
      zh: '应交流不少于 1 人（符合条件 10 人 × 10%，向上取整），计划 1 人；其中骨干教师不少于 1 人（交流人数 1 人 × 20%，向上取整），计划 0 人',
      en: 'At least 1 teacher to rotate (10% of 10 eligible, rounded up), 1 planned; at least 1 of them backbone teachers (20% of 1 rotating, rounded up), 0 planned',
    });
    expect(compliance.meetsTargets).toBe(false);
    expect(compliance.uncounted).toEqual([
      { teacherId: 'someone-else', reason: 'NOT_ELIGIBLE' },
      { teacherId: 'u2-1', reason: 'MODE_NOT_COUNTED' },
    ]);
    expect(compliance.parameters).toEqual({
      minRotatingShare: 0.1,
      minBackboneShare: 0.2,
      backboneMinLevel: 'COUNTY',
      backboneDenominator: 'ROTATING',
      targetScopes: ['SCHOOL', 'COUNTY'],
      schoolTargetLocations: ['URBAN'],
    });
  });

  it('decides only by the scopes the policy names', () => {
    const plan = [assignment('u1-0', 'COUNTY'), assignment('u1-1'), assignment('u2-0'), assignment('town-0', 'CITY')];
    const countyOnly = planCompliance(plan, eligible, schools, withRotation({ targetScopes: ['COUNTY'] }));
    expect(countyOnly.schools.map((s) => [s.schoolId, s.applies, s.meetsTargets])).toEqual([
      ['u1', false, true],
      ['u2', false, false],
    ]);
    expect(countyOnly.meetsTargets).toBe(true);
    const schoolsOnly = planCompliance(
      [assignment('u1-0', 'COUNTY'), assignment('u1-1'), assignment('u2-0', 'CITY')],
      eligible,
      schools,
      withRotation({ targetScopes: ['SCHOOL'] }),
    );
    expect(schoolsOnly.county).toMatchObject({ applies: false, meetsTargets: true });
    expect(schoolsOnly.meetsTargets).toBe(true);
    const townToo = planCompliance(plan, eligible, schools, withRotation({ schoolTargetLocations: ['URBAN', 'TOWN'] }));
    expect(townToo.schools.map((s) => [s.schoolId, s.eligibleCount, s.minRotating, s.rotatingCount])).toEqual([
      ['u1', 11, 2, 2],
      ['u2', 10, 1, 1],
      ['town', 9, 1, 1],
    ]);
  });

  it('takes the backbone target of the eligible teachers under the ELIGIBLE denominator', () => {
    const plan = [assignment('u1-0', 'COUNTY'), assignment('u1-1', 'CITY'), assignment('u2-0', 'PROVINCE')];
    const compliance = planCompliance(plan, eligible, schools, withRotation({ backboneDenominator: 'ELIGIBLE' }));
    // County: 20 % × 30 = 6 backbone teachers needed, 3 planned. u1: ⌈2.2⌉ = 3 needed, 2 planned. u2: 2 needed, 1 planned.
    expect(compliance.county).toMatchObject({
      backboneDenominator: { kind: 'ELIGIBLE', count: 30 },
      minBackbone: 6,
      backboneRotating: 3,
      backboneMet: false,
    });
    expect(compliance.schools.map((s) => [s.minBackbone, s.backboneRotating])).toEqual([
      [3, 2],
      [2, 1],
    ]);
  });

  it('counts a teacher once, and nothing for a plan with no eligible teachers', () => {
    const twice = planCompliance([assignment('u1-0', 'COUNTY'), assignment('u1-0', 'COUNTY')], eligible, schools, policy);
    expect(twice.county.rotatingCount).toBe(1);
    const empty = planCompliance([], [], schools, policy);
    expect(empty.county).toMatchObject({ eligibleCount: 0, minRotating: 0, minBackbone: 0, meetsTargets: true });
    expect(empty.meetsTargets).toBe(true);
  });

  describe('whatever the plan', () => {
    const arbitrary = fc.record({
      eligible: fc.array(fc.record({ school: fc.constantFrom('u1', 'u2', 'town'), backbone: fc.constantFrom(...BACKBONE_LEVELS) }), {
        maxLength: 40,
      }),
      chosen: fc.array(fc.record({ index: fc.nat(), mode: fc.constantFrom(...ROTATION_MODES) }), { maxLength: 20 }),
      rotatingThousandths: fc.integer({ min: 0, max: 1000 }),
      backboneThousandths: fc.integer({ min: 0, max: 1000 }),
    });

    it('meets the targets exactly when each applying scope has its ⌈share × base⌉, computed in whole numbers', () => {
      fc.assert(
        fc.property(arbitrary, ({ eligible: list, chosen, rotatingThousandths, backboneThousandths }) => {
          const p = withRotation({ minRotatingShare: rotatingThousandths / 1000, minBackboneShare: backboneThousandths / 1000 });
          const teachers = list.map((t, i) => ({ teacherId: `t${i}`, schoolId: t.school, backbone: t.backbone }));
          // One assignment per teacher per plan (the assignment rules see to it).
          const chosenOnce = [...new Map(chosen.map((c) => [teachers.length === 0 ? 0 : c.index % teachers.length, c])).entries()];
          const plan = teachers.length === 0 ? [] : chosenOnce.map(([index, c]) => ({ ...teachers[index], mode: c.mode }));
          const compliance = planCompliance(
            plan.map((a) => ({ teacherId: a.teacherId, backbone: a.backbone, mode: a.mode })),
            teachers,
            schools,
            p,
          );
          const ceil = (thousandths: number, n: number) => Math.floor((thousandths * n + 999) / 1000);
          const scopeOf = (inScope: (schoolId: string) => boolean) => {
            const counted = new Map(plan.filter((a) => inScope(a.schoolId) && a.mode !== 'SHADOWING').map((a) => [a.teacherId, a]));
            const rotating = counted.size;
            const backbone = [...counted.values()].filter((a) => BACKBONE_LEVELS.indexOf(a.backbone) >= BACKBONE_LEVELS.indexOf('COUNTY')).length;
            const eligibleCount = teachers.filter((t) => inScope(t.schoolId)).length;
            return rotating >= ceil(rotatingThousandths, eligibleCount) && backbone >= ceil(backboneThousandths, rotating);
          };
          expect(compliance.county.meetsTargets).toBe(scopeOf(() => true));
          expect(compliance.schools.map((s) => s.meetsTargets)).toEqual([scopeOf((id) => id === 'u1'), scopeOf((id) => id === 'u2')]);
          expect(compliance.meetsTargets).toBe(scopeOf(() => true) && scopeOf((id) => id === 'u1') && scopeOf((id) => id === 'u2'));
        }),
      );
    });
  });
});

describe('rotation candidates of a county', () => {
  const facts = (teacherId: string, schoolId: string, since: string, overrides: Partial<RotationTeacherFacts> = {}): RotationTeacherFacts => ({
    teacherId,
    birthDate: '1985-01-01',
    onQuota: true,
    post: 'TEACHER',
    backbone: 'NONE',
    postings: [{ schoolId, kind: 'REGULAR', startDate: since, endDate: null, fractionMilli: 1000 }],
    ...overrides,
  });

  it('lists who must rotate and who is exempt, with the targets before any plan', () => {
    const candidates = rotationCandidates(
      [
        facts('a', 'u1', '2015-09-01', { backbone: 'CITY' }),
        facts('b', 'u1', '2019-09-01'),
        facts('c', 'u1', '2010-09-01', { birthDate: '1968-05-01' }),
        facts('d', 'rural', '2012-09-01'),
        facts('e', 'u2', '2024-09-01'),
      ],
      [
        { schoolId: 'u1', location: 'URBAN' },
        { schoolId: 'u2', location: 'URBAN' },
        { schoolId: 'rural', location: 'RURAL' },
      ],
      2026,
      policy,
    );
    expect(candidates.year).toBe(2026);
    expect(candidates.referenceDate).toBe('2026-09-01');
    expect(candidates.eligible.map((c) => [c.teacherId, c.schoolId, c.yearsAtSchool.fullYears, c.countsAsBackbone])).toEqual([
      ['a', 'u1', 11, true],
      ['b', 'u1', 7, false],
      ['d', 'rural', 14, false],
    ]);
    expect(candidates.exempt.map((c) => [c.teacherId, c.exemptions[0].kind])).toEqual([['c', 'AGE']]);
    expect(candidates.notEligibleCount).toBe(1);
    // County: 3 eligible → ⌈0.3⌉ = 1 rotating, ⌈20 % × 1⌉ = 1 backbone; u1: 2 eligible → 1 and 1; u2: none → 0 and 0.
    expect(candidates.targets.county).toMatchObject({ applies: true, eligibleCount: 3, minRotating: 1, minBackbone: 1 });
    expect(candidates.targets.county.summary.zh).toBe(
      '应交流不少于 1 人（符合条件 3 人 × 10%，向上取整）；其中骨干教师不少于 1 人（交流人数 1 人 × 20%，向上取整）',
    );
    expect(candidates.targets.schools.map((s) => [s.schoolId, s.eligibleCount, s.minRotating, s.minBackbone])).toEqual([
      ['u1', 2, 1, 1],
      ['u2', 0, 0, 0],
    ]);
  });
});

import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { PolicyParameters } from '../policy/policy.schema';
import type { PostingAt } from '../postings/posting-rules';
import type { PostingKind } from '../reference/codes';
import { isRotationBackbone, rotationEligibility, rotationReferenceDate, RotationTeacherFacts } from './rotation-eligibility';

const policy = JIANGSU_2024_POLICY.parameters;
const withRotation = (rotation: Partial<PolicyParameters['rotation']>) => ({ rotation: { ...policy.rotation, ...rotation } });

const posting = (schoolId: string, startDate: string, endDate: string | null, kind: PostingKind = 'REGULAR'): PostingAt => ({
  schoolId,
  kind,
  startDate,
  endDate,
  fractionMilli: 1000,
});

function teacher(overrides: Partial<RotationTeacherFacts> = {}): RotationTeacherFacts {
  return {
    teacherId: 't1',
    birthDate: '1985-03-15',
    onQuota: true,
    post: 'TEACHER',
    backbone: 'COUNTY',
    postings: [posting('city', '2020-09-01', null)],
    ...overrides,
  };
}

describe('the reference day of a plan year', () => {
  it('is the policy’s month and day of the plan year; 29 February falls on the 28th in a common year', () => {
    expect(rotationReferenceDate(2026, policy)).toBe('2026-09-01');
    expect(rotationReferenceDate(2026, withRotation({ referenceMonthDay: '03-01' }))).toBe('2026-03-01');
    expect(rotationReferenceDate(2027, withRotation({ referenceMonthDay: '02-29' }))).toBe('2027-02-28');
    expect(rotationReferenceDate(2028, withRotation({ referenceMonthDay: '02-29' }))).toBe('2028-02-29');
  });
});

describe('rotation eligibility', () => {
  it('is eligible with six years exactly on the reference day, and explains itself with the policy’s numbers', () => {
    const answer = rotationEligibility(teacher(), 2026, policy);
    expect(answer).toEqual({
      teacherId: 't1',
      status: 'ELIGIBLE',
      eligible: true,
      referenceDate: '2026-09-01',
      schoolId: 'city',
      post: 'TEACHER',
      backbone: 'COUNTY',
      countsAsBackbone: true,
      yearsAtSchool: { since: '2020-09-01', fullYears: 6, years: 6, required: 6, reachedOn: '2026-09-01', before: [] },
      age: 41,
      reasons: [],
      exemptions: [],
      summary: {
        zh: '自 2020-09-01 起在本校连续任教 6 年，满 6 年（2026-09-01），应交流轮岗',
        en: '6 years at the school without a break since 2020-09-01 on 2026-09-01, 6 required: due to rotate',
      },
      parameters: { minYearsAtSchool: 6, referenceMonthDay: '09-01', exemptAge: 55, backboneMinLevel: 'COUNTY' },
    });
  });

  it('is not eligible one day short, and says when the six years are reached', () => {
    const answer = rotationEligibility(teacher({ postings: [posting('city', '2020-09-02', null)] }), 2026, policy);
    expect(answer).toMatchObject({
      status: 'NOT_ELIGIBLE',
      eligible: false,
      reasons: ['TOO_FEW_YEARS'],
      yearsAtSchool: { since: '2020-09-02', fullYears: 5, years: 5.9, reachedOn: '2026-09-02' },
      summary: {
        zh: '自 2020-09-02 起在本校连续任教 5.9 年，不满 6 年（2026-09-02 满）',
        en: '5.9 years at the school without a break since 2020-09-02, 6 required (reached on 2026-09-02)',
      },
    });
    expect(rotationEligibility(teacher({ postings: [posting('city', '2020-09-02', null)] }), 2027, policy).status).toBe('ELIGIBLE');
  });

  it('starts the count again after a rotation away: eligible again six years after the return', () => {
    const postings = [
      posting('city', '2008-09-01', '2021-08-31'),
      posting('village', '2021-09-01', '2024-08-31', 'ROTATION'),
      posting('city', '2024-09-01', null),
    ];
    expect(rotationEligibility(teacher({ postings }), 2020, policy)).toMatchObject({ status: 'ELIGIBLE', yearsAtSchool: { fullYears: 12 } });
    expect(rotationEligibility(teacher({ postings }), 2023, policy)).toMatchObject({
      status: 'NOT_ELIGIBLE',
      reasons: ['NOT_AT_SCHOOL'],
      schoolId: null,
    });
    expect(rotationEligibility(teacher({ postings }), 2026, policy)).toMatchObject({
      status: 'NOT_ELIGIBLE',
      reasons: ['TOO_FEW_YEARS'],
      yearsAtSchool: { since: '2024-09-01', fullYears: 2, reachedOn: '2030-09-01', before: [{ schoolId: 'village', kind: 'ROTATION' }] },
    });
    expect(rotationEligibility(teacher({ postings }), 2030, policy).status).toBe('ELIGIBLE');
    expect(rotationEligibility(teacher({ postings }), 2023, policy).summary.zh).toBe('2023-09-01 无常规任教学校（交流、支教中或未任教）');
  });

  it('exempts a teacher aged 55 on the reference day, not one who turns 55 the day after', () => {
    const at55 = rotationEligibility(teacher({ birthDate: '1971-09-01' }), 2026, policy);
    expect(at55).toMatchObject({
      status: 'EXEMPT',
      eligible: false,
      age: 55,
      reasons: [],
      exemptions: [{ kind: 'AGE', age: 55, exemptAge: 55 }],
      summary: {
        zh: '自 2020-09-01 起在本校连续任教 6 年，满 6 年（2026-09-01）；2026-09-01 年满 55 周岁（55 周岁及以上免于交流），免于交流',
        en: '6 years at the school without a break since 2020-09-01 on 2026-09-01, 6 required; aged 55 on 2026-09-01 (exempt from 55): exempt',
      },
    });
    expect(rotationEligibility(teacher({ birthDate: '1971-09-02' }), 2026, policy)).toMatchObject({ status: 'ELIGIBLE', age: 54, exemptions: [] });
    // A birthday on 29 February: 55 on 28 February of a common year.
    const leap = rotationEligibility(teacher({ birthDate: '1972-02-29' }), 2027, withRotation({ referenceMonthDay: '02-28' }));
    expect(leap).toMatchObject({ age: 55, status: 'EXEMPT' });
  });

  it('exempts a teacher with a recorded exemption valid on the reference day, its first and last days included', () => {
    const exemption = (validFrom: string, validTo: string | null) => teacher({ exemptions: [{ reason: '病假', validFrom, validTo }] });
    expect(rotationEligibility(exemption('2026-03-01', '2026-09-01'), 2026, policy)).toMatchObject({
      status: 'EXEMPT',
      exemptions: [
        {
          kind: 'RECORDED',
          reason: '病假',
          validFrom: '2026-03-01',
          validTo: '2026-09-01',
          message: { zh: '已登记免于交流：病假（2026-03-01 至 2026-09-01）' },
        },
      ],
    });
    expect(rotationEligibility(exemption('2026-09-01', null), 2026, policy).status).toBe('EXEMPT');
    expect(rotationEligibility(exemption('2026-03-01', '2026-08-31'), 2026, policy).status).toBe('ELIGIBLE');
    expect(rotationEligibility(exemption('2026-09-02', null), 2026, policy).status).toBe('ELIGIBLE');
    const both = rotationEligibility(
      teacher({ birthDate: '1960-01-01', exemptions: [{ reason: '孕期', validFrom: '2026-01-01', validTo: null }] }),
      2026,
      policy,
    );
    expect(both.exemptions.map((e) => e.kind)).toEqual(['AGE', 'RECORDED']);
  });

  it('leaves out teachers off the quota, naming every reason, and lists an exemption without making them exempt', () => {
    const off = rotationEligibility(
      teacher({ onQuota: false, postings: [posting('city', '2023-09-01', null)], birthDate: '1960-01-01' }),
      2026,
      policy,
    );
    expect(off).toMatchObject({ status: 'NOT_ELIGIBLE', reasons: ['NOT_ON_QUOTA', 'TOO_FEW_YEARS'], exemptions: [{ kind: 'AGE', age: 66 }] });
    expect(off.summary.zh).toBe('非在编教师，不列入交流轮岗对象；自 2023-09-01 起在本校连续任教 3 年，不满 6 年（2029-09-01 满）');
    expect(rotationEligibility(teacher({ postings: [] }), 2026, policy)).toMatchObject({
      reasons: ['NOT_AT_SCHOOL'],
      schoolId: null,
      yearsAtSchool: { since: null, reachedOn: null },
    });
  });

  it('judges principals and vice principals by the same years at their school', () => {
    for (const post of ['PRINCIPAL', 'VICE_PRINCIPAL'] as const) {
      expect(rotationEligibility(teacher({ post }), 2026, policy)).toMatchObject({ status: 'ELIGIBLE', post });
      expect(rotationEligibility(teacher({ post, postings: [posting('city', '2021-09-01', null)] }), 2026, policy)).toMatchObject({
        status: 'NOT_ELIGIBLE',
        post,
      });
    }
  });

  it('reads every number from the policy: years, exempt age, reference day, fractional years exactly', () => {
    const five = withRotation({ minYearsAtSchool: 5, exemptAge: 50, referenceMonthDay: '03-01' });
    const answer = rotationEligibility(teacher({ postings: [posting('city', '2021-03-01', null)], birthDate: '1976-03-01' }), 2026, five);
    expect(answer).toMatchObject({ status: 'EXEMPT', referenceDate: '2026-03-01', age: 50, yearsAtSchool: { fullYears: 5, required: 5 } });
    expect(answer.parameters).toEqual({ minYearsAtSchool: 5, referenceMonthDay: '03-01', exemptAge: 50, backboneMinLevel: 'COUNTY' });
    // 6.5 years from 2020-09-01 are reached on 2027-03-03 (183 days into a 365-day year).
    const half = (monthDay: string) => withRotation({ minYearsAtSchool: 6.5, referenceMonthDay: monthDay });
    expect(rotationEligibility(teacher(), 2027, half('03-03'))).toMatchObject({ status: 'ELIGIBLE', yearsAtSchool: { reachedOn: '2027-03-03' } });
    expect(rotationEligibility(teacher(), 2027, half('03-02')).status).toBe('NOT_ELIGIBLE');
  });

  it('is exact on leap days: a run from 29 February has six years on 28 February six years on', () => {
    const feb = withRotation({ referenceMonthDay: '02-28' });
    expect(rotationEligibility(teacher({ postings: [posting('city', '2020-02-29', null)] }), 2026, feb).status).toBe('ELIGIBLE');
    expect(rotationEligibility(teacher({ postings: [posting('city', '2020-03-01', null)] }), 2026, feb)).toMatchObject({
      status: 'NOT_ELIGIBLE',
      yearsAtSchool: { reachedOn: '2026-03-01' },
    });
    const leapDay = withRotation({ referenceMonthDay: '02-29' });
    expect(rotationEligibility(teacher({ postings: [posting('city', '2022-02-28', null)] }), 2028, leapDay)).toMatchObject({
      referenceDate: '2028-02-29',
      status: 'ELIGIBLE',
      yearsAtSchool: { fullYears: 6, years: 6 },
    });
  });

  it('counts as backbone from the policy’s minimum level', () => {
    expect(isRotationBackbone('COUNTY', policy)).toBe(true);
    expect(isRotationBackbone('PROVINCE', policy)).toBe(true);
    expect(isRotationBackbone('SCHOOL', policy)).toBe(false);
    expect(isRotationBackbone('COUNTY', withRotation({ backboneMinLevel: 'CITY' }))).toBe(false);
    expect(rotationEligibility(teacher({ backbone: 'SCHOOL' }), 2026, policy).countsAsBackbone).toBe(false);
  });
});

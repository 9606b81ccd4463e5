import { ValidationFailedError } from '../errors/domain-error';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import {
  evaluateEligibility,
  EligibilityFacts,
  qualifyingIntervalsBySchool,
  serviceRequirementMetOn,
  titleTenure,
  trainingCyclesOf,
} from './eligibility';

const policy = JIANGSU_2024_POLICY.parameters;
const TODAY = '2026-09-01';
const classifications = qualifyingIntervalsBySchool(
  [
    { schoolId: 'village', effectiveFrom: '1990-01-01', location: 'RURAL', weak: false },
    { schoolId: 'city', effectiveFrom: '1990-01-01', location: 'URBAN', weak: false },
    { schoolId: 'struggling', effectiveFrom: '1990-01-01', location: 'TOWN', weak: true },
  ],
  policy,
);

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    hireDate: '2008-09-01',
    title: { level: 'FIRST', since: '2020-01-15' },
    postings: [
      { schoolId: 'city', startDate: '2008-09-01', endDate: '2026-01-31', fractionMilli: 1000 },
      { schoolId: 'village', startDate: '2026-02-01', endDate: null, fractionMilli: 1000 },
    ],
    qualifyingBySchool: classifications,
    approvedTrainingHours: 60,
    ...overrides,
  };
}

describe('senior-title eligibility', () => {
  it('answers like the contract’s example: service missing, with the day it will be reached', () => {
    const answer = evaluateEligibility(facts(), '2026-09-01', policy, TODAY);
    expect(answer.seniorTitle).toEqual({
      eligible: false,
      status: 'NOT_YET',
      rules: [
        {
          code: 'RURAL_OR_WEAK_SERVICE',
          passed: false,
          required: 365,
          actual: 213,
          unit: 'days',
          message: { zh: '乡村或薄弱学校任教经历尚差 152 天（需 365 天）', en: '152 more days at a rural or weak school needed (365 required)' },
        },
        { code: 'TITLE_TENURE', passed: true, required: 5, actual: 6.6, unit: 'years' },
        { code: 'TRAINING_ON_PACE', passed: true, required: 48.1, actual: 60, unit: 'hours' },
      ],
      earliestServiceDate: '2027-01-31',
    });
    expect(answer.principalPriority).toEqual({ priority: false, required: 1095, actual: 213, unit: 'days' });
    expect(answer.qualifyingPeriods).toEqual([{ schoolId: 'village', schoolIds: ['village'], from: '2026-02-01', to: '2026-09-01', days: 213 }]);
  });

  it('is eligible when every rule passes, and then gives no earliest date', () => {
    const answer = evaluateEligibility(facts({ approvedTrainingHours: 80 }), '2027-01-31', policy, '2027-01-31');
    expect(answer.seniorTitle.rules[0]).toMatchObject({ passed: true, actual: 365 });
    expect(answer.seniorTitle.rules[2]).toMatchObject({ passed: true, required: 78.1 });
    expect(answer.seniorTitle.eligible).toBe(true);
    expect(answer.seniorTitle.status).toBe('ELIGIBLE');
    expect(answer.seniorTitle.rules.some((r) => 'message' in r)).toBe(false);
    expect(answer.seniorTitle.earliestServiceDate).toBeNull();
  });

  it('gives no earliest date when the recorded postings never reach the requirement', () => {
    const back = facts({
      postings: [
        { schoolId: 'village', startDate: '2010-09-01', endDate: '2010-12-31', fractionMilli: 1000 },
        { schoolId: 'city', startDate: '2011-01-01', endDate: null, fractionMilli: 1000 },
      ],
    });
    const answer = evaluateEligibility(back, '2026-09-01', policy, TODAY);
    expect(answer.seniorTitle.rules[0]).toMatchObject({ passed: false, actual: 122 });
    expect(answer.seniorTitle.earliestServiceDate).toBeNull();
  });

  it('counts weak schools like rural ones, and three years give principal priority', () => {
    const answer = evaluateEligibility(
      facts({ postings: [{ schoolId: 'struggling', startDate: '2020-09-01', endDate: null, fractionMilli: 1000 }] }),
      '2026-09-01',
      policy,
      TODAY,
    );
    expect(answer.principalPriority).toMatchObject({ priority: true, actual: 2192 });
    expect(answer.seniorTitle.rules[0].passed).toBe(true);
  });

  it('answers a teacher with no postings with zero service', () => {
    const answer = evaluateEligibility(facts({ postings: [] }), '2026-09-01', policy, TODAY);
    expect(answer.seniorTitle.rules[0]).toMatchObject({ actual: 0, passed: false });
    expect(answer.seniorTitle.earliestServiceDate).toBeNull();
    expect(answer.qualifyingPeriods).toEqual([]);
  });

  it('refuses an as-of day before the hire date (400), and projects a future one', () => {
    expect(() => evaluateEligibility(facts(), '2008-08-31', policy, TODAY)).toThrow(ValidationFailedError);
    const future = evaluateEligibility(facts(), '2030-09-01', policy, TODAY);
    expect(future.seniorTitle.rules[0]).toMatchObject({ passed: true, actual: 1674 });
    expect(future.principalPriority.priority).toBe(true);
  });

  it('fails the training rule when approved hours lag the pace, and drops it when the policy does not require it', () => {
    const behind = evaluateEligibility(facts({ approvedTrainingHours: 48 }), '2026-09-01', policy, TODAY);
    expect(behind.seniorTitle.rules[2]).toEqual({
      code: 'TRAINING_ON_PACE',
      passed: false,
      required: 48.1,
      actual: 48,
      unit: 'hours',
      message: {
        zh: '培训学时尚差 0.1 学时（截至 2026-09-01 应完成 48.1 学时）',
        en: '0.1 more training hours needed (48.1 expected by 2026-09-01)',
      },
    });
    const relaxed = {
      ...policy,
      eligibility: { ...policy.eligibility, seniorTitle: { ...policy.eligibility.seniorTitle, requireTrainingOnPace: false } },
    };
    expect(evaluateEligibility(facts({ approvedTrainingHours: 0 }), '2026-09-01', relaxed, TODAY).seniorTitle.rules.map((r) => r.code)).toEqual([
      'RURAL_OR_WEAK_SERVICE',
      'TITLE_TENURE',
    ]);
  });

  it('reads every threshold from the policy', () => {
    const lenient = {
      ...policy,
      eligibility: { ...policy.eligibility, seniorTitle: { ...policy.eligibility.seniorTitle, serviceDays: 200 }, minDailyFraction: 0.5 },
    };
    expect(evaluateEligibility(facts(), '2026-09-01', lenient, TODAY).seniorTitle.rules[0]).toMatchObject({ required: 200, passed: true });
    const townCounts = { ...policy, eligibility: { ...policy.eligibility, qualifyingLocations: ['RURAL', 'URBAN'] as ('RURAL' | 'URBAN')[] } };
    const answer = evaluateEligibility(
      {
        ...facts(),
        qualifyingBySchool: qualifyingIntervalsBySchool(
          [{ schoolId: 'city', effectiveFrom: '1990-01-01', location: 'URBAN', weak: false }],
          townCounts,
        ),
      },
      '2026-09-01',
      townCounts,
      TODAY,
    );
    expect(answer.seniorTitle.rules[0].actual).toBeGreaterThan(6000);
  });
});

describe('teachers who hold the senior title already', () => {
  it('are HOLDS_TITLE and not eligible, whatever the rules say, with the rules still shown', () => {
    for (const level of ['SENIOR', 'PRINCIPAL_SENIOR'] as const) {
      const answer = evaluateEligibility(
        facts({ title: { level, since: '2022-09-01' }, approvedTrainingHours: 80 }),
        '2027-01-31',
        policy,
        '2027-01-31',
      );
      expect(answer.seniorTitle).toMatchObject({ eligible: false, status: 'HOLDS_TITLE', earliestServiceDate: null });
      expect(answer.seniorTitle.rules.map((r) => [r.code, r.passed])).toEqual([
        ['RURAL_OR_WEAK_SERVICE', true],
        ['TITLE_TENURE', true],
        ['TRAINING_ON_PACE', true],
      ]);
    }
    const missing = evaluateEligibility(facts({ title: { level: 'SENIOR', since: '2022-09-01' } }), '2026-09-01', policy, TODAY);
    expect(missing.seniorTitle).toMatchObject({ status: 'HOLDS_TITLE', eligible: false, earliestServiceDate: '2027-01-31' });
    expect(missing.seniorTitle.rules[0].message?.zh).toBe('乡村或薄弱学校任教经历尚差 152 天（需 365 天）');
  });

  it('does not include a first-level teacher, however long they have held it', () => {
    const answer = evaluateEligibility(
      facts({ title: { level: 'FIRST', since: '2009-09-01' }, approvedTrainingHours: 80 }),
      '2027-01-31',
      policy,
      '2027-01-31',
    );
    expect(answer.seniorTitle.status).toBe('ELIGIBLE');
  });
});

describe('an as-of day after today', () => {
  it('judges training today and names the hours to record by the as-of day', () => {
    const answer = evaluateEligibility(facts({ approvedTrainingHours: 60 }), '2028-09-01', policy, TODAY);
    // Today (2026-09-01) 48.1 h are expected: 60 approved pass. By 2028-09-01, 360 × 975/1826 = 192.2 h.
    expect(answer.seniorTitle.rules[2]).toEqual({
      code: 'TRAINING_ON_PACE',
      passed: true,
      required: 48.1,
      actual: 60,
      unit: 'hours',
      hoursToRecordBy: { date: '2028-09-01', hours: 132.2 },
    });
    // Service and tenure on the as-of day itself.
    expect(answer.seniorTitle.rules[0]).toMatchObject({ passed: true, actual: 944 });
    expect(answer.seniorTitle.status).toBe('ELIGIBLE');
  });

  it('fails training on today’s pace with today’s figures, and never asks a negative number of hours', () => {
    const behind = evaluateEligibility(facts({ approvedTrainingHours: 20 }), '2027-01-31', policy, TODAY);
    expect(behind.seniorTitle.rules[2]).toMatchObject({
      passed: false,
      required: 48.1,
      actual: 20,
      message: {
        zh: '培训学时尚差 28.1 学时（截至 2026-09-01 应完成 48.1 学时）',
        en: '28.1 more training hours needed (48.1 expected by 2026-09-01)',
      },
      hoursToRecordBy: { date: '2027-01-31', hours: 58.1 },
    });
    const ahead = evaluateEligibility(facts({ approvedTrainingHours: 300 }), '2027-01-31', policy, TODAY);
    expect(ahead.seniorTitle.rules[2].hoursToRecordBy).toEqual({ date: '2027-01-31', hours: 0 });
  });

  it('counts a later cycle’s pace from that cycle’s own hours', () => {
    // 2031-06-30 lies in the cycle 2031–2035: nothing can be approved there yet.
    const answer = evaluateEligibility(facts({ approvedTrainingHours: 200, approvedHoursInAsOfCycle: 0 }), '2031-06-30', policy, TODAY);
    expect(answer.seniorTitle.rules[2]).toMatchObject({
      passed: true,
      required: 48.1,
      actual: 200,
      hoursToRecordBy: { date: '2031-06-30', hours: 35.7 },
    });
    expect(trainingCyclesOf('2031-06-30', TODAY, policy.training)).toMatchObject({ judged: { start: '2026-01-01' }, asOf: { start: '2031-01-01' } });
    expect(trainingCyclesOf('2028-06-30', TODAY, policy.training)).toMatchObject({ judged: { start: '2026-01-01' }, asOf: null });
    expect(trainingCyclesOf('2024-06-30', TODAY, policy.training)).toMatchObject({ judged: { start: '2021-01-01' }, asOf: null });
  });

  it('adds nothing for today or a past day', () => {
    expect(evaluateEligibility(facts(), TODAY, policy, TODAY).seniorTitle.rules[2]).not.toHaveProperty('hoursToRecordBy');
    expect(evaluateEligibility(facts(), '2026-05-01', policy, TODAY).seniorTitle.rules[2]).not.toHaveProperty('hoursToRecordBy');
  });

  it('owes a teacher hired mid-cycle only the share of the cycle they are employed in', () => {
    // Hired 2026-03-01: 348.5 h owed in 2026–2030; 36.5 h expected on 2026-09-01, 72.2 h on 2027-03-01.
    const answer = evaluateEligibility(
      facts({ hireDate: '2026-03-01', postings: [], title: { level: 'SECOND', since: '2026-03-01' }, approvedTrainingHours: 40 }),
      '2027-03-01',
      policy,
      TODAY,
    );
    expect(answer.seniorTitle.rules[2]).toMatchObject({
      passed: true,
      required: 36.5,
      actual: 40,
      hoursToRecordBy: { date: '2027-03-01', hours: 32.2 },
    });
  });
});

describe('the earliest service date', () => {
  const schoolsWith = (changes: { schoolId: string; effectiveFrom: string; location: 'RURAL' | 'URBAN' | 'TOWN'; weak: boolean }[]) =>
    qualifyingIntervalsBySchool(changes, policy);

  it('follows a rotation to a rural school recorded to start after the as-of day', () => {
    const answer = evaluateEligibility(
      facts({
        postings: [
          { schoolId: 'city', startDate: '2008-09-01', endDate: '2027-08-31', fractionMilli: 1000 },
          { schoolId: 'village', startDate: '2027-09-01', endDate: '2030-08-31', fractionMilli: 1000 },
        ],
      }),
      '2026-09-01',
      policy,
      TODAY,
    );
    expect(answer.seniorTitle.rules[0]).toMatchObject({
      passed: false,
      actual: 0,
      message: { zh: '乡村或薄弱学校任教经历尚差 365 天（需 365 天）' },
    });
    expect(answer.seniorTitle.earliestServiceDate).toBe('2028-08-30'); // 2028 has a 29 February
  });

  it('is null when the rotation ends too soon, and counts a school’s classification on each day', () => {
    const short = facts({ postings: [{ schoolId: 'village', startDate: '2027-09-01', endDate: '2028-06-30', fractionMilli: 1000 }] });
    expect(evaluateEligibility(short, '2026-09-01', policy, TODAY).seniorTitle.earliestServiceDate).toBeNull();
    // A town school that becomes weak on 2027-01-01 (recorded ahead), under an open posting: a school keeps its last classification.
    const improving = schoolsWith([
      { schoolId: 'town', effectiveFrom: '1990-01-01', location: 'TOWN', weak: false },
      { schoolId: 'town', effectiveFrom: '2027-01-01', location: 'TOWN', weak: true },
    ]);
    const open = facts({
      postings: [{ schoolId: 'town', startDate: '2020-09-01', endDate: null, fractionMilli: 1000 }],
      qualifyingBySchool: improving,
    });
    expect(evaluateEligibility(open, '2026-09-01', policy, TODAY).seniorTitle.earliestServiceDate).toBe('2027-12-31');
  });

  it('stops counting when a school stops being rural mid-posting', () => {
    const changing = schoolsWith([
      { schoolId: 'school', effectiveFrom: '1990-01-01', location: 'RURAL', weak: false },
      { schoolId: 'school', effectiveFrom: '2026-03-01', location: 'TOWN', weak: false },
    ]);
    const answer = evaluateEligibility(
      facts({ postings: [{ schoolId: 'school', startDate: '2025-09-01', endDate: null, fractionMilli: 1000 }], qualifyingBySchool: changing }),
      '2026-09-01',
      policy,
      TODAY,
    );
    expect(answer.seniorTitle.rules[0]).toMatchObject({ passed: false, actual: 181 });
    expect(answer.qualifyingPeriods).toEqual([{ schoolId: 'school', schoolIds: ['school'], from: '2025-09-01', to: '2026-02-28', days: 181 }]);
    expect(answer.seniorTitle.earliestServiceDate).toBeNull();
  });

  it('counts 29 February as a day: 365 days from 2024-01-01 end on 2024-12-30', () => {
    const leap = facts({ hireDate: '2024-01-01', postings: [{ schoolId: 'village', startDate: '2024-01-01', endDate: null, fractionMilli: 1000 }] });
    expect(evaluateEligibility(leap, '2024-06-01', policy, '2024-06-01').seniorTitle.earliestServiceDate).toBe('2024-12-30');
    expect(evaluateEligibility(leap, '2024-12-30', policy, '2024-12-30').seniorTitle.rules[0]).toMatchObject({ passed: true, actual: 365 });
    expect(evaluateEligibility(leap, '2024-12-29', policy, '2024-12-29').seniorTitle.rules[0]).toMatchObject({ passed: false, actual: 364 });
  });

  it('is when the requirement is met under given postings, past or future (for plans)', () => {
    expect(serviceRequirementMetOn(facts(), '2026-09-01', policy)).toBe('2027-01-31');
    const long = facts({ postings: [{ schoolId: 'village', startDate: '2010-09-01', endDate: null, fractionMilli: 1000 }] });
    expect(serviceRequirementMetOn(long, '2026-09-01', policy)).toBe('2011-08-31');
    expect(serviceRequirementMetOn(facts({ postings: [] }), '2026-09-01', policy)).toBeNull();
  });
});

describe('rule messages', () => {
  it('name what the tenure rule misses: the title, or the years and the day they are reached', () => {
    const second = evaluateEligibility(facts({ title: { level: 'SECOND', since: '2018-09-01' } }), TODAY, policy, TODAY);
    expect(second.seniorTitle.rules[1].message).toEqual({
      zh: '尚未取得一级教师职称（需任该职称满 5 年）',
      en: 'The title First-level teacher is not held yet (5 years holding it required)',
    });
    const recent = evaluateEligibility(facts({ title: { level: 'FIRST', since: '2024-02-29' } }), TODAY, policy, TODAY);
    expect(recent.seniorTitle.rules[1]).toMatchObject({
      passed: false,
      actual: 2.5,
      message: {
        zh: '任一级教师职称尚不满 5 年（现 2.5 年，2029-02-28 满 5 年）',
        en: '5 years holding the title First-level teacher required (2.5 so far; reached on 2029-02-28)',
      },
    });
  });

  it('take their numbers from the policy, and speak of one day in the singular', () => {
    const lenient = {
      ...policy,
      eligibility: { ...policy.eligibility, seniorTitle: { ...policy.eligibility.seniorTitle, serviceDays: 214, tenureYears: 8 } },
    };
    const answer = evaluateEligibility(facts(), TODAY, lenient, TODAY);
    expect(answer.seniorTitle.rules[0].message).toEqual({
      zh: '乡村或薄弱学校任教经历尚差 1 天（需 214 天）',
      en: '1 more day at a rural or weak school needed (214 required)',
    });
    expect(answer.seniorTitle.rules[1].message?.zh).toBe('任一级教师职称尚不满 8 年（现 6.6 年，2028-01-15 满 8 年）');
  });
});

describe('title tenure', () => {
  it('counts full years: a first-level title from 2021-09-01 has 5 years on 2026-09-01, not the day before', () => {
    expect(titleTenure({ level: 'FIRST', since: '2021-09-01' }, '2026-09-01', 'FIRST', 5)).toEqual({
      code: 'TITLE_TENURE',
      passed: true,
      required: 5,
      actual: 5,
      unit: 'years',
    });
    expect(titleTenure({ level: 'FIRST', since: '2021-09-01' }, '2026-08-31', 'FIRST', 5)).toMatchObject({ passed: false, actual: 4.9 });
  });

  it('counts from Feb 29 to Feb 28 in common years', () => {
    expect(titleTenure({ level: 'FIRST', since: '2020-02-29' }, '2025-02-28', 'FIRST', 5).passed).toBe(true);
    expect(titleTenure({ level: 'FIRST', since: '2020-02-29' }, '2025-02-27', 'FIRST', 5).passed).toBe(false);
  });

  it('fails below the title, passes above it, and fails before the title was obtained', () => {
    expect(titleTenure({ level: 'SECOND', since: '2010-09-01' }, '2026-09-01', 'FIRST', 5)).toMatchObject({ passed: false, actual: 0 });
    expect(titleTenure({ level: 'NONE', since: null }, '2026-09-01', 'FIRST', 5)).toMatchObject({ passed: false, actual: 0 });
    expect(titleTenure({ level: 'SENIOR', since: '2025-09-01' }, '2026-09-01', 'FIRST', 5)).toMatchObject({ passed: true, actual: 1 });
    expect(titleTenure({ level: 'FIRST', since: '2027-01-01' }, '2026-09-01', 'FIRST', 5)).toMatchObject({ passed: false, actual: 0 });
  });
});

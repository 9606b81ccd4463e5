import { ValidationFailedError } from '../errors/domain-error';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import { evaluateEligibility, EligibilityFacts, qualifyingIntervalsBySchool, titleTenure } from './eligibility';

const policy = JIANGSU_2024_POLICY.parameters;
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
    const answer = evaluateEligibility(facts(), '2026-09-01', policy);
    expect(answer.seniorTitle).toEqual({
      eligible: false,
      rules: [
        { code: 'RURAL_OR_WEAK_SERVICE', passed: false, required: 365, actual: 213, unit: 'days' },
        { code: 'TITLE_TENURE', passed: true, required: 5, actual: 6.6, unit: 'years' },
        { code: 'TRAINING_ON_PACE', passed: true, required: 48.1, actual: 60, unit: 'hours' },
      ],
      earliestServiceDate: '2027-01-31',
    });
    expect(answer.principalPriority).toEqual({ priority: false, required: 1095, actual: 213, unit: 'days' });
    expect(answer.qualifyingPeriods).toEqual([{ schoolId: 'village', schoolIds: ['village'], from: '2026-02-01', to: '2026-09-01', days: 213 }]);
  });

  it('is eligible when every rule passes, and then gives no earliest date', () => {
    const answer = evaluateEligibility(facts({ approvedTrainingHours: 80 }), '2027-01-31', policy);
    expect(answer.seniorTitle.rules[0]).toMatchObject({ passed: true, actual: 365 });
    expect(answer.seniorTitle.rules[2]).toMatchObject({ passed: true, required: 78.1 });
    expect(answer.seniorTitle.eligible).toBe(true);
    expect(answer.seniorTitle.earliestServiceDate).toBeNull();
  });

  it('gives no earliest date when the postings of the as-of day do not qualify', () => {
    const back = facts({
      postings: [
        { schoolId: 'village', startDate: '2010-09-01', endDate: '2010-12-31', fractionMilli: 1000 },
        { schoolId: 'city', startDate: '2011-01-01', endDate: null, fractionMilli: 1000 },
      ],
    });
    const answer = evaluateEligibility(back, '2026-09-01', policy);
    expect(answer.seniorTitle.rules[0]).toMatchObject({ passed: false, actual: 122 });
    expect(answer.seniorTitle.earliestServiceDate).toBeNull();
  });

  it('counts weak schools like rural ones, and three years give principal priority', () => {
    const answer = evaluateEligibility(
      facts({ postings: [{ schoolId: 'struggling', startDate: '2020-09-01', endDate: null, fractionMilli: 1000 }] }),
      '2026-09-01',
      policy,
    );
    expect(answer.principalPriority).toMatchObject({ priority: true, actual: 2192 });
    expect(answer.seniorTitle.rules[0].passed).toBe(true);
  });

  it('answers a teacher with no postings with zero service', () => {
    const answer = evaluateEligibility(facts({ postings: [] }), '2026-09-01', policy);
    expect(answer.seniorTitle.rules[0]).toMatchObject({ actual: 0, passed: false });
    expect(answer.seniorTitle.earliestServiceDate).toBeNull();
    expect(answer.qualifyingPeriods).toEqual([]);
  });

  it('refuses an as-of day before the hire date (400), and projects a future one', () => {
    expect(() => evaluateEligibility(facts(), '2008-08-31', policy)).toThrow(ValidationFailedError);
    const future = evaluateEligibility(facts(), '2030-09-01', policy);
    expect(future.seniorTitle.rules[0]).toMatchObject({ passed: true, actual: 1674 });
    expect(future.principalPriority.priority).toBe(true);
  });

  it('fails the training rule when approved hours lag the pace, and drops it when the policy does not require it', () => {
    const behind = evaluateEligibility(facts({ approvedTrainingHours: 48 }), '2026-09-01', policy);
    expect(behind.seniorTitle.rules[2]).toEqual({ code: 'TRAINING_ON_PACE', passed: false, required: 48.1, actual: 48, unit: 'hours' });
    const relaxed = {
      ...policy,
      eligibility: { ...policy.eligibility, seniorTitle: { ...policy.eligibility.seniorTitle, requireTrainingOnPace: false } },
    };
    expect(evaluateEligibility(facts({ approvedTrainingHours: 0 }), '2026-09-01', relaxed).seniorTitle.rules.map((r) => r.code)).toEqual([
      'RURAL_OR_WEAK_SERVICE',
      'TITLE_TENURE',
    ]);
  });

  it('reads every threshold from the policy', () => {
    const lenient = {
      ...policy,
      eligibility: { ...policy.eligibility, seniorTitle: { ...policy.eligibility.seniorTitle, serviceDays: 200 }, minDailyFraction: 0.5 },
    };
    expect(evaluateEligibility(facts(), '2026-09-01', lenient).seniorTitle.rules[0]).toMatchObject({ required: 200, passed: true });
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
    );
    expect(answer.seniorTitle.rules[0].actual).toBeGreaterThan(6000);
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

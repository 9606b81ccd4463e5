import { ValidationFailedError } from '../errors/domain-error';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { PolicyParameters } from '../policy/policy.schema';
import { rotationEligibility } from './rotation-eligibility';
import { currentRotationYear, rotationExemptionProblems, validateRotationExemption } from './rotation-exemption';

const policy = JIANGSU_2024_POLICY.parameters;
const withRotation = (rotation: Partial<PolicyParameters['rotation']>) => ({ rotation: { ...policy.rotation, ...rotation } });

describe('a recorded exemption', () => {
  it('may last one day, or have no end', () => {
    expect(rotationExemptionProblems({ reason: 'ILLNESS', validFrom: '2026-09-01', validTo: '2026-09-01' })).toEqual({});
    expect(rotationExemptionProblems({ reason: 'PREGNANCY', validFrom: '2026-09-01', validTo: null })).toEqual({});
    expect(rotationExemptionProblems({ reason: 'POST_NEEDS', validFrom: '2026-09-01' })).toEqual({});
  });

  it('names every bad field: an end before the start, an OTHER reason without a note', () => {
    expect(rotationExemptionProblems({ reason: 'OTHER', note: '  ', validFrom: '2026-09-01', validTo: '2026-08-31' })).toEqual({
      validTo: ['must be on or after validFrom (2026-09-01)'],
      note: ['is required when the reason is OTHER'],
    });
    expect(rotationExemptionProblems({ reason: 'OTHER', note: '援藏', validFrom: '2026-09-01' })).toEqual({});
    expect(() => validateRotationExemption({ reason: 'ILLNESS', validFrom: '2026-09-02', validTo: '2026-09-01' })).toThrow(ValidationFailedError);
  });

  it('reads as its reason’s label in the teacher’s explanation', () => {
    const answer = rotationEligibility(
      {
        teacherId: 't1',
        birthDate: '1985-03-15',
        onQuota: true,
        post: 'TEACHER',
        backbone: 'NONE',
        postings: [{ schoolId: 's', kind: 'REGULAR', startDate: '2020-09-01', endDate: null, fractionMilli: 1000 }],
        exemptions: [{ reason: 'PREGNANCY', validFrom: '2026-03-01', validTo: '2027-02-28' }],
      },
      2026,
      policy,
    );
    expect(answer.status).toBe('EXEMPT');
    expect(answer.exemptions[0].message).toEqual({
      zh: '已登记免于交流：孕期或哺乳期（2026-03-01 至 2027-02-28）',
      en: 'Exemption recorded: Pregnancy or nursing (2026-03-01 to 2027-02-28)',
    });
  });
});

describe('the plan year of a candidates list without a year', () => {
  it('is the year whose reference day is today or next', () => {
    expect(currentRotationYear('2026-01-01', policy)).toBe(2026);
    expect(currentRotationYear('2026-09-01', policy)).toBe(2026);
    expect(currentRotationYear('2026-09-02', policy)).toBe(2027);
    expect(currentRotationYear('2026-12-31', policy)).toBe(2027);
  });

  it('follows the policy’s reference day', () => {
    const march = withRotation({ referenceMonthDay: '03-01' });
    expect(currentRotationYear('2026-03-01', march)).toBe(2026);
    expect(currentRotationYear('2026-03-02', march)).toBe(2027);
  });
});

import { JIANGSU_2024_POLICY } from './jiangsu-2024.policy';
import { validatePolicyDocument } from './policy.schema';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('policy schema', () => {
  it('accepts the shipped Jiangsu 2024 default with the rule book values', () => {
    const result = validatePolicyDocument(clone(JIANGSU_2024_POLICY));
    expect(result.ok).toBe(true);
    const p = JIANGSU_2024_POLICY.parameters;
    expect(p.quota.studentsPerStaff).toEqual({ primary: 19, junior: 13.5, senior: 12.5 });
    expect(p.quota.smallSchool.maxStudents).toBe(100);
    expect(p.quota.smallSchool.teachersPerClass).toEqual({ primary: 1.8, junior: 2.6 });
    expect(p.quota.boarding.boardersPerStaff).toBe(100);
    expect(p.shortage.weeklyPeriods.PE).toEqual([4, 4, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2]);
    expect(p.shortage.weeklyPeriods.PSYCHOLOGY.every((periods) => periods === 0.5)).toBe(true);
    expect(p.shortage.weeklyPeriods.INFO_TECH.slice(0, 9)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 0]);
    expect(p.shortage.standardLoad).toEqual({ primary: 16, junior: 14, senior: 12 });
    expect([p.shortage.gapThreshold, p.shortage.highSeverityGap]).toEqual([0.5, 1.5]);
    expect(p.shortage.peArts.minPer100Students).toBe(0.9);
    expect(p.shortage.psychology.studentsPerTeacher).toBe(500);
    expect(p.rotation).toMatchObject({ minYearsAtSchool: 6, exemptAge: 55, minRotatingShare: 0.1, minBackboneShare: 0.2, defaultTermYears: 3 });
    expect(p.antiPoaching.developedZones).toEqual(['SUNAN']);
    expect(p.eligibility.seniorTitle.serviceDays).toBe(365);
    expect(p.eligibility.principalPriority.serviceDays).toBe(1095);
    expect(p.eligibility.minDailyFraction).toBe(0.5);
    expect(p.training).toEqual({ cycleYears: 5, cycleAnchorYear: 2021, hoursPerCycle: 360, hourStep: 0.5, maxHoursPerDay: 8 });
  });

  it('names the path of a bad value', () => {
    const doc = clone(JIANGSU_2024_POLICY) as unknown as { parameters: { training: { hoursPerCycle: unknown } } };
    doc.parameters.training.hoursPerCycle = -1;
    const result = validatePolicyDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['parameters.training.hoursPerCycle']);
  });

  it('names an unknown parameter instead of ignoring it', () => {
    const doc = clone(JIANGSU_2024_POLICY) as unknown as { parameters: { rotation: Record<string, unknown> } };
    doc.parameters.rotation.minYearsAtSchol = 5;
    const result = validatePolicyDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveProperty(['parameters.rotation.minYearsAtSchol']);
  });

  it('takes a rotation reference day that exists in some year (29 February included), and one message for anything else', () => {
    const withDay = (referenceMonthDay: string) => {
      const doc = clone(JIANGSU_2024_POLICY);
      doc.parameters.rotation.referenceMonthDay = referenceMonthDay;
      return validatePolicyDocument(doc);
    };
    expect(withDay('02-29').ok).toBe(true);
    expect(withDay('12-31').ok).toBe(true);
    expect(withDay('02-30')).toEqual({
      ok: false,
      errors: { 'parameters.rotation.referenceMonthDay': ['must be a day of the year (02-30 is not)'] },
    });
    expect(withDay('04-31').ok).toBe(false);
    expect(withDay('9-1')).toEqual({ ok: false, errors: { 'parameters.rotation.referenceMonthDay': ['must be MM-DD'] } });
  });

  it('names a missing subject row and a wrong-length grade table', () => {
    const doc = clone(JIANGSU_2024_POLICY) as unknown as { parameters: { shortage: { weeklyPeriods: Record<string, unknown> } } };
    delete doc.parameters.shortage.weeklyPeriods.MUSIC;
    doc.parameters.shortage.weeklyPeriods.PE = [4, 4, 3];
    const result = validatePolicyDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveProperty(['parameters.shortage.weeklyPeriods.MUSIC']);
      expect(result.errors).toHaveProperty(['parameters.shortage.weeklyPeriods.PE']);
    }
  });

  it('refuses an impossible effective date and a bad version id', () => {
    const result = validatePolicyDocument({ ...clone(JIANGSU_2024_POLICY), effectiveFrom: '2026-02-30', version: 'Jiangsu 2026' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['effectiveFrom', 'version']);
  });

  it('refuses an effective date outside the supported range, with one message for an impossible date', () => {
    for (const effectiveFrom of ['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01']) {
      const result = validatePolicyDocument({ ...clone(JIANGSU_2024_POLICY), effectiveFrom });
      expect(result).toEqual({ ok: false, errors: { effectiveFrom: ['must lie between 1900-01-01 and 2199-12-31'] } });
    }
    const impossible = validatePolicyDocument({ ...clone(JIANGSU_2024_POLICY), effectiveFrom: '2026-02-30' });
    expect(impossible).toEqual({ ok: false, errors: { effectiveFrom: ['must be a date YYYY-MM-DD'] } });
    expect(validatePolicyDocument({ ...clone(JIANGSU_2024_POLICY), effectiveFrom: '2199-12-31' }).ok).toBe(true);
  });

  it('names unknown keys that are also names of Object members (constructor, __proto__) instead of failing on them', () => {
    const input = JSON.parse('{"constructor": 1, "parameters": {"training": {"__proto__": {"hoursPerCycle": 1}, "toString": 2}}}');
    const result = validatePolicyDocument(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.constructor).toEqual(['is not a policy parameter']);
      expect(Object.keys(result.errors)).toEqual(expect.arrayContaining(['constructor', 'parameters.training.toString']));
    }
  });

  it('refuses a document that is not an object', () => {
    const result = validatePolicyDocument('hello');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveProperty(['(document)']);
  });
});

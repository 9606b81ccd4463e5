import { assertJustified, JUSTIFICATION_MIN_CHARACTERS, quotaCheck, reasonOf } from './quota-justification';

const base = { neededFrom: '2026-09-01', allocated: 40, headcountMilli: 38_500, requested: 1 };

describe('the justification rule of a staff request', () => {
  it('reads the allocation of the school year of neededFrom (September starts a year)', () => {
    expect(quotaCheck(base).year).toBe(2026);
    expect(quotaCheck({ ...base, neededFrom: '2027-08-31' }).year).toBe(2026);
    expect(quotaCheck({ ...base, neededFrom: '2026-08-31' }).year).toBe(2025);
  });

  it('is within quota while the fraction-weighted headcount plus the request stays at or below the allocation', () => {
    // 38.5 on quota + 1 = 39.5 ≤ 40; + 2 = 40.5 > 40.
    expect(quotaCheck(base).overQuota).toBe(false);
    expect(quotaCheck({ ...base, requested: 2 }).overQuota).toBe(true);
    // Exactly at the allocation is within it: 39 + 1 = 40.
    expect(quotaCheck({ ...base, headcountMilli: 39_000 }).overQuota).toBe(false);
    // A shared teacher's 0.001 of a post tips it over.
    expect(quotaCheck({ ...base, headcountMilli: 39_001 }).overQuota).toBe(true);
  });

  it('counts a school with no allocation recorded for the year as having no quota to fill: every request is above it', () => {
    const check = quotaCheck({ ...base, allocated: null, headcountMilli: 0 });
    expect(check).toEqual({ year: 2026, allocated: null, headcountMilli: 0, requested: 1, overQuota: true });
    expect(quotaCheck({ ...base, allocated: 0, headcountMilli: 0 }).overQuota).toBe(true);
  });

  it('asks a request above quota for a reason of at least 10 characters, counted as characters, spaces around ignored', () => {
    const over = quotaCheck({ ...base, requested: 2 });
    expect(JUSTIFICATION_MIN_CHARACTERS).toBe(10);
    for (const reason of [undefined, null, '', '          ', '缺音乐老师', '  九个字的申请理由啊  ']) {
      expect(() => assertJustified(over, reason)).toThrow(
        expect.objectContaining({
          code: 'JUSTIFICATION_REQUIRED',
          details: expect.objectContaining({ schoolYear: 2026, allocated: 40, onQuotaHeadcount: 38.5, requested: 2, minReasonLength: 10 }),
        }),
      );
    }
    // Ten Chinese characters are thirty bytes but ten characters: enough.
    expect(() => assertJustified(over, '全校无专职音乐教师，开不齐课')).not.toThrow();
    expect(() => assertJustified(over, '十个字的申请理由说明')).not.toThrow();
  });

  it('says what is missing when no quota is allocated', () => {
    expect(() => assertJustified(quotaCheck({ ...base, allocated: null }), '')).toThrow(/No quota is allocated to the school for school year 2026/);
  });

  it('asks nothing of a request within quota', () => {
    for (const reason of [undefined, null, '', '短']) expect(() => assertJustified(quotaCheck(base), reason)).not.toThrow();
  });

  it('stores a reason trimmed, a blank one as none', () => {
    expect(reasonOf('  缺音乐老师 ')).toBe('缺音乐老师');
    expect(reasonOf('   ')).toBeNull();
    expect(reasonOf(undefined)).toBeNull();
  });
});

import fc from 'fast-check';
import { HeadcountPosting, onQuotaHeadcountMilli, staffingStatus, vacancyMilli } from './vacancy';

const posting = (fraction: number, options: Partial<HeadcountPosting> = {}): HeadcountPosting => ({
  startDate: '2020-09-01',
  endDate: null,
  fractionMilli: Math.round(fraction * 1000),
  onQuota: true,
  ...options,
});

describe('vacancy', () => {
  const day = '2026-10-01';

  it('counts on-quota teachers posted at the school on the day by their posting fraction', () => {
    // Two full-time teachers, one shared half time (走教), one at 0.2 + 0.3 (two postings): 3.0 posts exactly.
    const postings = [posting(1), posting(1), posting(0.5), posting(0.2), posting(0.3)];
    expect(onQuotaHeadcountMilli(postings, day)).toBe(3000);
    expect(vacancyMilli(5, onQuotaHeadcountMilli(postings, day))).toBe(2000);
  });

  it('leaves out teachers off the quota, postings ended before the day and postings starting after it; counts both end days', () => {
    const postings = [
      posting(1, { onQuota: false }),
      posting(1, { endDate: '2026-09-30' }),
      posting(1, { startDate: '2026-10-02' }),
      posting(0.25, { startDate: day }),
      posting(0.5, { endDate: day }),
    ];
    expect(onQuotaHeadcountMilli(postings, day)).toBe(750);
  });

  it('is allocated − headcount: positive posts to fill, negative overstaffed, with fractional postings', () => {
    expect(vacancyMilli(3, 2500)).toBe(500);
    expect(vacancyMilli(2, 2500)).toBe(-500);
    expect(vacancyMilli(0, 0)).toBe(0);
    expect(staffingStatus(3, 2500)).toBe('UNDER');
    expect(staffingStatus(2, 2500)).toBe('OVER');
    expect(staffingStatus(2, 2000)).toBe('AT_QUOTA');
  });

  it('has no vacancy for a school without an allocation for the year', () => {
    expect(vacancyMilli(null, 2500)).toBeNull();
    expect(staffingStatus(null, 0)).toBe('UNALLOCATED');
  });

  it('always adds up: vacancy + headcount = allocated, in whole thousandths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.record({ fraction: fc.integer({ min: 1, max: 1000 }), onQuota: fc.boolean() }), { maxLength: 30 }),
        (allocated, staff) => {
          const headcount = onQuotaHeadcountMilli(
            staff.map((s) => posting(s.fraction / 1000, { onQuota: s.onQuota })),
            day,
          );
          expect(Number.isInteger(headcount)).toBe(true);
          expect((vacancyMilli(allocated, headcount) as number) + headcount).toBe(allocated * 1000);
        },
      ),
    );
  });
});

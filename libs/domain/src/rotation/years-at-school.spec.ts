import fc from 'fast-check';
import { addDays, addYears, fullYearsBetween, toDay } from '../calendar/calendar-date';
import { coversDay, mainPostingOn } from '../postings/posting-load';
import { applyPlannedPostings, PostingAt } from '../postings/posting-rules';
import type { PostingKind } from '../reference/codes';
import { compare, exactOf } from '../shortage/exact-figures';
import { continuityAt, dayYearsReached } from './years-at-school';

const posting = (schoolId: string, startDate: string, endDate: string | null, kind: PostingKind = 'REGULAR', fractionMilli = 1000): PostingAt => ({
  schoolId,
  kind,
  startDate,
  endDate,
  fractionMilli,
});

describe('continuous years at the current school', () => {
  it('counts six years exactly on the sixth anniversary, and five the day before', () => {
    expect(continuityAt([posting('city', '2020-09-01', null)], '2026-09-01')).toEqual({
      schoolId: 'city',
      since: '2020-09-01',
      fullYears: 6,
      years: 6,
      before: [],
    });
    // 2025-09-02 … 2026-09-01 is 364 days of a 365-day year: 5.99…, shown as 5.9.
    expect(continuityAt([posting('city', '2020-09-02', null)], '2026-09-01')).toMatchObject({ since: '2020-09-02', fullYears: 5, years: 5.9 });
  });

  it('starts again when the teacher comes back from a full-time rotation, naming the rotation as what broke it', () => {
    const postings = [
      posting('city', '2010-09-01', '2021-08-31'),
      posting('village', '2021-09-01', '2024-08-31', 'ROTATION'),
      posting('city', '2024-09-01', null),
    ];
    expect(continuityAt(postings, '2026-09-01')).toEqual({
      schoolId: 'city',
      since: '2024-09-01',
      fullYears: 2,
      years: 2,
      before: [{ schoolId: 'village', kind: 'ROTATION', fractionMilli: 1000 }],
    });
    // During the rotation the teacher has no current school (the rotation posting is not REGULAR).
    expect(continuityAt(postings, '2022-09-01')).toEqual({ schoolId: null, since: null, fullYears: 0, years: 0, before: [] });
    // Before it, eleven years at the city school.
    expect(continuityAt(postings, '2021-08-31')).toMatchObject({ since: '2010-09-01', fullYears: 10, years: 10.9 });
  });

  it('is broken by a full-time support posting, not by a part-time one beside the home posting', () => {
    const away = [
      posting('city', '2010-09-01', '2019-08-31'),
      posting('village', '2019-09-01', '2020-08-31', 'SUPPORT'),
      posting('city', '2020-09-01', null),
    ];
    expect(continuityAt(away, '2026-09-01').since).toBe('2020-09-01');
    const beside = [
      posting('city', '2010-09-01', '2019-08-31'),
      posting('city', '2019-09-01', '2020-08-31', 'REGULAR', 500),
      posting('village', '2019-09-01', '2020-08-31', 'SUPPORT', 500),
      posting('city', '2020-09-01', null),
    ];
    expect(continuityAt(beside, '2026-09-01')).toMatchObject({ since: '2010-09-01', fullYears: 16 });
  });

  it('is not broken by a shared post (走教) at f beside home at 1 − f, as activation writes it', () => {
    const { postings } = applyPlannedPostings(
      [{ id: 'home', ...posting('city', '2014-09-01', null) }],
      [posting('village', '2023-09-01', '2025-08-31', 'SHARED', 400)],
      '2014-09-01',
    );
    expect(postings.filter((p) => p.schoolId === 'city').map((p) => [p.startDate, p.endDate, p.fractionMilli])).toEqual([
      ['2014-09-01', '2023-08-31', 1000],
      ['2023-09-01', '2025-08-31', 600],
      ['2025-09-01', null, 1000],
    ]);
    expect(continuityAt(postings, '2024-03-01')).toMatchObject({ schoolId: 'city', since: '2014-09-01' });
    expect(continuityAt(postings, '2026-09-01')).toMatchObject({ schoolId: 'city', since: '2014-09-01', fullYears: 12 });
  });

  it('joins postings that follow each other or overlap, and breaks on a single day without one', () => {
    const joined = [
      posting('city', '2010-09-01', '2015-08-31'),
      posting('city', '2015-09-01', '2018-08-31', 'REGULAR', 800),
      posting('city', '2018-01-01', null, 'REGULAR', 200),
    ];
    expect(continuityAt(joined, '2026-09-01').since).toBe('2010-09-01');
    const gap = [posting('city', '2010-09-01', '2015-08-30'), posting('city', '2015-09-01', null)];
    expect(continuityAt(gap, '2026-09-01')).toMatchObject({ since: '2015-09-01', before: [] });
  });

  it('counts at the new school only after a move, and never service there under another kind', () => {
    const moved = [posting('old', '2008-09-01', '2019-08-31'), posting('new', '2019-09-01', null)];
    expect(continuityAt(moved, '2026-09-01')).toMatchObject({
      schoolId: 'new',
      since: '2019-09-01',
      fullYears: 7,
      before: [{ schoolId: 'old', kind: 'REGULAR', fractionMilli: 1000 }],
    });
    const rotatedIn = [posting('new', '2016-09-01', '2019-08-31', 'ROTATION'), posting('new', '2019-09-01', null)];
    expect(continuityAt(rotatedIn, '2026-09-01')).toMatchObject({ since: '2019-09-01', before: [{ schoolId: 'new', kind: 'ROTATION' }] });
  });

  it('takes the school of the largest regular share, ties to the smaller id, and ignores postings that start later', () => {
    const two = [posting('b', '2015-09-01', null, 'REGULAR', 600), posting('a', '2012-09-01', null, 'REGULAR', 400)];
    expect(continuityAt(two, '2026-09-01')).toMatchObject({ schoolId: 'b', since: '2015-09-01' });
    const even = [posting('b', '2015-09-01', null, 'REGULAR', 500), posting('a', '2012-09-01', null, 'REGULAR', 500)];
    expect(continuityAt(even, '2026-09-01')).toMatchObject({ schoolId: 'a', since: '2012-09-01' });
    const later = [posting('city', '2018-09-01', '2027-08-31'), posting('village', '2027-09-01', null, 'ROTATION')];
    expect(continuityAt(later, '2026-09-01')).toMatchObject({ schoolId: 'city', since: '2018-09-01', fullYears: 8 });
  });

  it('counts leap days as days: a run from 29 February has its anniversaries on 28 February of common years', () => {
    expect(continuityAt([posting('city', '2020-02-29', null)], '2026-02-28')).toMatchObject({ fullYears: 6, years: 6 });
    expect(continuityAt([posting('city', '2020-02-29', null)], '2026-02-27')).toMatchObject({ fullYears: 5, years: 5.9 });
    expect(continuityAt([posting('city', '2020-03-01', null)], '2026-02-28')).toMatchObject({ fullYears: 5 });
    expect(continuityAt([posting('city', '2020-02-28', '2024-02-28'), posting('city', '2024-03-01', null)], '2026-09-01').since).toBe('2024-03-01');
  });

  describe('whatever the postings', () => {
    const base = '2020-01-01';
    const arbitraryPosting = fc
      .record({
        school: fc.constantFrom('a', 'b'),
        kind: fc.constantFrom<PostingKind>('REGULAR', 'REGULAR', 'ROTATION', 'SHARED'),
        start: fc.integer({ min: 0, max: 400 }),
        length: fc.integer({ min: 1, max: 200 }),
        open: fc.boolean(),
        milli: fc.constantFrom(300, 500, 1000),
      })
      .map(({ school, kind, start, length, open, milli }) =>
        posting(school, addDays(base, start), open ? null : addDays(base, start + length - 1), kind, milli),
      );

    it('agree with walking back day by day while a regular posting at the current school covers the day', () => {
      fc.assert(
        fc.property(fc.array(arbitraryPosting, { maxLength: 6 }), fc.integer({ min: 0, max: 500 }), (postings, offset) => {
          const day = addDays(base, offset);
          const regular = postings.filter((p) => p.kind === 'REGULAR');
          const home = mainPostingOn(regular, day);
          const answer = continuityAt(postings, day);
          if (!home) {
            expect(answer.schoolId).toBeNull();
            return;
          }
          let since = day;
          while (regular.some((p) => p.schoolId === home.schoolId && coversDay(p, addDays(since, -1)))) since = addDays(since, -1);
          expect(answer).toMatchObject({ schoolId: home.schoolId, since, fullYears: fullYearsBetween(since, day) });
        }),
      );
    });
  });
});

describe('the day a number of years is reached', () => {
  it('is the anniversary for whole years, 28 February for a run from 29 February in a common year', () => {
    expect(dayYearsReached('2020-09-01', 6)).toBe('2026-09-01');
    expect(dayYearsReached('2020-02-29', 6)).toBe('2026-02-28');
    expect(dayYearsReached('2020-02-29', 8)).toBe('2028-02-29');
  });

  it('adds a part of a year as that share of the next year’s days, rounded up: 6.5 years from 2020-09-01 is 2027-03-03', () => {
    // 2026-09-01 … 2027-09-01 is 365 days; ⌈0.5 × 365⌉ = 183 days after 2026-09-01.
    expect(dayYearsReached('2020-09-01', 6.5)).toBe('2027-03-03');
    // 2027-09-01 … 2028-09-01 is 366 days; ⌈0.5 × 366⌉ = 183 → 2028-03-02.
    expect(dayYearsReached('2021-09-01', 6.5)).toBe('2028-03-02');
    // 0.1 of a 365-day year is 36.5 → 37 days, exactly (no 36.50000000000001).
    expect(dayYearsReached('2021-01-01', 0.1)).toBe(addDays('2021-01-01', 37));
  });

  it('is reached on a day exactly when the years to that day are at least the number (exact rationals)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 1, max: 40 }),
        (start, length, quarters) => {
          const since = addDays('2012-01-01', start);
          const day = addDays(since, length);
          const years = quarters / 4;
          const whole = fullYearsBetween(since, day);
          const anniversary = toDay(addYears(since, whole));
          const next = toDay(addYears(since, whole + 1));
          // years held = whole + (day − anniversary) / (next − anniversary), compared with `years` exactly.
          const held = { n: BigInt(whole * (next - anniversary) + toDay(day) - anniversary), d: BigInt(next - anniversary) };
          expect(dayYearsReached(since, years) <= day).toBe(compare(held, exactOf(years)) >= 0);
        },
      ),
    );
  });
});

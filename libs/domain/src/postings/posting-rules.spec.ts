import fc from 'fast-check';
import { addDays } from '../calendar/calendar-date';
import { RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import { coversDay, findOverload } from './posting-load';
import {
  applyPlannedPostings,
  assertFits,
  assertHireDateFits,
  assertOneFullPost,
  assertPostingDates,
  fractionMilliOf,
  PostingAt,
  RecordedPosting,
} from './posting-rules';

const recorded = (id: string, schoolId: string, startDate: string, endDate: string | null, fractionMilli = 1000): RecordedPosting => ({
  id,
  schoolId,
  kind: 'REGULAR',
  startDate,
  endDate,
  fractionMilli,
});
const plan = (
  schoolId: string,
  startDate: string,
  endDate: string | null,
  fractionMilli = 1000,
  kind: PostingAt['kind'] = 'ROTATION',
): PostingAt => ({
  schoolId,
  kind,
  startDate,
  endDate,
  fractionMilli,
});

/** The thrown domain error of `run`, for assertions on its code and details. */
function errorOf(run: () => unknown): RuleViolationError | ValidationFailedError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolationError || error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('posting rules', () => {
  describe('fraction', () => {
    it('defaults to a full post and names the bad field', () => {
      expect(fractionMilliOf(undefined)).toBe(1000);
      expect(fractionMilliOf(0.25)).toBe(250);
      expect(errorOf(() => fractionMilliOf(0.3333)).details).toEqual({ fields: { fraction: [expect.any(String)] } });
      expect(errorOf(() => fractionMilliOf(0, 'postings.2.fraction')).details).toEqual({ fields: { 'postings.2.fraction': [expect.any(String)] } });
    });
  });

  describe('dates', () => {
    it('refuses an end before the start (400 naming the field) and a start before the hire date (422 POSTING_BEFORE_HIRE)', () => {
      expect(() => assertPostingDates({ startDate: '2015-09-01', endDate: '2015-09-01' }, '2015-09-01')).not.toThrow();
      expect(() => assertPostingDates({ startDate: '2015-09-01', endDate: null }, '2015-09-01')).not.toThrow();
      const backwards = errorOf(() => assertPostingDates({ startDate: '2016-09-01', endDate: '2016-08-31' }, '2015-09-01', 'postings.1.'));
      expect(backwards).toBeInstanceOf(ValidationFailedError);
      expect(backwards.details).toEqual({ fields: { 'postings.1.endDate': [expect.any(String)] } });
      const early = errorOf(() => assertPostingDates({ startDate: '2015-08-31', endDate: null }, '2015-09-01'));
      expect(early).toMatchObject({ code: 'POSTING_BEFORE_HIRE', kind: 'RULE', details: { startDate: '2015-08-31', hireDate: '2015-09-01' } });
      expect(errorOf(() => assertPostingDates({ startDate: '2015-08-31', endDate: null }, '2015-09-01', 'postings.0.')).details).toMatchObject({
        field: 'postings.0.startDate',
      });
    });

    it('refuses a later hire date than a recorded posting with the same code, naming the earliest posting', () => {
      const postings = [recorded('b', 's', '2014-09-01', null), recorded('a', 's', '2012-09-01', '2014-08-31')];
      expect(() => assertHireDateFits('2012-09-01', postings)).not.toThrow();
      expect(errorOf(() => assertHireDateFits('2013-09-01', postings))).toMatchObject({
        code: 'POSTING_BEFORE_HIRE',
        details: { postingId: 'a', startDate: '2012-09-01', hireDate: '2013-09-01' },
      });
    });

    it('takes leap days as days like any other', () => {
      expect(() => assertPostingDates({ startDate: '2024-02-29', endDate: '2024-02-29' }, '2024-02-29')).not.toThrow();
      expect(errorOf(() => assertPostingDates({ startDate: '2024-02-28', endDate: null }, '2024-02-29')).code).toBe('POSTING_BEFORE_HIRE');
    });
  });

  describe('one full post', () => {
    it('allows fractions summing to exactly one and refuses a thousandth more, naming the day, total and postings', () => {
      const three = [recorded('a', 'x', '2020-09-01', null, 100), recorded('b', 'y', '2020-09-01', null, 200)];
      expect(() => assertFits(three, { startDate: '2020-09-01', endDate: null, fractionMilli: 700 })).not.toThrow();
      const over = errorOf(() => assertFits(three, { startDate: '2021-01-01', endDate: '2021-01-01', fractionMilli: 701 }));
      expect(over).toMatchObject({ code: 'POSTING_OVERLAP', details: { date: '2021-01-01', total: 1.001, overlappingPostingIds: ['a', 'b'] } });
    });

    it('refuses overlapping full posts from their first shared day, ends inclusive, across a leap day', () => {
      const home = [recorded('home', 'x', '2010-09-01', '2024-02-29')];
      expect(errorOf(() => assertFits(home, { startDate: '2024-02-29', endDate: null, fractionMilli: 1000 })).details).toMatchObject({
        date: '2024-02-29',
        total: 2,
        overlappingPostingIds: ['home'],
      });
      expect(() => assertFits(home, { startDate: '2024-03-01', endDate: null, fractionMilli: 1000 })).not.toThrow();
      expect(() => assertOneFullPost([])).not.toThrow();
    });
  });

  describe('planned postings', () => {
    it('closes the home posting the day before a full-time rotation and resumes it after the term', () => {
      const outcome = applyPlannedPostings(
        [recorded('home', 'city', '2012-09-01', null)],
        [plan('village', '2027-09-01', '2030-08-31')],
        '2012-09-01',
      );
      expect(outcome.postings.map((p) => [p.recordedId, p.schoolId, p.startDate, p.endDate, p.fractionMilli, p.keepsRow])).toEqual([
        ['home', 'city', '2012-09-01', '2027-08-31', 1000, true],
        [null, 'village', '2027-09-01', '2030-08-31', 1000, false],
        ['home', 'city', '2030-09-01', null, 1000, false],
      ]);
      expect(outcome.closed).toEqual([{ postingId: 'home', schoolId: 'city', endDate: '2027-08-31' }]);
      expect(outcome.resumed).toEqual([{ postingId: 'home', schoolId: 'city', startDate: '2030-09-01', endDate: null, fractionMilli: 1000 }]);
      expect(outcome.reduced).toEqual([]);
    });

    it('does not resume a home posting that ends within the term, nor after an open-ended plan', () => {
      const ending = applyPlannedPostings(
        [recorded('home', 'city', '2012-09-01', '2028-08-31')],
        [plan('village', '2027-09-01', '2030-08-31')],
        '2012-09-01',
      );
      expect(ending.resumed).toEqual([]);
      expect(ending.closed).toEqual([{ postingId: 'home', schoolId: 'city', endDate: '2027-08-31' }]);
      const open = applyPlannedPostings([recorded('home', 'city', '2012-09-01', null)], [plan('village', '2027-09-01', null)], '2012-09-01');
      expect(open.postings).toHaveLength(2);
      expect(open.resumed).toEqual([]);
    });

    it('allows a 0.5 shared plan beside a full-time home posting: the home posting is split to 0.5 for the term', () => {
      const outcome = applyPlannedPostings(
        [recorded('home', 'city', '2012-09-01', null)],
        [plan('village', '2026-09-01', '2027-08-31', 500, 'SHARED')],
        '2012-09-01',
      );
      expect(outcome.postings.map((p) => [p.recordedId, p.schoolId, p.startDate, p.endDate, p.fractionMilli])).toEqual([
        ['home', 'city', '2012-09-01', '2026-08-31', 1000],
        ['home', 'city', '2026-09-01', '2027-08-31', 500],
        [null, 'village', '2026-09-01', '2027-08-31', 500],
        ['home', 'city', '2027-09-01', null, 1000],
      ]);
      expect(outcome.closed).toEqual([{ postingId: 'home', schoolId: 'city', endDate: '2026-08-31' }]);
      expect(outcome.reduced).toEqual([{ postingId: 'home', schoolId: 'city', startDate: '2026-09-01', endDate: '2027-08-31', fractionMilli: 500 }]);
      expect(outcome.resumed).toEqual([{ postingId: 'home', schoolId: 'city', startDate: '2027-09-01', endDate: null, fractionMilli: 1000 }]);
    });

    it('reduces a home posting that starts on the plan’s first day in place, and keeps one at 1 − f or less as it is', () => {
      const sameDay = applyPlannedPostings(
        [recorded('home', 'city', '2026-09-01', null)],
        [plan('village', '2026-09-01', null, 300, 'SHARED')],
        '2026-09-01',
      );
      expect(sameDay.postings.map((p) => [p.recordedId, p.startDate, p.endDate, p.fractionMilli, p.keepsRow])).toEqual([
        ['home', '2026-09-01', null, 700, true],
        [null, '2026-09-01', null, 300, false],
      ]);
      expect(sameDay.closed).toEqual([]);
      const half = applyPlannedPostings(
        [recorded('home', 'city', '2020-09-01', null, 500)],
        [plan('village', '2026-09-01', null, 500, 'SHARED')],
        '2020-09-01',
      );
      expect(half.postings).toHaveLength(2);
      expect(half.closed).toEqual([]);
      expect(half.reduced).toEqual([]);
    });

    it('takes a part-time plan’s share from the largest posting, beside the others, and refuses when that cannot make room', () => {
      const two = [recorded('main', 'a', '2020-09-01', null, 600), recorded('side', 'b', '2020-09-01', null, 400)];
      const small = applyPlannedPostings(two, [plan('c', '2026-09-01', null, 100, 'SHARED')], '2020-09-01');
      expect(small.reduced).toEqual([{ postingId: 'main', schoolId: 'a', startDate: '2026-09-01', endDate: null, fractionMilli: 500 }]);
      expect(findOverload(small.postings)).toBeNull();
      expect(errorOf(() => applyPlannedPostings(two, [plan('c', '2026-09-01', null, 600, 'SHARED')], '2020-09-01'))).toMatchObject({
        code: 'POSTING_OVERLAP',
        details: { date: '2026-09-01', total: 1.6, overlappingPostingIds: ['main', 'side'] },
      });
    });

    it('lets two shared plans share the home posting’s week', () => {
      const home = [recorded('home', 'city', '2020-09-01', null)];
      const outcome = applyPlannedPostings(
        home,
        [plan('a', '2026-09-01', null, 300, 'SHARED'), plan('b', '2027-09-01', '2028-08-31', 200, 'SHARED')],
        '2020-09-01',
      );
      expect(outcome.postings.filter((p) => p.recordedId === 'home').map((p) => [p.startDate, p.endDate, p.fractionMilli])).toEqual([
        ['2020-09-01', '2026-08-31', 1000],
        ['2026-09-01', '2027-08-31', 700],
        ['2027-09-01', '2028-08-31', 500],
        ['2028-09-01', null, 700],
      ]);
    });

    it('refuses a plan over a posting recorded to start within its term (POSTING_OVERLAP, naming it)', () => {
      const postings = [recorded('home', 'city', '2012-09-01', '2027-08-31'), recorded('next', 'town', '2027-09-01', null)];
      const refused = errorOf(() => applyPlannedPostings(postings, [plan('village', '2027-09-01', '2028-08-31')], '2012-09-01'));
      expect(refused).toMatchObject({ code: 'POSTING_OVERLAP', details: { date: '2027-09-01', total: 2, overlappingPostingIds: ['next'] } });
    });

    it('refuses two full-time plans over the same days, and takes plans in order of their start', () => {
      const home = [recorded('home', 'city', '2012-09-01', null)];
      expect(
        errorOf(() => applyPlannedPostings(home, [plan('a', '2027-09-01', '2028-08-31'), plan('b', '2028-01-01', null)], '2012-09-01')).code,
      ).toBe('POSTING_OVERLAP');
      const twoTerms = applyPlannedPostings(home, [plan('b', '2030-09-01', '2031-08-31'), plan('a', '2027-09-01', '2028-08-31')], '2012-09-01');
      expect(twoTerms.postings.map((p) => [p.schoolId, p.startDate, p.endDate])).toEqual([
        ['city', '2012-09-01', '2027-08-31'],
        ['a', '2027-09-01', '2028-08-31'],
        ['city', '2028-09-01', '2030-08-31'],
        ['b', '2030-09-01', '2031-08-31'],
        ['city', '2031-09-01', null],
      ]);
    });

    it('checks each plan’s dates first with the same codes as recording, naming the plan by its place in the request', () => {
      const home = [recorded('home', 'city', '2012-09-01', null)];
      const early = errorOf(() => applyPlannedPostings(home, [plan('a', '2027-09-01', null), plan('b', '2012-08-31', null)], '2012-09-01'));
      expect(early).toMatchObject({ code: 'POSTING_BEFORE_HIRE', details: { field: 'postings.1.startDate' } });
      const backwards = errorOf(() => applyPlannedPostings(home, [plan('a', '2027-09-01', '2027-08-31')], '2012-09-01'));
      expect(backwards.details).toEqual({ fields: { 'postings.0.endDate': [expect.any(String)] } });
    });

    it('handles leap days at the edges of a term', () => {
      const outcome = applyPlannedPostings(
        [recorded('home', 'city', '2012-09-01', null)],
        [plan('village', '2024-03-01', '2028-02-29')],
        '2012-09-01',
      );
      expect(outcome.closed).toEqual([{ postingId: 'home', schoolId: 'city', endDate: '2024-02-29' }]);
      expect(outcome.resumed[0]).toMatchObject({ startDate: '2028-03-01' });
    });

    describe('whatever the plan', () => {
      const base = '2020-01-01';
      const arbitraryPlan = fc
        .record({
          start: fc.integer({ min: 1, max: 300 }),
          length: fc.integer({ min: 1, max: 200 }),
          open: fc.boolean(),
          milli: fc.integer({ min: 1, max: 1000 }),
        })
        .map(({ start, length, open, milli }) =>
          plan('p', addDays(base, start), open ? null : addDays(base, start + length - 1), milli, milli < 1000 ? 'SHARED' : 'ROTATION'),
        );

      it('either refuses it or gives postings within one full post that keep the plans whole and the home posting outside the terms', () => {
        fc.assert(
          fc.property(fc.array(arbitraryPlan, { minLength: 1, maxLength: 3 }), (plans) => {
            const home = recorded('home', 'h', base, null);
            let outcome;
            try {
              outcome = applyPlannedPostings([home], plans, base);
            } catch (error) {
              expect(error).toMatchObject({ code: 'POSTING_OVERLAP' });
              return;
            }
            expect(findOverload(outcome.postings)).toBeNull();
            for (const p of plans) expect(outcome.postings).toContainEqual({ ...p, recordedId: null, keepsRow: false });
            // Outside every plan's term the home posting runs at its own fraction.
            for (let offset = 0; offset <= 520; offset += 7) {
              const day = addDays(base, offset);
              if (plans.some((p) => coversDay(p, day))) continue;
              const homeShare = outcome.postings
                .filter((p) => p.recordedId === 'home' && coversDay(p, day))
                .reduce((sum, p) => sum + p.fractionMilli, 0);
              expect(homeShare).toBe(1000);
            }
            expect(outcome.postings.filter((p) => p.keepsRow)).toHaveLength(1);
          }),
        );
      });
    });
  });
});

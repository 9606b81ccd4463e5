import fc from 'fast-check';
import { addDays } from '../calendar/calendar-date';
import { coversDay, findOverload, fractionToMilli, mainPostingOn, PostingSpan, spansOverlap } from './posting-load';

const span = (startDate: string, endDate: string | null, fraction = 1): PostingSpan => ({
  startDate,
  endDate,
  fractionMilli: fractionToMilli(fraction) ?? NaN,
});

describe('posting load', () => {
  it('converts fractions to exact thousandths and refuses the rest', () => {
    expect(fractionToMilli(1)).toBe(1000);
    expect(fractionToMilli(0.1)).toBe(100);
    expect(fractionToMilli(0.333)).toBe(333);
    expect(fractionToMilli(0.3333)).toBeNull();
    expect(fractionToMilli(0)).toBeNull();
    expect(fractionToMilli(-0.5)).toBeNull();
    expect(fractionToMilli(1.001)).toBeNull();
    expect(fractionToMilli(Number.NaN)).toBeNull();
  });

  it('allows fractions that sum to exactly one on the same days', () => {
    expect(findOverload([span('2020-01-01', null, 0.1), span('2020-01-01', null, 0.2), span('2020-01-01', null, 0.7)])).toBeNull();
    expect(findOverload([span('2020-01-01', null, 0.5), span('2020-06-01', '2020-06-30', 0.5)])).toBeNull();
  });

  it('names the first day on which the fractions exceed one', () => {
    expect(findOverload([span('2020-01-01', null, 0.6), span('2020-03-01', '2020-03-31', 0.5)])).toEqual({
      date: '2020-03-01',
      totalMilli: 1100,
    });
  });

  it('treats end dates as inclusive: a posting ending the day before another starts does not overlap', () => {
    expect(findOverload([span('2020-01-01', '2020-08-31'), span('2020-09-01', null)])).toBeNull();
    expect(findOverload([span('2020-01-01', '2020-09-01'), span('2020-09-01', null)])).toEqual({ date: '2020-09-01', totalMilli: 2000 });
  });

  it('treats an open posting as running for ever', () => {
    expect(findOverload([span('2010-01-01', null), span('2099-12-31', '2099-12-31', 0.001)])).toEqual({
      date: '2099-12-31',
      totalMilli: 1001,
    });
  });

  it('handles a leap day boundary', () => {
    expect(findOverload([span('2024-01-01', '2024-02-28'), span('2024-02-29', '2024-02-29'), span('2024-03-01', null)])).toBeNull();
    expect(findOverload([span('2024-01-01', '2024-02-29'), span('2024-02-29', null)])?.date).toBe('2024-02-29');
  });

  it('answers overlap and day coverage with inclusive ends', () => {
    expect(spansOverlap(span('2020-01-01', '2020-01-31'), span('2020-01-31', null))).toBe(true);
    expect(spansOverlap(span('2020-01-01', '2020-01-30'), span('2020-01-31', null))).toBe(false);
    expect(spansOverlap(span('2020-02-01', null), span('2020-01-01', '2020-01-31'))).toBe(false);
    expect(coversDay(span('2020-01-01', '2020-01-31'), '2020-01-31')).toBe(true);
    expect(coversDay(span('2020-01-01', '2020-01-31'), '2020-02-01')).toBe(false);
    expect(coversDay(span('2020-01-01', null), '2090-01-01')).toBe(true);
  });

  describe('agrees with a day-by-day count', () => {
    const base = '2020-01-01';
    const arbitrarySpan = fc
      .record({
        start: fc.integer({ min: 0, max: 60 }),
        length: fc.integer({ min: 1, max: 40 }),
        open: fc.boolean(),
        milli: fc.integer({ min: 1, max: 1000 }),
      })
      .map(({ start, length, open, milli }) => ({
        startDate: addDays(base, start),
        endDate: open ? null : addDays(base, start + length - 1),
        fractionMilli: milli,
      }));

    it('finds exactly the first overloaded day and that day’s total', () => {
      fc.assert(
        fc.property(fc.array(arbitrarySpan, { maxLength: 6 }), (spans) => {
          let expected: { date: string; totalMilli: number } | null = null;
          for (let offset = 0; offset <= 120 && expected === null; offset++) {
            const day = addDays(base, offset);
            const total = spans.filter((s) => coversDay(s, day)).reduce((sum, s) => sum + s.fractionMilli, 0);
            if (total > 1000) expected = { date: day, totalMilli: total };
          }
          expect(findOverload(spans)).toEqual(expected);
        }),
      );
    });

    it('does not depend on the order postings are given in', () => {
      fc.assert(
        fc.property(fc.array(arbitrarySpan, { maxLength: 6 }), (spans) => {
          expect(findOverload([...spans].reverse())).toEqual(findOverload(spans));
        }),
      );
    });
  });
});

describe('main posting of a day', () => {
  const at = (schoolId: string, startDate: string, endDate: string | null, fractionMilli: number) => ({
    schoolId,
    startDate,
    endDate,
    fractionMilli,
  });

  it('is the largest share among the postings covering the day, first and last days included', () => {
    const postings = [at('a', '2020-09-01', '2026-08-31', 300), at('b', '2026-09-01', null, 700), at('c', '2026-02-01', '2026-09-01', 300)];
    expect(mainPostingOn(postings, '2026-09-01')?.schoolId).toBe('b');
    expect(mainPostingOn(postings, '2026-08-31')?.schoolId).toBe('a');
    expect(mainPostingOn(postings, '2019-01-01')).toBeUndefined();
  });

  it('breaks ties by the smaller school id, whatever the order given', () => {
    const postings = [at('b', '2026-01-01', null, 500), at('a', '2026-01-01', null, 500)];
    expect(mainPostingOn(postings, '2026-03-01')?.schoolId).toBe('a');
    expect(mainPostingOn([...postings].reverse(), '2026-03-01')?.schoolId).toBe('a');
  });
});

import fc from 'fast-check';
import { add, apportionMilli, ceiling, compare, divide, exactOf, isZero, multiply, subtract, sum, toMilli, ZERO } from './exact-figures';

const ratio = (n: number, d: number) => divide(exactOf(n), exactOf(d));

describe('exact figures', () => {
  it('read a number as written in decimal, not as the binary double nearest to it', () => {
    expect(compare(add(exactOf(0.1), exactOf(0.2)), exactOf(0.3))).toBe(0); // 0.1 + 0.2 !== 0.3 in doubles
    expect(compare(exactOf(1e-7), ratio(1, 10_000_000))).toBe(0);
    expect(compare(exactOf(2.5e-8), ratio(1, 40_000_000))).toBe(0);
    expect(compare(exactOf(-13.5), ratio(-27, 2))).toBe(0);
    expect(compare(exactOf(1e21), multiply(exactOf(1e10), exactOf(1e11)))).toBe(0);
    expect(() => exactOf(Number.NaN)).toThrow(RangeError);
    expect(() => exactOf(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('add sums of fractions exactly: 3/16 + 3/14 + 3/14 + 2/12 is 0.782738…, and 34/16 + 21/14 − 2.125 is exactly 1.5', () => {
    expect(toMilli(sum([ratio(3, 16), ratio(3, 14), ratio(3, 14), ratio(2, 12)]))).toBe(783);
    expect(compare(subtract(add(ratio(34, 16), ratio(21, 14)), exactOf(2.125)), exactOf(1.5))).toBe(0);
    expect(isZero(subtract(ratio(1, 3), ratio(2, 6)))).toBe(true);
    expect(isZero(ZERO)).toBe(true);
    expect(() => ratio(1, 0)).toThrow(RangeError);
  });

  it('compare and round up', () => {
    expect(compare(ratio(1, 3), exactOf(0.333))).toBe(1);
    expect(compare(ratio(-1, 3), ZERO)).toBe(-1);
    expect(compare(ratio(1, -3), ratio(-1, 3))).toBe(0);
    expect(toMilli(ceiling(ratio(1234, 500)))).toBe(3000);
    expect(toMilli(ceiling(ratio(1000, 500)))).toBe(2000);
    expect(toMilli(ceiling(ZERO))).toBe(0);
    expect(toMilli(ceiling(ratio(-7, 2)))).toBe(-3000);
  });

  it('round to thousandths with halves away from zero', () => {
    expect(toMilli(ratio(3, 16))).toBe(188); // 0.1875
    expect(toMilli(ratio(1, 2000))).toBe(1); // 0.0005
    expect(toMilli(ratio(-1, 2000))).toBe(-1);
    expect(toMilli(ratio(4999, 10_000_000))).toBe(0); // 0.0004999
    expect(toMilli(ratio(2, 3))).toBe(667);
  });

  it('share out a rounded total so that the parts add up to it, each within a thousandth of its value', () => {
    // 0.1875 four times is 0.75: the first two take the missing thousandths.
    expect(apportionMilli([ratio(3, 16), ratio(3, 16), ratio(3, 16), ratio(3, 16)], 750)).toEqual([188, 188, 187, 187]);
    // Largest remainders first: 2/3 (0.667) before 1/2 before 1/7 (0.143).
    expect(apportionMilli([ratio(1, 7000), ratio(1, 2000), ratio(2, 3000)], 1)).toEqual([0, 0, 1]);
    expect(apportionMilli([], 0)).toEqual([]);
    expect(() => apportionMilli([ratio(1, 4)], 252)).toThrow(RangeError);
    expect(() => apportionMilli([ratio(-1, 4)], 0)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.array(fc.record({ n: fc.integer({ min: 0, max: 100_000 }), d: fc.integer({ min: 1, max: 997 }) }), { maxLength: 20 }), (raw) => {
        const parts = raw.map(({ n, d }) => ratio(n, d));
        const total = toMilli(sum(parts));
        const shared = apportionMilli(parts, total);
        expect(shared.reduce((a, b) => a + b, 0)).toBe(total);
        raw.forEach(({ n, d }, index) => expect(Math.abs(shared[index] - (n * 1000) / d)).toBeLessThan(1));
      }),
    );
  });
});

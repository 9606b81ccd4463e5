/**
 * Exact figures for the shortage rules (docs/rules.md, "Shortages"): required and actual FTE are sums of
 * fractions such as 3/14 + 2/12, and a rule compares them with thresholds such as 1.5. In binary floating
 * point such a sum can land on 1.4999999999999998, so the rules work on exact rationals (bigint numerator
 * over a positive bigint denominator) and round only what they show, to thousandths. Fractions are not reduced
 * (comparing and rounding do not need it, and the rules add up only a few of them).
 */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

const THOUSAND = 1000n;

function exact(n: bigint, d: bigint): Exact {
  if (d === 0n) throw new RangeError('division by zero');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export const ZERO: Exact = { n: 0n, d: 1n };

/** Decimal numbers already read (the policy's few parameters, read for every school of a scan). */
const decimals = new Map<number, Exact>();

/** The value of a number as it is written in decimal: 0.1 is exactly 1/10, not the binary double nearest to it. */
export function exactOf(value: number): Exact {
  if (Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n };
  const known = decimals.get(value);
  if (known !== undefined) return known;
  const match = Number.isFinite(value) ? /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value)) : null;
  if (match === null) throw new RangeError(`${value} is not a finite number`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const scale = Number(exponent) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const result = scale >= 0 ? exact(digits * 10n ** BigInt(scale), 1n) : exact(digits, 10n ** BigInt(-scale));
  if (decimals.size < 10_000) decimals.set(value, result);
  return result;
}

export function add(a: Exact, b: Exact): Exact {
  return a.d === b.d ? exact(a.n + b.n, a.d) : exact(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function subtract(a: Exact, b: Exact): Exact {
  return add(a, { n: -b.n, d: b.d });
}

export function multiply(a: Exact, b: Exact): Exact {
  return exact(a.n * b.n, a.d * b.d);
}

export function divide(a: Exact, b: Exact): Exact {
  return exact(a.n * b.d, a.d * b.n);
}

export function sum(values: readonly Exact[]): Exact {
  return values.reduce(add, ZERO);
}

/** −1, 0 or 1 as a is below, at or above b. */
export function compare(a: Exact, b: Exact): number {
  const difference = a.n * b.d - b.n * a.d;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function isZero(a: Exact): boolean {
  return a.n === 0n;
}

/** The smallest whole number at or above a. */
export function ceiling(a: Exact): Exact {
  const quotient = a.n / a.d;
  return { n: a.n > 0n && a.n % a.d !== 0n ? quotient + 1n : quotient, d: 1n };
}

/** The figure in whole thousandths, halves rounded away from zero (0.0005 → 1, −0.0005 → −1). */
export function toMilli(a: Exact): number {
  const scaled = a.n < 0n ? -a.n * THOUSAND : a.n * THOUSAND;
  const rounded = (2n * scaled + a.d) / (2n * a.d);
  return Number(a.n < 0n ? -rounded : rounded);
}

/**
 * Thousandths for each of the (non-negative) parts of a total, adding up to exactly `totalMilli` (the total's
 * own rounding): each part is rounded down, and the thousandths still missing go one each to the parts with
 * the largest remainders, the earlier part first on a tie (largest remainder method). So every part is within
 * one thousandth of its exact value, and a column of parts adds up to the figure it explains.
 */
export function apportionMilli(parts: readonly Exact[], totalMilli: number): number[] {
  const floors = parts.map((part) => {
    if (part.n < 0n) throw new RangeError('parts to apportion must not be negative');
    return (part.n * THOUSAND) / part.d;
  });
  const remainders = parts.map((part, index): Exact => ({ n: part.n * THOUSAND - floors[index] * part.d, d: part.d }));
  const missing = totalMilli - Number(floors.reduce((a, b) => a + b, 0n));
  if (missing < 0 || missing > parts.length) throw new RangeError(`${totalMilli} thousandths cannot be shared out over these parts`);
  const order = parts.map((_, index) => index).sort((i, j) => compare(remainders[j], remainders[i]) || i - j);
  const result = floors.map(Number);
  for (const index of order.slice(0, missing)) result[index] += 1;
  return result;
}

/** What the benchmarks share: options, timing, and how figures are printed. */
import { parseArgs } from 'node:util';
import type { TransactionHost } from '@app/database';

export interface Timing {
  min: number;
  median: number;
}

/** A whole number with thousands separators. */
export const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** Seconds as milliseconds, with decimals where they matter. */
export function ms(secs: number): string {
  const digits = secs < 0.1 ? 2 : secs < 1 ? 1 : 0;
  return `${(secs * 1000).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

/** Seconds since a `process.hrtime.bigint()` mark. */
export const since = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

export interface WholeNumberOption {
  fallback: number;
  min: number;
  max: number;
}

/** `--name N` options that take whole numbers within bounds; anything else is refused by name. */
export function wholeNumberOptions<K extends string>(args: string[], spec: Record<K, WholeNumberOption>): Record<K, number> {
  const names = Object.keys(spec) as K[];
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    strict: true,
    allowPositionals: false,
  });
  const parsed = {} as Record<K, number>;
  for (const name of names) {
    const { fallback, min, max } = spec[name];
    const value = values[name];
    if (value === undefined) {
      parsed[name] = fallback;
      continue;
    }
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    parsed[name] = number;
  }
  return parsed;
}

/** The minimum and the median of some timings. */
export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return { min: sorted[0], median: sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2 };
}

/** Nearest-rank percentile of sorted samples. */
export const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** One warm-up, then `runs` timed runs. */
export async function timed(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const mark = process.hrtime.bigint();
    await work();
    samples.push(since(mark));
  }
  return summarize(samples);
}

/**
 * One warm-up of each, then `runs` rounds alternating the two, so that both see the same cache
 * state. Returns the timings and the warm-up results (for cross-checks).
 */
export async function timedPair<A, B>(
  runs: number,
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<{ a: Timing; b: Timing; resultA: A; resultB: B }> {
  const resultA = await a();
  const resultB = await b();
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < runs; i++) {
    let mark = process.hrtime.bigint();
    await a();
    samplesA.push(since(mark));
    mark = process.hrtime.bigint();
    await b();
    samplesB.push(since(mark));
  }
  return { a: summarize(samplesA), b: summarize(samplesB), resultA, resultB };
}

/** A labelled line with the minimum and the median. */
export const timingLine = (label: string, t: Timing, width: number) =>
  `${label.padEnd(width)} min ${ms(t.min).padStart(11)}   median ${ms(t.median).padStart(11)}`;

/** The ratio of two medians against a target, with the ratio of the minimums beside it. */
export function ratioLine(label: string, measured: Timing, baseline: Timing, target: number): string {
  const ratio = measured.median / baseline.median;
  // Three decimals near the target, so that a miss never reads as the target itself.
  const shown = ratio.toFixed(Math.abs(ratio - target) < 0.01 ? 3 : 2);
  return `${label} = ${shown}× (medians; mins ${(measured.min / baseline.min).toFixed(2)}×), target ≤ ${target}×: ${ratio <= target ? 'met' : 'NOT MET'}`;
}

/** The database server or engine and its version, e.g. "SQLite 3.46.1 (better-sqlite3)" or "MariaDB 10.11.6". */
export async function databaseVersion(tx: TransactionHost): Promise<string> {
  if (tx.dialect === 'sqlite') {
    const [row] = await tx.manager.query<{ version: string }[]>('SELECT sqlite_version() AS version');
    return `SQLite ${row.version} (better-sqlite3)`;
  }
  const [row] = await tx.manager.query<{ version: string }[]>('SELECT VERSION() AS version');
  return `${/mariadb/i.test(row.version) ? 'MariaDB' : 'MySQL'} ${row.version}`;
}

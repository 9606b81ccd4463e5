import type { ScanStatus } from './shortage-types';

/** A school whose scan threw, with the error. */
export interface SchoolFailure {
  readonly schoolId: string;
  readonly error: string;
}

/** What becomes of a unit of work of a scan after one try (docs/rules.md, "Shortages": scans). */
export type BatchOutcome =
  | { readonly status: 'DONE' }
  /** Some schools failed and have tries left: they alone are tried again after `retryInMs`. */
  | {
      readonly status: 'PENDING';
      readonly pending: readonly string[];
      readonly failedTries: number;
      readonly retryInMs: number;
      readonly error: string;
    }
  /** A school used up its tries: the unit is FAILED with the error kept; the other schools were scanned. */
  | { readonly status: 'FAILED'; readonly pending: readonly string[]; readonly failedTries: number; readonly error: string };

/**
 * After a try of a unit that left `failures` (schools whose scan threw), having failed
 * `failedTries` times before, with `attempts` tries allowed per school: done, tried again later
 * (waiting `firstRetryMs`, doubled each time), or failed.
 */
export function batchOutcome(failures: readonly SchoolFailure[], failedTries: number, attempts: number, firstRetryMs: number): BatchOutcome {
  if (failures.length === 0) return { status: 'DONE' };
  const tries = failedTries + 1;
  const pending = failures.map((failure) => failure.schoolId);
  const error = `school ${failures[0].schoolId}: ${failures[0].error}`.slice(0, 1000);
  if (tries >= attempts) return { status: 'FAILED', pending, failedTries: tries, error };
  return { status: 'PENDING', pending, failedTries: tries, retryInMs: firstRetryMs * 2 ** (tries - 1), error };
}

/** A scan's status from its units: RUNNING while any is pending, then FAILED if any failed, else DONE. */
export function scanStatusOf(units: { readonly pending: number; readonly failed: number }): Exclude<ScanStatus, 'QUEUED'> {
  if (units.pending > 0) return 'RUNNING';
  return units.failed > 0 ? 'FAILED' : 'DONE';
}

import { addDays } from '../calendar/calendar-date';
import type { Location } from '../reference/codes';

/**
 * A school's classification is effective-dated: `location` and `weak` each hold from the day a
 * change sets them until the next change that sets them again. A change may set one or both.
 */
export interface ClassificationChange {
  readonly effectiveFrom: string;
  readonly location: Location | null;
  readonly weak: boolean | null;
}

export interface ClassificationState {
  readonly location: Location | null;
  readonly weak: boolean | null;
}

export interface ClassificationPeriod extends ClassificationState {
  readonly from: string;
  /** Inclusive last day; null = still in force. */
  readonly to: string | null;
}

function sorted(changes: readonly ClassificationChange[]): ClassificationChange[] {
  return [...changes].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

/** The classification in force on `date`; fields never set by then are null. */
export function classificationOn(changes: readonly ClassificationChange[], date: string): ClassificationState {
  let location: Location | null = null;
  let weak: boolean | null = null;
  for (const change of sorted(changes)) {
    if (change.effectiveFrom > date) break;
    if (change.location !== null) location = change.location;
    if (change.weak !== null) weak = change.weak;
  }
  return { location, weak };
}

/**
 * Consecutive periods of constant classification, from the first change on. Changes that set
 * nothing new are folded into the period before them.
 */
export function classificationPeriods(changes: readonly ClassificationChange[]): ClassificationPeriod[] {
  const periods: { from: string; location: Location | null; weak: boolean | null }[] = [];
  let location: Location | null = null;
  let weak: boolean | null = null;
  for (const change of sorted(changes)) {
    if (change.location !== null) location = change.location;
    if (change.weak !== null) weak = change.weak;
    const last = periods[periods.length - 1];
    if (last && last.from === change.effectiveFrom) {
      last.location = location;
      last.weak = weak;
    } else if (!last || last.location !== location || last.weak !== weak) {
      periods.push({ from: change.effectiveFrom, location, weak });
    }
  }
  // Merging a same-day change can make two neighbours equal; fold them.
  const folded = periods.filter((p, i) => i === 0 || p.location !== periods[i - 1].location || p.weak !== periods[i - 1].weak);
  return folded.map((p, i) => ({ ...p, to: i + 1 < folded.length ? addDays(folded[i + 1].from, -1) : null }));
}

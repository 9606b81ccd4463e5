import type { FlagChanges, FoundShortage, StoredFlag } from './shortage-types';

/**
 * What a scan of one school changes in its flags (docs/rules.md, "Shortages"). Flags are keyed by (kind, subject):
 *
 * - found, no flag of that key: a new OPEN flag (`open`);
 * - found, the flag RESOLVED: the same flag OPEN again (`reopen`);
 * - found, the flag OPEN: `update` when its severity or a figure (required, actual, gap, to the thousandth)
 *   differs, else `unchanged` (only seen again);
 * - not found, the flag OPEN: `resolve`; not found and RESOLVED: nothing.
 *
 * So a second scan of unchanged facts changes nothing. Should a key have several stored flags, a finding goes to
 * the OPEN one (the first given), else to the first RESOLVED one given, and any other OPEN flag of the key is resolved.
 * Two findings of one key are a fault of the caller (findShortages never makes them) and throw.
 */
export function flagChanges(found: readonly FoundShortage[], stored: readonly StoredFlag[]): FlagChanges {
  const candidates = new Map<string, StoredFlag>();
  for (const flag of stored) {
    const key = keyOf(flag);
    const held = candidates.get(key);
    if (held === undefined || (held.status === 'RESOLVED' && flag.status === 'OPEN')) candidates.set(key, flag);
  }
  const changes = { open: [] as FoundShortage[], reopen: [] as Pair[], update: [] as Pair[], unchanged: [] as Pair[] };
  const keys = new Set<string>();
  const matched = new Set<StoredFlag>();
  for (const finding of found) {
    const key = keyOf(finding);
    if (keys.has(key)) throw new Error(`two shortages found for ${key}`);
    keys.add(key);
    const flag = candidates.get(key);
    if (flag === undefined) {
      changes.open.push(finding);
      continue;
    }
    matched.add(flag);
    if (flag.status === 'RESOLVED') changes.reopen.push({ flag, found: finding });
    else if (sameFigures(flag, finding)) changes.unchanged.push({ flag, found: finding });
    else changes.update.push({ flag, found: finding });
  }
  return { ...changes, resolve: stored.filter((flag) => flag.status === 'OPEN' && !matched.has(flag)) };
}

type Pair = { readonly flag: StoredFlag; readonly found: FoundShortage };

function keyOf(flag: Pick<StoredFlag, 'kind' | 'subject'>): string {
  return `${flag.kind}:${flag.subject ?? ''}`;
}

/** Figures are stored as thousandths: compare them as such, so 1.125 read back from a database is 1.125. */
function sameFigures(flag: StoredFlag, found: FoundShortage): boolean {
  const milli = (value: number) => Math.round(value * 1000);
  return (
    flag.severity === found.severity &&
    milli(flag.requiredFte) === milli(found.requiredFte) &&
    milli(flag.actualFte) === milli(found.actualFte) &&
    milli(flag.gap) === milli(found.gap)
  );
}

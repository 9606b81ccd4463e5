import { RuleViolationError } from '../errors/domain-error';
import type { FlagStatus } from '../shortage/shortage-types';

/** A shortage flag as a citation needs it. */
export interface CitableFlag {
  readonly id: string;
  readonly schoolId: string;
  readonly status: FlagStatus;
}

/**
 * A request may cite shortage flags as its evidence: each must be a flag of the request's own school
 * (422 FLAG_NOT_OF_SCHOOL, the same answer for an id that names no flag at all, so that nothing is
 * learnt of other schools' flags) and still open (422 FLAG_NOT_OPEN). `found` holds the flags the ids
 * name, wherever they are.
 */
export function assertCitable(schoolId: string, citedIds: readonly string[], found: readonly CitableFlag[]): void {
  const byId = new Map(found.map((flag) => [flag.id, flag]));
  const foreign = citedIds.filter((id) => byId.get(id)?.schoolId !== schoolId);
  if (foreign.length > 0) {
    throw new RuleViolationError('FLAG_NOT_OF_SCHOOL', 'A request cites only shortage flags of its own school', { flagIds: foreign });
  }
  const closed = citedIds.filter((id) => byId.get(id)?.status !== 'OPEN');
  if (closed.length > 0) {
    throw new RuleViolationError('FLAG_NOT_OPEN', 'A request cites only open shortage flags: these were resolved', { flagIds: closed });
  }
}

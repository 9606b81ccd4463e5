import { RuleViolationError, ValidationFailedError } from '../errors/domain-error';

/**
 * The county quota pool (县域统筹, docs/rules.md, "Staffing quotas"), plan item 7 “实施城乡之间、学段之间、学校之间、
 * 集团之间动态管理”: a county's approved total (核定编制总数) for a year, and the allocations of its schools, which
 * never add up to more than it. Each check takes the pool as it is inside the writing transaction (the county's
 * row locked), so two officers writing at once are judged one after the other.
 */

/** A county's pool for one year: its approved total (null until entered) and the sum of its schools' allocations. */
export interface QuotaPool {
  readonly approvedTotal: number | null;
  readonly allocated: number;
}

/** Posts approved but not allocated to a school; null while no total is approved. */
export function unallocatedOf(pool: QuotaPool): number | null {
  return pool.approvedTotal === null ? null : pool.approvedTotal - pool.allocated;
}

/** A new approved total must cover what is allocated already (422 QUOTA_BELOW_ALLOCATED). */
export function assertApprovedTotalCovers(approvedTotal: number, pool: QuotaPool): void {
  assertWhole('approvedTotal', approvedTotal);
  if (approvedTotal < pool.allocated) {
    throw new RuleViolationError(
      'QUOTA_BELOW_ALLOCATED',
      `The approved total ${approvedTotal} is below the ${pool.allocated} posts already allocated to the county's schools; lower allocations first`,
      { approvedTotal, allocated: pool.allocated },
    );
  }
}

/**
 * A school's allocation may become `allocated` when the county has an approved total for the year (else 422
 * QUOTA_NOT_APPROVED) and the allocations, with this one changed from `current`, stay within it (else 422
 * QUOTA_POOL_EXCEEDED). Lowering an allocation always fits.
 */
export function assertAllocationFits(pool: QuotaPool, current: number, allocated: number): void {
  assertWhole('allocated', allocated);
  if (pool.approvedTotal === null) {
    throw new RuleViolationError('QUOTA_NOT_APPROVED', 'The county has no approved total for this year: enter it first (PUT /counties/{id}/quota)');
  }
  const after = pool.allocated - current + allocated;
  if (allocated > current && after > pool.approvedTotal) {
    throw new RuleViolationError(
      'QUOTA_POOL_EXCEEDED',
      `Allocating ${allocated} would bring the county's allocations to ${after}, above its approved total of ${pool.approvedTotal} ` +
        `(${pool.approvedTotal - (pool.allocated - current)} available for this school)`,
      {
        approvedTotal: pool.approvedTotal,
        allocated: pool.allocated,
        requested: allocated,
        available: pool.approvedTotal - (pool.allocated - current),
      },
    );
  }
}

/** The allocations of the two schools after a move of `amount` posts from one to the other. */
export interface QuotaMove {
  readonly from: number;
  readonly to: number;
}

/**
 * Moves `amount` posts (a whole number ≥ 1) from one school's allocation to another's: the county must have an
 * approved total (422 QUOTA_NOT_APPROVED) and the school giving must hold at least `amount` (422
 * QUOTA_MOVE_EXCEEDS_ALLOCATION); the pool's sum is unchanged. The two schools must differ (400).
 */
export function planQuotaMove(
  pool: QuotaPool,
  from: { schoolId: string; allocated: number },
  to: { schoolId: string; allocated: number },
  amount: number,
): QuotaMove {
  assertMovable(from.schoolId, to.schoolId, amount);
  if (pool.approvedTotal === null) {
    throw new RuleViolationError('QUOTA_NOT_APPROVED', 'The county has no approved total for this year: enter it first (PUT /counties/{id}/quota)');
  }
  if (amount > from.allocated) {
    throw new RuleViolationError(
      'QUOTA_MOVE_EXCEEDS_ALLOCATION',
      `The school giving holds ${from.allocated} posts this year; ${amount} cannot be moved from it`,
      { fromAllocated: from.allocated, amount },
    );
  }
  return { from: from.allocated - amount, to: to.allocated + amount };
}

/** A move names two different schools and moves a whole number of posts, at least one (400 otherwise). */
export function assertMovable(fromSchoolId: string, toSchoolId: string, amount: number): void {
  if (fromSchoolId === toSchoolId) throw ValidationFailedError.field('toSchoolId', 'must be another school than fromSchoolId');
  if (!Number.isSafeInteger(amount) || amount < 1) throw ValidationFailedError.field('amount', 'must be a whole number ≥ 1');
}

function assertWhole(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw ValidationFailedError.field(field, 'must be a whole number ≥ 0');
}

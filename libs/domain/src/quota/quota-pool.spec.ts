import fc from 'fast-check';
import { DomainError, RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import { assertAllocationFits, assertApprovedTotalCovers, planQuotaMove, QuotaPool, unallocatedOf } from './quota-pool';

/** The code of the domain error `work` throws. */
function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('expected a refusal');
}

const school = (schoolId: string, allocated: number) => ({ schoolId, allocated });

describe('the county quota pool', () => {
  const pool: QuotaPool = { approvedTotal: 100, allocated: 90 };

  describe('the approved total', () => {
    it('may be set to the allocations or above', () => {
      expect(() => assertApprovedTotalCovers(90, pool)).not.toThrow();
      expect(() => assertApprovedTotalCovers(500, pool)).not.toThrow();
      expect(() => assertApprovedTotalCovers(0, { approvedTotal: null, allocated: 0 })).not.toThrow();
    });

    it('is never set below what is allocated already (QUOTA_BELOW_ALLOCATED)', () => {
      expect(codeOf(() => assertApprovedTotalCovers(89, pool))).toBe('QUOTA_BELOW_ALLOCATED');
      try {
        assertApprovedTotalCovers(89, pool);
      } catch (error) {
        expect(error).toBeInstanceOf(RuleViolationError);
        expect((error as RuleViolationError).details).toEqual({ approvedTotal: 89, allocated: 90 });
      }
    });

    it('is a whole number of posts, 0 or more', () => {
      expect(codeOf(() => assertApprovedTotalCovers(-1, { approvedTotal: null, allocated: 0 }))).toBe('VALIDATION_FAILED');
      expect(codeOf(() => assertApprovedTotalCovers(100.5, pool))).toBe('VALIDATION_FAILED');
    });
  });

  describe('an allocation', () => {
    it('fits while the allocations stay within the approved total, up to it exactly', () => {
      expect(() => assertAllocationFits(pool, 0, 10)).not.toThrow();
      expect(() => assertAllocationFits(pool, 5, 15)).not.toThrow();
      expect(() => assertAllocationFits(pool, 90, 100)).not.toThrow();
    });

    it('is refused when the allocations would exceed the approved total (QUOTA_POOL_EXCEEDED), with what is available', () => {
      expect(codeOf(() => assertAllocationFits(pool, 0, 11))).toBe('QUOTA_POOL_EXCEEDED');
      expect(codeOf(() => assertAllocationFits(pool, 5, 16))).toBe('QUOTA_POOL_EXCEEDED');
      try {
        assertAllocationFits(pool, 5, 16);
      } catch (error) {
        expect((error as RuleViolationError).details).toEqual({ approvedTotal: 100, allocated: 90, requested: 16, available: 15 });
      }
    });

    it('may always be lowered, even in a pool over its total (left by an earlier policy of the county)', () => {
      expect(() => assertAllocationFits({ approvedTotal: 100, allocated: 120 }, 30, 20)).not.toThrow();
      expect(() => assertAllocationFits({ approvedTotal: 100, allocated: 120 }, 30, 30)).not.toThrow();
      expect(codeOf(() => assertAllocationFits({ approvedTotal: 100, allocated: 120 }, 30, 31))).toBe('QUOTA_POOL_EXCEEDED');
    });

    it('needs an approved total for the year first (QUOTA_NOT_APPROVED)', () => {
      expect(codeOf(() => assertAllocationFits({ approvedTotal: null, allocated: 0 }, 0, 1))).toBe('QUOTA_NOT_APPROVED');
      expect(codeOf(() => assertAllocationFits({ approvedTotal: null, allocated: 0 }, 0, 0))).toBe('QUOTA_NOT_APPROVED');
    });

    it('is a whole number of posts, 0 or more', () => {
      expect(codeOf(() => assertAllocationFits(pool, 0, -1))).toBe('VALIDATION_FAILED');
      expect(codeOf(() => assertAllocationFits(pool, 0, 1.5))).toBe('VALIDATION_FAILED');
    });
  });

  describe('a move between two schools', () => {
    it('takes the amount from one school and gives it to the other, leaving the pool’s sum as it was', () => {
      expect(planQuotaMove(pool, school('a', 10), school('b', 4), 3)).toEqual({ from: 7, to: 7 });
      expect(planQuotaMove(pool, school('a', 10), school('b', 0), 10)).toEqual({ from: 0, to: 10 });
    });

    it('never leaves the school giving below 0 (QUOTA_MOVE_EXCEEDS_ALLOCATION)', () => {
      expect(codeOf(() => planQuotaMove(pool, school('a', 2), school('b', 4), 3))).toBe('QUOTA_MOVE_EXCEEDS_ALLOCATION');
      expect(codeOf(() => planQuotaMove(pool, school('a', 0), school('b', 4), 1))).toBe('QUOTA_MOVE_EXCEEDS_ALLOCATION');
    });

    it('moves a whole number of posts, at least one, between two different schools of a pool with an approved total', () => {
      expect(codeOf(() => planQuotaMove(pool, school('a', 10), school('b', 4), 0))).toBe('VALIDATION_FAILED');
      expect(codeOf(() => planQuotaMove(pool, school('a', 10), school('b', 4), 1.5))).toBe('VALIDATION_FAILED');
      expect(() => planQuotaMove(pool, school('a', 10), school('a', 10), 1)).toThrow(ValidationFailedError);
      expect(codeOf(() => planQuotaMove({ approvedTotal: null, allocated: 0 }, school('a', 0), school('b', 0), 1))).toBe('QUOTA_NOT_APPROVED');
    });
  });

  it('leaves approved total − allocations unallocated (null without a total)', () => {
    expect(unallocatedOf(pool)).toBe(10);
    expect(unallocatedOf({ approvedTotal: null, allocated: 0 })).toBeNull();
  });

  it('keeps, whatever officers try in whatever order, the allocations within the total and every school at 0 or more', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('total' as const), value: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('allocate' as const), school: fc.integer({ min: 0, max: 4 }), value: fc.integer({ min: 0, max: 30 }) }),
      fc.record({
        kind: fc.constant('move' as const),
        from: fc.integer({ min: 0, max: 4 }),
        to: fc.integer({ min: 0, max: 4 }),
        value: fc.integer({ min: 1, max: 20 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        let approvedTotal: number | null = null;
        const allocations = [0, 0, 0, 0, 0];
        const state = (): QuotaPool => ({ approvedTotal, allocated: allocations.reduce((a, b) => a + b, 0) });
        for (const op of operations) {
          try {
            if (op.kind === 'total') {
              assertApprovedTotalCovers(op.value, state());
              approvedTotal = op.value;
            } else if (op.kind === 'allocate') {
              assertAllocationFits(state(), allocations[op.school], op.value);
              allocations[op.school] = op.value;
            } else {
              const move = planQuotaMove(state(), school(String(op.from), allocations[op.from]), school(String(op.to), allocations[op.to]), op.value);
              allocations[op.from] = move.from;
              allocations[op.to] = move.to;
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          const sum = allocations.reduce((a, b) => a + b, 0);
          if (approvedTotal === null) expect(sum).toBe(0);
          else expect(sum).toBeLessThanOrEqual(approvedTotal);
          expect(allocations.every((value) => value >= 0)).toBe(true);
        }
      }),
    );
  });
});

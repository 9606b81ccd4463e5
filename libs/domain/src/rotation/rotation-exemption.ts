import { FieldErrors, ValidationFailedError } from '../errors/domain-error';
import type { ExemptionReason } from './rotation-codes';
import { RotationPolicy, rotationReferenceDate } from './rotation-eligibility';

/**
 * Recorded exemptions and the plan year a candidates list is for
 * (docs/rules.md, "Rotation: eligibility"): an officer records why a teacher is exempt and from
 * when to when (inclusive; no end = until withdrawn); the list holds it when it is valid on the
 * plan year's reference day.
 */

export interface RotationExemptionInput {
  readonly reason: ExemptionReason;
  readonly note?: string | null;
  readonly validFrom: string;
  readonly validTo?: string | null;
}

/** What is wrong with an exemption, by field: an end before the start; an `OTHER` reason without a note saying what it is. */
export function rotationExemptionProblems(input: RotationExemptionInput): FieldErrors {
  const problems: FieldErrors = {};
  if (input.validTo !== undefined && input.validTo !== null && input.validTo < input.validFrom) {
    problems.validTo = [`must be on or after validFrom (${input.validFrom})`];
  }
  if (input.reason === 'OTHER' && (input.note ?? '').trim() === '') {
    problems.note = ['is required when the reason is OTHER'];
  }
  return problems;
}

/** Refuses an exemption with a problem (400 naming every bad field). */
export function validateRotationExemption(input: RotationExemptionInput): void {
  const problems = rotationExemptionProblems(input);
  if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
}

/**
 * The plan year a county works on when none is named: the year whose reference day is today or
 * next (reference day 09-01: on 2026-09-01 the 2026 plan, from 2026-09-02 the 2027 plan).
 */
export function currentRotationYear(today: string, policy: RotationPolicy): number {
  const year = Number(today.slice(0, 4));
  return today <= rotationReferenceDate(year, policy) ? year : year + 1;
}

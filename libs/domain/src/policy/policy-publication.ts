import { RuleViolationError } from '../errors/domain-error';

/**
 * A new policy version takes effect today or later, never earlier: a backdated version would
 * change answers already given (eligibility, quotas, training status) for days already past.
 * Refuses an earlier day with 422 POLICY_BACKDATED.
 */
export function assertTakesEffectFromToday(effectiveFrom: string, today: string): void {
  if (effectiveFrom < today) {
    throw new RuleViolationError(
      'POLICY_BACKDATED',
      `A policy version takes effect today (${today}) or later, not on ${effectiveFrom}: it would change answers already given`,
      { effectiveFrom, today },
    );
  }
}

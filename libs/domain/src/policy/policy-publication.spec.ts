import { RuleViolationError } from '../errors/domain-error';
import { assertTakesEffectFromToday } from './policy-publication';

describe('assertTakesEffectFromToday', () => {
  it('accepts a version taking effect today or later', () => {
    expect(() => assertTakesEffectFromToday('2026-09-01', '2026-09-01')).not.toThrow();
    expect(() => assertTakesEffectFromToday('2027-01-01', '2026-09-01')).not.toThrow();
  });

  it('refuses one taking effect before today with POLICY_BACKDATED, naming both days', () => {
    let error: unknown;
    try {
      assertTakesEffectFromToday('2026-08-31', '2026-09-01');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ code: 'POLICY_BACKDATED', details: { effectiveFrom: '2026-08-31', today: '2026-09-01' } });
  });
});

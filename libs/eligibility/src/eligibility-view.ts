import type { EligibilityAnswer, QualifyingPeriod, RuleOutcome } from '@app/domain';

export interface EligibilityView {
  teacherId: string;
  asOf: string;
  policyVersion: string;
  seniorTitle: { eligible: boolean; rules: RuleOutcome[]; earliestServiceDate: string | null };
  principalPriority: { priority: boolean; required: number; actual: number; unit: 'days' };
  qualifyingPeriods: QualifyingPeriod[];
}

export function eligibilityView(teacherId: string, asOf: string, policyVersion: string, answer: EligibilityAnswer): EligibilityView {
  return { teacherId, asOf, policyVersion, ...answer };
}

import { JIANGSU_2024_POLICY } from '@app/domain';

/**
 * The numbers the API description quotes come from the shipped default policy, never from literals, so the description
 * cannot drift from the rules. They are defaults: a later policy version may change them, and GET /policy tells.
 */
export const DEFAULT_POLICY = JIANGSU_2024_POLICY.parameters;

/** Said after any description that quotes policy numbers. */
export const POLICY_DEFAULTS_NOTE = `(Defaults of policy ${JIANGSU_2024_POLICY.version}; GET /policy gives the values in force.)`;

/** `1095` → `1,095`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

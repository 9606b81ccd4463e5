import { RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import type { ErrorCode } from '../labels/error-labels';
import type { StaffRequestAction, StaffRequestDecision, StaffRequestStatus } from './staff-request-types';

/**
 * The lifecycle of a staff request: `SUBMITTED` → `APPROVED` | `REJECTED` (a county officer decides) or
 * `CANCELLED` (the principal withdraws it before a decision); `APPROVED` → `FULFILLED` once fulfilments
 * cover the headcount. `REJECTED`, `FULFILLED` and `CANCELLED` are final.
 */
const ALLOWED: { readonly [S in StaffRequestStatus]: readonly StaffRequestAction[] } = {
  SUBMITTED: ['APPROVE', 'REJECT', 'CANCEL'],
  APPROVED: ['RECORD_FULFILMENT'],
  REJECTED: [],
  FULFILLED: [],
  CANCELLED: [],
};

/** True when the action may be taken on a request of this status. */
export function mayTake(status: StaffRequestStatus, action: StaffRequestAction): boolean {
  return ALLOWED[status].includes(action);
}

/** Why an action is refused on a request of this status: a stable code and a sentence. */
function refusal(status: StaffRequestStatus, action: StaffRequestAction): { code: ErrorCode; message: string } {
  if (status === 'CANCELLED') return { code: 'STAFF_REQUEST_CANCELLED', message: 'The request was cancelled by its school' };
  if (action === 'RECORD_FULFILMENT') {
    return status === 'FULFILLED'
      ? { code: 'STAFF_REQUEST_ALREADY_FULFILLED', message: 'The request is fulfilled already: its headcount is covered' }
      : { code: 'STAFF_REQUEST_NOT_APPROVED', message: `Only an approved request is fulfilled; this one is ${status.toLowerCase()}` };
  }
  return { code: 'STAFF_REQUEST_ALREADY_DECIDED', message: `The request was ${status.toLowerCase()} already; a decision is final` };
}

/** Refuses (422, with the code of the case) an action the request's status does not allow. */
export function assertMayTake(status: StaffRequestStatus, action: StaffRequestAction): void {
  if (mayTake(status, action)) return;
  const { code, message } = refusal(status, action);
  throw new RuleViolationError(code, message, { status, action });
}

/** The status a decision leads to. */
export function statusAfterDecision(decision: StaffRequestDecision): StaffRequestStatus {
  return decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
}

/**
 * The note of a decision, trimmed (null when none): a rejection must say why (400 naming `note`), an
 * approval may.
 */
export function decisionNote(decision: StaffRequestDecision, note: string | undefined | null): string | null {
  const trimmed = note?.trim() ?? '';
  if (decision === 'REJECT' && trimmed === '') throw ValidationFailedError.field('note', 'is required to reject a request: say why');
  return trimmed === '' ? null : trimmed;
}

import { RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import type { ErrorCode } from '../labels/error-labels';
import { TRANSFER_ACTIONS, TransferAction, TransferStatus } from './transfer-types';

/**
 * A transfer's life (docs/rules.md, "Transfers"):
 *
 *     new ──(anti-poaching refuses)──→ BLOCKED ──EXCEPTION──╮
 *      ├──(another county)───────────→ PENDING ←────────────┤ (another county)
 *      │                                 ├─ACCEPT─→ EXECUTED ←╯ (same county)
 *      ╰──(same county)──────────────→ EXECUTED
 *                                        ├─REJECT─→ REJECTED
 *     BLOCKED, PENDING ──CANCEL──→ CANCELLED
 *
 * `EXECUTED`, `REJECTED` and `CANCELLED` are final. Each refused step has its own code (422), with
 * the transfer's status and the statuses the step is allowed from in its details.
 */

interface Transition {
  readonly from: readonly TransferStatus[];
  readonly code: ErrorCode;
}

const TRANSITIONS: { readonly [action in TransferAction]: Transition } = {
  ACCEPT: { from: ['PENDING'], code: 'TRANSFER_NOT_PENDING' },
  REJECT: { from: ['PENDING'], code: 'TRANSFER_NOT_PENDING' },
  CANCEL: { from: ['BLOCKED', 'PENDING'], code: 'TRANSFER_NOT_CANCELLABLE' },
  EXCEPTION: { from: ['BLOCKED'], code: 'TRANSFER_NOT_BLOCKED' },
};

/** Where a transfer goes when it is asked for, or once an exception lets it through: same county → executed; another → pending. */
export function statusOfNewTransfer(blocked: boolean, crossCounty: boolean): TransferStatus {
  if (blocked) return 'BLOCKED';
  return crossCounty ? 'PENDING' : 'EXECUTED';
}

/** The status a transfer moves to by `action`; refused (422, the action's code) from any other status. */
export function transferStatusAfter(status: TransferStatus, action: TransferAction, crossCounty: boolean): TransferStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status)) {
    throw new RuleViolationError(
      transition.code,
      `A ${status} transfer cannot be ${PAST_TENSE[action]} (only a ${transition.from.join(' or ')} one)`,
      {
        status,
        action,
        allowedFrom: transition.from,
      },
    );
  }
  switch (action) {
    case 'ACCEPT':
      return 'EXECUTED';
    case 'REJECT':
      return 'REJECTED';
    case 'CANCEL':
      return 'CANCELLED';
    case 'EXCEPTION':
      return statusOfNewTransfer(false, crossCounty);
  }
}

/** The actions a transfer in `status` allows, in their order (what a client may offer). */
export function transferActionsFrom(status: TransferStatus): TransferAction[] {
  return TRANSFER_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}

/** A reason that must be given (a rejection, an exception): trimmed, or 400 naming the field. */
export function requiredReason(text: string | null | undefined, field: string): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') throw ValidationFailedError.field(field, 'is required: say why');
  return trimmed;
}

const PAST_TENSE: { readonly [action in TransferAction]: string } = {
  ACCEPT: 'accepted',
  REJECT: 'rejected',
  CANCEL: 'cancelled',
  EXCEPTION: 'let through by an exception',
};

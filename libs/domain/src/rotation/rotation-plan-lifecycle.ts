import { RuleViolationError } from '../errors/domain-error';
import type { ErrorCode } from '../labels/error-labels';
import { ROTATION_PLAN_ACTIONS, RotationPlanAction, RotationPlanStatus } from './rotation-codes';

/**
 * A rotation plan's life (docs/rules.md, "Rotation: plans"):
 *
 *     DRAFT → SUBMITTED → APPROVED → ACTIVE → COMPLETED
 *       ╰────────┴───────────┴──→ CANCELLED
 *
 * A plan is edited (assignments added, changed, removed) only as a `DRAFT`. It can be cancelled
 * until it is activated; an `ACTIVE` plan has written its postings, and a rotation that ends
 * early is a change to those postings, not a cancelled plan. It is completed once every term has
 * ended (the day after the last one). Each refused step has its own code (422), with the plan's
 * status and the statuses the step is allowed from in its details.
 */

interface Transition {
  readonly from: readonly RotationPlanStatus[];
  readonly to: RotationPlanStatus;
  readonly code: ErrorCode;
}

const TRANSITIONS: { readonly [action in RotationPlanAction]: Transition } = {
  SUBMIT: { from: ['DRAFT'], to: 'SUBMITTED', code: 'ROTATION_PLAN_NOT_DRAFT' },
  APPROVE: { from: ['SUBMITTED'], to: 'APPROVED', code: 'ROTATION_PLAN_NOT_SUBMITTED' },
  ACTIVATE: { from: ['APPROVED'], to: 'ACTIVE', code: 'ROTATION_PLAN_NOT_APPROVED' },
  COMPLETE: { from: ['ACTIVE'], to: 'COMPLETED', code: 'ROTATION_PLAN_NOT_ACTIVE' },
  CANCEL: { from: ['DRAFT', 'SUBMITTED', 'APPROVED'], to: 'CANCELLED', code: 'ROTATION_PLAN_NOT_CANCELLABLE' },
};

/** The status a plan moves to by `action`; refused (422, the action's code) from any other status. */
export function planStatusAfter(status: RotationPlanStatus, action: RotationPlanAction): RotationPlanStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status)) {
    throw new RuleViolationError(transition.code, `A ${status} plan cannot be ${pastTense(action)} (only a ${transition.from.join(', ')} one)`, {
      status,
      action,
      allowedFrom: transition.from,
    });
  }
  return transition.to;
}

/** The actions a plan in `status` allows, in their order (what a client may offer). */
export function planActionsFrom(status: RotationPlanStatus): RotationPlanAction[] {
  return ROTATION_PLAN_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}

/** Adding, changing or removing an assignment: only in a `DRAFT` plan (422 ROTATION_PLAN_NOT_DRAFT). */
export function assertPlanEditable(status: RotationPlanStatus): void {
  if (status !== 'DRAFT') {
    throw new RuleViolationError('ROTATION_PLAN_NOT_DRAFT', `A ${status} plan cannot be changed (only a DRAFT one)`, {
      status,
      action: 'EDIT',
      allowedFrom: ['DRAFT'],
    });
  }
}

/**
 * Completing a plan: only an `ACTIVE` one (422 ROTATION_PLAN_NOT_ACTIVE), and only once every
 * term has ended, i.e. after the last assignment's last day (422 ROTATION_TERMS_RUNNING, naming it).
 */
export function assertPlanCompletable(status: RotationPlanStatus, assignmentEnds: readonly string[], today: string): void {
  planStatusAfter(status, 'COMPLETE');
  const lastDay = [...assignmentEnds].sort().at(-1);
  if (lastDay !== undefined && lastDay >= today) {
    throw new RuleViolationError('ROTATION_TERMS_RUNNING', `The plan's terms run until ${lastDay}: it is completed after that day`, { lastDay });
  }
}

function pastTense(action: RotationPlanAction): string {
  return { SUBMIT: 'submitted', APPROVE: 'approved', ACTIVATE: 'activated', COMPLETE: 'completed', CANCEL: 'cancelled' }[action];
}

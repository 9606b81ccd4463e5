import { RuleViolationError } from '../errors/domain-error';
import { ERROR_LABELS } from '../labels/error-labels';
import { ROTATION_PLAN_ACTIONS, ROTATION_PLAN_STATUSES, RotationPlanAction, RotationPlanStatus } from './rotation-codes';
import { assertPlanCompletable, assertPlanEditable, planActionsFrom, planStatusAfter } from './rotation-plan-lifecycle';

function refusal(run: () => unknown): RuleViolationError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Every legal step: DRAFT → SUBMITTED → APPROVED → ACTIVE → COMPLETED, and CANCELLED from the first three. */
const LEGAL: Record<string, RotationPlanStatus> = {
  'DRAFT SUBMIT': 'SUBMITTED',
  'SUBMITTED APPROVE': 'APPROVED',
  'APPROVED ACTIVATE': 'ACTIVE',
  'ACTIVE COMPLETE': 'COMPLETED',
  'DRAFT CANCEL': 'CANCELLED',
  'SUBMITTED CANCEL': 'CANCELLED',
  'APPROVED CANCEL': 'CANCELLED',
};

const CODE_OF: Record<RotationPlanAction, string> = {
  SUBMIT: 'ROTATION_PLAN_NOT_DRAFT',
  APPROVE: 'ROTATION_PLAN_NOT_SUBMITTED',
  ACTIVATE: 'ROTATION_PLAN_NOT_APPROVED',
  COMPLETE: 'ROTATION_PLAN_NOT_ACTIVE',
  CANCEL: 'ROTATION_PLAN_NOT_CANCELLABLE',
};

describe('the life of a rotation plan', () => {
  it('goes DRAFT → SUBMITTED → APPROVED → ACTIVE → COMPLETED', () => {
    let status: RotationPlanStatus = 'DRAFT';
    for (const action of ['SUBMIT', 'APPROVE', 'ACTIVATE', 'COMPLETE'] as const) status = planStatusAfter(status, action);
    expect(status).toBe('COMPLETED');
  });

  it('allows exactly the legal steps, and refuses each other one with the step’s own code, the status and where it is allowed from', () => {
    for (const status of ROTATION_PLAN_STATUSES) {
      for (const action of ROTATION_PLAN_ACTIONS) {
        const legal = LEGAL[`${status} ${action}`];
        if (legal) {
          expect(planStatusAfter(status, action)).toBe(legal);
          continue;
        }
        const refused = refusal(() => planStatusAfter(status, action));
        expect(refused.code).toBe(CODE_OF[action]);
        expect(refused.kind).toBe('RULE');
        expect(refused.details).toMatchObject({ status, action, allowedFrom: expect.any(Array) });
        expect(refused.details?.allowedFrom).not.toContain(status);
      }
    }
  });

  it('can be cancelled until it is activated, never after', () => {
    expect(refusal(() => planStatusAfter('ACTIVE', 'CANCEL')).details).toEqual({
      status: 'ACTIVE',
      action: 'CANCEL',
      allowedFrom: ['DRAFT', 'SUBMITTED', 'APPROVED'],
    });
    expect(refusal(() => planStatusAfter('COMPLETED', 'CANCEL')).code).toBe('ROTATION_PLAN_NOT_CANCELLABLE');
    expect(refusal(() => planStatusAfter('CANCELLED', 'CANCEL')).code).toBe('ROTATION_PLAN_NOT_CANCELLABLE');
  });

  it('offers the actions each status allows', () => {
    expect(planActionsFrom('DRAFT')).toEqual(['SUBMIT', 'CANCEL']);
    expect(planActionsFrom('SUBMITTED')).toEqual(['APPROVE', 'CANCEL']);
    expect(planActionsFrom('APPROVED')).toEqual(['ACTIVATE', 'CANCEL']);
    expect(planActionsFrom('ACTIVE')).toEqual(['COMPLETE']);
    expect(planActionsFrom('COMPLETED')).toEqual([]);
    expect(planActionsFrom('CANCELLED')).toEqual([]);
  });

  it('is edited only as a draft', () => {
    expect(() => assertPlanEditable('DRAFT')).not.toThrow();
    for (const status of ROTATION_PLAN_STATUSES.filter((s) => s !== 'DRAFT')) {
      expect(refusal(() => assertPlanEditable(status))).toMatchObject({ code: 'ROTATION_PLAN_NOT_DRAFT', details: { status, action: 'EDIT' } });
    }
  });

  it('is completed once every term has ended, the day after the last one', () => {
    const ends = ['2029-08-31', '2027-08-31'];
    expect(refusal(() => assertPlanCompletable('ACTIVE', ends, '2029-08-31'))).toMatchObject({
      code: 'ROTATION_TERMS_RUNNING',
      details: { lastDay: '2029-08-31' },
    });
    expect(() => assertPlanCompletable('ACTIVE', ends, '2029-09-01')).not.toThrow();
    expect(() => assertPlanCompletable('ACTIVE', [], '2026-09-01')).not.toThrow();
    expect(refusal(() => assertPlanCompletable('APPROVED', ends, '2030-01-01')).code).toBe('ROTATION_PLAN_NOT_ACTIVE');
  });

  it('answers with codes that have labels, as 422', () => {
    for (const code of [...Object.values(CODE_OF), 'ROTATION_TERMS_RUNNING']) {
      expect(ERROR_LABELS[code as keyof typeof ERROR_LABELS]).toMatchObject({ status: 422 });
    }
  });
});

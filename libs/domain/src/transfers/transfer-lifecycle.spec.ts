import { RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import { requiredReason, statusOfNewTransfer, transferActionsFrom, transferStatusAfter } from './transfer-lifecycle';
import { TRANSFER_ACTIONS, TRANSFER_STATUSES, TransferAction, TransferStatus } from './transfer-types';

function refusal(run: () => unknown): RuleViolationError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Every legal step, within a county and across counties. */
const LEGAL: Record<string, { same: TransferStatus; cross: TransferStatus }> = {
  'PENDING ACCEPT': { same: 'EXECUTED', cross: 'EXECUTED' },
  'PENDING REJECT': { same: 'REJECTED', cross: 'REJECTED' },
  'PENDING CANCEL': { same: 'CANCELLED', cross: 'CANCELLED' },
  'BLOCKED CANCEL': { same: 'CANCELLED', cross: 'CANCELLED' },
  'BLOCKED EXCEPTION': { same: 'EXECUTED', cross: 'PENDING' },
};

const CODE_OF: Record<TransferAction, string> = {
  ACCEPT: 'TRANSFER_NOT_PENDING',
  REJECT: 'TRANSFER_NOT_PENDING',
  CANCEL: 'TRANSFER_NOT_CANCELLABLE',
  EXCEPTION: 'TRANSFER_NOT_BLOCKED',
};

describe('the life of a transfer', () => {
  it('starts blocked when the anti-poaching rule refuses it, else executed within a county and pending across counties', () => {
    expect(statusOfNewTransfer(true, false)).toBe('BLOCKED');
    expect(statusOfNewTransfer(true, true)).toBe('BLOCKED');
    expect(statusOfNewTransfer(false, false)).toBe('EXECUTED');
    expect(statusOfNewTransfer(false, true)).toBe('PENDING');
  });

  it('allows exactly the legal steps, and refuses every other one with the step’s own code, the status and where it is allowed from', () => {
    for (const status of TRANSFER_STATUSES) {
      for (const action of TRANSFER_ACTIONS) {
        for (const crossCounty of [false, true]) {
          const legal = LEGAL[`${status} ${action}`];
          if (legal) {
            expect([status, action, crossCounty, transferStatusAfter(status, action, crossCounty)]).toEqual([
              status,
              action,
              crossCounty,
              crossCounty ? legal.cross : legal.same,
            ]);
            continue;
          }
          const refused = refusal(() => transferStatusAfter(status, action, crossCounty));
          expect([status, action, refused.code]).toEqual([status, action, CODE_OF[action]]);
          expect(refused.kind).toBe('RULE');
          expect(refused.details).toMatchObject({ status, action, allowedFrom: expect.any(Array) });
          expect(refused.details?.allowedFrom).not.toContain(status);
        }
      }
    }
  });

  it('is final once executed, rejected or cancelled', () => {
    for (const status of ['EXECUTED', 'REJECTED', 'CANCELLED'] as const) expect(transferActionsFrom(status)).toEqual([]);
    expect(transferActionsFrom('PENDING')).toEqual(['ACCEPT', 'REJECT', 'CANCEL']);
    expect(transferActionsFrom('BLOCKED')).toEqual(['CANCEL', 'EXCEPTION']);
  });

  it('asks for a reason where one is required, naming the field', () => {
    expect(requiredReason('  夫妻两地分居 ', 'reason')).toBe('夫妻两地分居');
    for (const blank of [undefined, null, '', '   ']) {
      let error: unknown;
      try {
        requiredReason(blank, 'reason');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).fields).toEqual({ reason: [expect.any(String)] });
    }
  });
});

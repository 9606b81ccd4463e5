import { DomainError } from '../errors/domain-error';
import { assertMayTake, decisionNote, mayTake, statusAfterDecision } from './staff-request-lifecycle';
import { STAFF_REQUEST_STATUSES, StaffRequestAction, StaffRequestStatus } from './staff-request-types';

const ACTIONS: StaffRequestAction[] = ['APPROVE', 'REJECT', 'CANCEL', 'RECORD_FULFILMENT'];

/** The code an action on a request of a status is refused with; null when it is allowed. */
function refusedWith(status: StaffRequestStatus, action: StaffRequestAction): string | null {
  try {
    assertMayTake(status, action);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('RULE');
    expect((error as DomainError).details).toEqual({ status, action });
    return (error as DomainError).code;
  }
}

describe('the lifecycle of a staff request', () => {
  it('allows exactly: deciding or cancelling a submitted request, recording fulfilment of an approved one', () => {
    const allowed = STAFF_REQUEST_STATUSES.flatMap((status) =>
      ACTIONS.filter((action) => mayTake(status, action)).map((action) => `${status} ${action}`),
    );
    expect(allowed).toEqual(['SUBMITTED APPROVE', 'SUBMITTED REJECT', 'SUBMITTED CANCEL', 'APPROVED RECORD_FULFILMENT']);
  });

  it('refuses every other transition with a stable code of its case', () => {
    const table = Object.fromEntries(STAFF_REQUEST_STATUSES.map((status) => [status, ACTIONS.map((action) => refusedWith(status, action))]));
    expect(table).toEqual({
      //          APPROVE, REJECT, CANCEL, RECORD_FULFILMENT
      SUBMITTED: [null, null, null, 'STAFF_REQUEST_NOT_APPROVED'],
      APPROVED: ['STAFF_REQUEST_ALREADY_DECIDED', 'STAFF_REQUEST_ALREADY_DECIDED', 'STAFF_REQUEST_ALREADY_DECIDED', null],
      REJECTED: ['STAFF_REQUEST_ALREADY_DECIDED', 'STAFF_REQUEST_ALREADY_DECIDED', 'STAFF_REQUEST_ALREADY_DECIDED', 'STAFF_REQUEST_NOT_APPROVED'],
      FULFILLED: [
        'STAFF_REQUEST_ALREADY_DECIDED',
        'STAFF_REQUEST_ALREADY_DECIDED',
        'STAFF_REQUEST_ALREADY_DECIDED',
        'STAFF_REQUEST_ALREADY_FULFILLED',
      ],
      CANCELLED: ['STAFF_REQUEST_CANCELLED', 'STAFF_REQUEST_CANCELLED', 'STAFF_REQUEST_CANCELLED', 'STAFF_REQUEST_CANCELLED'],
    });
  });

  it('leads an approval to APPROVED and a rejection to REJECTED', () => {
    expect(statusAfterDecision('APPROVE')).toBe('APPROVED');
    expect(statusAfterDecision('REJECT')).toBe('REJECTED');
  });

  it('asks a rejection to say why (400 naming note); an approval may say nothing', () => {
    for (const note of [undefined, null, '', '   ']) {
      expect(() => decisionNote('REJECT', note)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', fields: { note: [expect.any(String)] } }),
      );
      expect(decisionNote('APPROVE', note)).toBeNull();
    }
    expect(decisionNote('REJECT', '  编制已满  ')).toBe('编制已满');
    expect(decisionNote('APPROVE', ' 同意 ')).toBe('同意');
  });
});

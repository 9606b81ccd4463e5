/**
 * A principal's request to the county for staff (docs/rules.md, "Staff requests"): its statuses, the
 * decisions an officer takes on it, and the events its history records.
 */
export const STAFF_REQUEST_STATUSES = ['SUBMITTED', 'APPROVED', 'REJECTED', 'FULFILLED', 'CANCELLED'] as const;
export type StaffRequestStatus = (typeof STAFF_REQUEST_STATUSES)[number];

/** What a county officer decides on a submitted request. */
export const STAFF_REQUEST_DECISIONS = ['APPROVE', 'REJECT'] as const;
export type StaffRequestDecision = (typeof STAFF_REQUEST_DECISIONS)[number];

/** What can happen to a request: the rows of its history. */
export const STAFF_REQUEST_EVENTS = ['SUBMITTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'FULFILMENT_RECORDED'] as const;
export type StaffRequestEvent = (typeof STAFF_REQUEST_EVENTS)[number];

/** An action someone takes on an existing request. */
export type StaffRequestAction = StaffRequestDecision | 'CANCEL' | 'RECORD_FULFILMENT';

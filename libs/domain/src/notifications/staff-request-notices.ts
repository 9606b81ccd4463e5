import type { Subject } from '../reference/codes';
import type { StaffRequestAction } from '../staff-requests/staff-request-types';
import type { StaffRequestNotice, StaffRequestNoticeKind } from './notification-messages';
import type { Recipient } from './recipients';

/** What happened to a staff request that someone hears of. */
export type StaffRequestHappening = 'SUBMIT' | Exclude<StaffRequestAction, 'RECORD_FULFILMENT'> | 'FULFIL';

const KIND_OF: { readonly [H in StaffRequestHappening]: StaffRequestNoticeKind } = {
  SUBMIT: 'STAFF_REQUEST_SUBMITTED',
  CANCEL: 'STAFF_REQUEST_CANCELLED',
  APPROVE: 'STAFF_REQUEST_APPROVED',
  REJECT: 'STAFF_REQUEST_REJECTED',
  FULFIL: 'STAFF_REQUEST_FULFILLED',
};

/** The notification kind of what happened. */
export function staffRequestNoticeKind(happening: StaffRequestHappening): StaffRequestNoticeKind {
  return KIND_OF[happening];
}

/**
 * Who hears of it: the county's officers of a new request and of its withdrawal (their desk's waiting
 * list changed); the school's principals of a decision and of the request being fulfilled.
 */
export function staffRequestRecipients(
  happening: StaffRequestHappening,
  request: { readonly countyId: string; readonly schoolId: string },
): Recipient[] {
  return happening === 'SUBMIT' || happening === 'CANCEL'
    ? [{ kind: 'COUNTY_OFFICERS', countyId: request.countyId }]
    : [{ kind: 'PRINCIPALS', schoolId: request.schoolId }];
}

/** Each happens to a request at most once, so the event names the notice: `staff_request:<id>:approved`. */
export function staffRequestDedupeKey(happening: StaffRequestHappening, requestId: string): string {
  return `staff_request:${requestId}:${KIND_OF[happening].slice('STAFF_REQUEST_'.length).toLowerCase()}`;
}

/** The notice of a request at the school of that name, with the reason or note of what happened. */
export function staffRequestNotice(
  request: { readonly subject: Subject; readonly headcount: number; readonly neededFrom: string; readonly overQuota: boolean },
  schoolName: string,
  note: string | null,
): StaffRequestNotice {
  return {
    schoolName,
    subject: request.subject,
    headcount: request.headcount,
    neededFrom: request.neededFrom,
    overQuota: request.overQuota,
    note,
  };
}

/**
 * What a notification is about, as a code: the console filters and badges by it, and each has
 * its template (notification-messages.ts) and its labels (CODE_LABELS.notificationKinds). A new
 * capability that notifies adds its kinds here; the compiler then asks for their labels and
 * templates.
 */
export const NOTIFICATION_KINDS = [
  'SHORTAGE_FLAG_OPENED',
  'SHORTAGE_FLAG_REOPENED',
  'STAFF_REQUEST_SUBMITTED',
  'STAFF_REQUEST_CANCELLED',
  'STAFF_REQUEST_APPROVED',
  'STAFF_REQUEST_REJECTED',
  'STAFF_REQUEST_FULFILLED',
  'ROTATION_PLAN_SUBMITTED',
  'ROTATION_PLAN_APPROVED',
  'ROTATION_PLAN_ACTIVATED',
  'TRANSFER_PENDING',
  'TRANSFER_EXECUTED',
  'TRANSFER_REJECTED',
  'TRANSFER_BLOCKED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

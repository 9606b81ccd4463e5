import type { TransferNoticeKind } from './notification-messages';
import type { Recipient } from './recipients';

/** What happened to a transfer that someone hears of. */
export type TransferHappening = 'PENDING' | 'EXECUTED' | 'REJECTED' | 'BLOCKED';

/**
 * Who hears of it (docs/rules.md, "Transfers"): the receiving county's officers of a transfer waiting
 * for them; the teacher and the principals of both schools of a transfer executed; the sending county's
 * officers of one the receiving county rejected; the province administrators of one the anti-poaching
 * rule blocked (one of them may record an exception).
 */
export function transferRecipients(
  happening: TransferHappening,
  transfer: {
    readonly teacherId: string;
    readonly fromSchoolId: string;
    readonly fromCountyId: string;
    readonly toSchoolId: string;
    readonly toCountyId: string;
  },
): Recipient[] {
  switch (happening) {
    case 'PENDING':
      return [{ kind: 'COUNTY_OFFICERS', countyId: transfer.toCountyId }];
    case 'EXECUTED':
      return [
        { kind: 'TEACHER', teacherId: transfer.teacherId },
        { kind: 'PRINCIPALS', schoolId: transfer.fromSchoolId },
        { kind: 'PRINCIPALS', schoolId: transfer.toSchoolId },
      ];
    case 'REJECTED':
      return [{ kind: 'COUNTY_OFFICERS', countyId: transfer.fromCountyId }];
    case 'BLOCKED':
      return [{ kind: 'PROVINCE_ADMINS' }];
  }
}

/** The notification kind of what happened. */
export function transferNoticeKind(happening: TransferHappening): TransferNoticeKind {
  return `TRANSFER_${happening}`;
}

/** Each happens to a transfer at most once, so the event names the notice: `transfer:<id>:executed`. */
export function transferDedupeKey(happening: TransferHappening, transferId: string): string {
  return `transfer:${transferId}:${happening.toLowerCase()}`;
}

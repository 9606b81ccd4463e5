import type { TransferEntity, TransferRow } from '@app/database';
import type { Label, TransferStatus } from '@app/domain';

/** Who did something: the account and its username. */
export interface TransferActorRef {
  userId: string | null;
  username: string;
}

export interface TransferView {
  id: string;
  teacherId: string;
  teacherName: string;
  staffNo: string;
  fromSchoolId: string;
  fromSchoolName: string;
  fromCountyId: string;
  toSchoolId: string;
  toSchoolName: string;
  toCountyId: string;
  /** The destination is in another county: its officers accept the transfer. */
  crossCounty: boolean;
  effectiveDate: string;
  reason: string;
  status: TransferStatus;
  /** The anti-poaching rule as it judged the transfer when it was asked for. */
  poaching: { blocked: boolean; reason: Label; policyVersion: string };
  /** The province administrator's exception to the anti-poaching rule, when one was recorded. */
  exception: { by: TransferActorRef; at: string; reason: string } | null;
  /** The receiving county's acceptance or rejection. */
  decision: { by: TransferActorRef; at: string; note: string | null } | null;
  executedAt: string | null;
  /** The new home posting at the destination, once executed. */
  postingId: string | null;
  cancelledAt: string | null;
  createdBy: TransferActorRef;
  createdAt: string;
  version: number;
}

/** Names of the teacher and the schools, as the row carries them. */
export type TransferNames = Pick<TransferRow, 'teacherName' | 'staffNo' | 'fromSchoolName' | 'toSchoolName'>;

export function transferView(transfer: TransferEntity, names: TransferNames): TransferView {
  return {
    id: transfer.id,
    teacherId: transfer.teacherId,
    teacherName: names.teacherName,
    staffNo: names.staffNo,
    fromSchoolId: transfer.fromSchoolId,
    fromSchoolName: names.fromSchoolName,
    fromCountyId: transfer.fromCountyId,
    toSchoolId: transfer.toSchoolId,
    toSchoolName: names.toSchoolName,
    toCountyId: transfer.toCountyId,
    crossCounty: transfer.fromCountyId !== transfer.toCountyId,
    effectiveDate: transfer.effectiveDate,
    reason: transfer.reason,
    status: transfer.status,
    poaching: {
      blocked: Boolean(transfer.poachingBlocked),
      reason: { zh: transfer.poachingReasonZh, en: transfer.poachingReasonEn },
      policyVersion: transfer.policyVersion,
    },
    exception:
      transfer.exceptionAt === null || transfer.exceptionByUsername === null
        ? null
        : {
            by: { userId: transfer.exceptionBy, username: transfer.exceptionByUsername },
            at: transfer.exceptionAt.toISOString(),
            reason: transfer.exceptionReason ?? '',
          },
    decision:
      transfer.decidedAt === null || transfer.decidedByUsername === null
        ? null
        : {
            by: { userId: transfer.decidedBy, username: transfer.decidedByUsername },
            at: transfer.decidedAt.toISOString(),
            note: transfer.decisionNote,
          },
    executedAt: transfer.executedAt?.toISOString() ?? null,
    postingId: transfer.postingId,
    cancelledAt: transfer.cancelledAt?.toISOString() ?? null,
    createdBy: { userId: transfer.createdBy, username: transfer.createdByUsername },
    createdAt: transfer.createdAt.toISOString(),
    version: transfer.version,
  };
}

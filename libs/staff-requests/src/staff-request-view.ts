import type { CitedFlagRow, FulfilmentRow, StaffRequestEntity, StaffRequestEventEntity, StaffRequestRow } from '@app/database';
import {
  milliToFraction,
  type FlagStatus,
  type PostingKind,
  type ShortageKind,
  type ShortageSeverity,
  type StaffRequestEvent,
  type StaffRequestStatus,
  type Subject,
} from '@app/domain';

/** Who did something: the account and its username. */
export interface ActorRef {
  userId: string | null;
  username: string;
}

export interface StaffRequestView {
  id: string;
  countyId: string;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  subject: Subject;
  headcount: number;
  neededFrom: string;
  reason: string | null;
  status: StaffRequestStatus;
  /** The justification rule as it stood when the request was submitted. */
  quota: { schoolYear: number; allocated: number | null; onQuotaHeadcount: number; overQuota: boolean };
  /** The fractions of the postings recorded against it, summed. */
  coveredFte: number;
  submittedBy: ActorRef;
  submittedAt: string;
  decidedBy: ActorRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
  cancelledAt: string | null;
  fulfilledAt: string | null;
  version: number;
}

export interface CitedFlagView {
  id: string;
  subject: Subject | null;
  kind: ShortageKind;
  severity: ShortageSeverity;
  status: FlagStatus;
  gap: number;
}

export interface FulfilmentView {
  id: string;
  postingId: string;
  teacherId: string;
  teacherName: string;
  staffNo: string;
  kind: PostingKind;
  startDate: string;
  endDate: string | null;
  fraction: number;
  recordedAt: string;
  recordedBy: ActorRef;
}

export interface HistoryEntryView {
  event: StaffRequestEvent;
  statusAfter: StaffRequestStatus;
  at: string;
  actor: ActorRef & { role: string };
  note: string | null;
  postingId: string | null;
  fraction: number | null;
}

export interface StaffRequestDetailView extends StaffRequestView {
  flags: CitedFlagView[];
  fulfilments: FulfilmentView[];
  history: HistoryEntryView[];
}

/** The view of a request at a school of that code and name. */
export function staffRequestView(request: StaffRequestEntity, school: Pick<StaffRequestRow['school'], 'code' | 'name'>): StaffRequestView {
  return {
    id: request.id,
    countyId: request.countyId,
    schoolId: request.schoolId,
    schoolCode: school.code,
    schoolName: school.name,
    subject: request.subject,
    headcount: request.headcount,
    neededFrom: request.neededFrom,
    reason: request.reason,
    status: request.status,
    quota: {
      schoolYear: request.quotaYear,
      allocated: request.allocatedQuota,
      onQuotaHeadcount: milliToFraction(request.headcountMilli),
      overQuota: Boolean(request.overQuota),
    },
    coveredFte: milliToFraction(request.coveredMilli),
    submittedBy: { userId: request.submittedBy, username: request.submittedByUsername },
    submittedAt: request.submittedAt.toISOString(),
    decidedBy: request.decidedByUsername === null ? null : { userId: request.decidedBy, username: request.decidedByUsername },
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decisionNote: request.decisionNote,
    cancelledAt: request.cancelledAt?.toISOString() ?? null,
    fulfilledAt: request.fulfilledAt?.toISOString() ?? null,
    version: request.version,
  };
}

export function citedFlagView(flag: CitedFlagRow): CitedFlagView {
  return { id: flag.id, subject: flag.subject, kind: flag.kind, severity: flag.severity, status: flag.status, gap: milliToFraction(flag.gapMilli) };
}

export function fulfilmentView(f: FulfilmentRow): FulfilmentView {
  return {
    id: f.id,
    postingId: f.postingId,
    teacherId: f.teacherId,
    teacherName: f.teacherName,
    staffNo: f.staffNo,
    kind: f.kind,
    startDate: f.startDate,
    endDate: f.endDate,
    fraction: milliToFraction(f.fractionMilli),
    recordedAt: f.recordedAt.toISOString(),
    recordedBy: { userId: f.recordedBy, username: f.recordedByUsername },
  };
}

export function historyEntryView(e: StaffRequestEventEntity): HistoryEntryView {
  return {
    event: e.event,
    statusAfter: e.statusAfter,
    at: e.at.toISOString(),
    actor: { userId: e.actorId, username: e.actorUsername, role: e.actorRole },
    note: e.note,
    postingId: e.postingId,
    fraction: e.fractionMilli === null ? null : milliToFraction(e.fractionMilli),
  };
}

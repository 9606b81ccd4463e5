import { ApiProperty } from '@nestjs/swagger';
import { DateField, DivisionCodeField, EnumField, IdField, IdListField, IntField, PageQuery, TextField } from '@app/core';
import {
  FLAG_STATUSES,
  JUSTIFICATION_MIN_CHARACTERS,
  POSTING_KINDS,
  ROLES,
  SHORTAGE_KINDS,
  SHORTAGE_SEVERITIES,
  STAFF_REQUEST_DECISIONS,
  STAFF_REQUEST_EVENTS,
  STAFF_REQUEST_STATUSES,
  SUBJECTS,
} from '@app/domain';
import type {
  FlagStatus,
  PostingKind,
  ShortageKind,
  ShortageSeverity,
  StaffRequestDecision,
  StaffRequestEvent,
  StaffRequestStatus,
  Subject,
} from '@app/domain';
import { PageResponse } from '../common/page.response';

/** The most teachers one request asks for, and the most flags it cites. */
const MAX_HEADCOUNT = 100;
const MAX_FLAGS = 20;

export class SubmitStaffRequestDto {
  @EnumField(SUBJECTS, { enumName: 'Subject', description: 'The subject the teachers are needed for' })
  subject: Subject;

  @IntField({ min: 1, max: MAX_HEADCOUNT, description: 'Teachers asked for (whole posts)', example: 1 })
  headcount: number;

  @DateField({ description: 'The day the staff are needed from: today or later', example: '2026-09-01' })
  neededFrom: string;

  @TextField({
    required: false,
    minLength: 0,
    maxLength: 1000,
    description:
      `Why (blank counts as none). Required, at least ${JUSTIFICATION_MIN_CHARACTERS} characters, when the on-quota headcount on neededFrom plus the headcount asked for ` +
      'would exceed the quota allocated to the school for that school year, or when none is allocated (422 JUSTIFICATION_REQUIRED)',
    example: '学校无专职音乐教师，音乐课由语文教师兼任，开不足课时',
  })
  reason?: string;

  @IdListField({
    required: false,
    maxItems: MAX_FLAGS,
    description:
      'Open shortage flags of the school cited as evidence (another school’s → 422 FLAG_NOT_OF_SCHOOL, a resolved one → 422 FLAG_NOT_OPEN)',
  })
  flagIds?: string[];
}

export class StaffRequestDecisionDto {
  @EnumField(STAFF_REQUEST_DECISIONS, { enumName: 'StaffRequestDecision' })
  decision: StaffRequestDecision;

  @TextField({
    required: false,
    maxLength: 1000,
    description: 'Why; required to reject (400 naming note)',
    example: '同意，秋季学期由城区学校交流一名音乐教师',
  })
  note?: string;
}

export class RecordFulfilmentDto {
  @IdField({ description: 'A posting at the request’s school, of a teacher of the subject, starting on or after the day the request was submitted' })
  postingId: string;
}

export class StaffRequestsQuery extends PageQuery {
  @DivisionCodeField({ required: false }) countyId?: string;
  @IdField({ required: false }) schoolId?: string;
  @EnumField(STAFF_REQUEST_STATUSES, { required: false, enumName: 'StaffRequestStatus', description: 'Default: every status' })
  status?: StaffRequestStatus;
}

class ActorRefResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ example: 'principal.fx0001' }) username: string;
}

class HistoryActorResponse extends ActorRefResponse {
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: string;
}

class QuotaCheckResponse {
  @ApiProperty({ example: 2026, description: 'The school year of neededFrom (2026 = 2026-09-01 … 2027-08-31)' }) schoolYear: number;
  @ApiProperty({ nullable: true, type: Number, example: 40, description: 'The quota allocated to the school for that year; null: none recorded' })
  allocated: number | null;
  @ApiProperty({ example: 38.5, description: 'On-quota teachers posted at the school on neededFrom, fraction-weighted, when submitted' })
  onQuotaHeadcount: number;
  @ApiProperty({ description: 'onQuotaHeadcount + headcount > allocated (no allocation: always); the request then had to say why' })
  overQuota: boolean;
}

class StaffRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: 'FX0001' }) schoolCode: string;
  @ApiProperty({ example: '丰县城南小学' }) schoolName: string;
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject' }) subject: Subject;
  @ApiProperty({ minimum: 1, example: 1 }) headcount: number;
  @ApiProperty({ format: 'date' }) neededFrom: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ enum: STAFF_REQUEST_STATUSES, enumName: 'StaffRequestStatus' }) status: StaffRequestStatus;
  @ApiProperty({ type: QuotaCheckResponse, description: 'The justification rule as it stood when the request was submitted' })
  quota: QuotaCheckResponse;
  @ApiProperty({ example: 0.5, description: 'The fractions of the postings recorded against it, summed; FULFILLED once it reaches headcount' })
  coveredFte: number;
  @ApiProperty({ type: ActorRefResponse }) submittedBy: ActorRefResponse;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: ActorRefResponse, nullable: true }) decidedBy: ActorRefResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The officer’s note: why rejected, or a remark on an approval' }) decisionNote:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) fulfilledAt: string | null;
  @ApiProperty({ example: 1 }) version: number;
}

export class StaffRequestPage extends PageResponse(StaffRequestResponse) {}

class CitedFlagResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject', nullable: true }) subject: Subject | null;
  @ApiProperty({ enum: SHORTAGE_KINDS, enumName: 'ShortageKind' }) kind: ShortageKind;
  @ApiProperty({ enum: SHORTAGE_SEVERITIES, enumName: 'ShortageSeverity' }) severity: ShortageSeverity;
  @ApiProperty({ enum: FLAG_STATUSES, enumName: 'FlagStatus', description: 'As the flag stands now (open when cited)' }) status: FlagStatus;
  @ApiProperty({ example: 1.25 }) gap: number;
}

class FulfilmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ example: '王静' }) teacherName: string;
  @ApiProperty({ example: 'FX2008031' }) staffNo: string;
  @ApiProperty({ enum: POSTING_KINDS, enumName: 'PostingKind' }) kind: PostingKind;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endDate: string | null;
  @ApiProperty({ example: 1, description: 'The posting’s fraction as recorded' }) fraction: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: ActorRefResponse }) recordedBy: ActorRefResponse;
}

class HistoryEntryResponse {
  @ApiProperty({ enum: STAFF_REQUEST_EVENTS, enumName: 'StaffRequestEvent' }) event: StaffRequestEvent;
  @ApiProperty({ enum: STAFF_REQUEST_STATUSES, enumName: 'StaffRequestStatus', description: 'The status it left' }) statusAfter: StaffRequestStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: HistoryActorResponse }) actor: HistoryActorResponse;
  @ApiProperty({ nullable: true, type: String, description: 'The reason (SUBMITTED) or the decision’s note' }) note: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'FULFILMENT_RECORDED: the posting' }) postingId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'FULFILMENT_RECORDED: the fraction it counts' }) fraction: number | null;
}

export class StaffRequestDetailResponse extends StaffRequestResponse {
  @ApiProperty({ type: [CitedFlagResponse], description: 'The shortage flags cited as evidence, most severe first' }) flags: CitedFlagResponse[];
  @ApiProperty({ type: [FulfilmentResponse], description: 'The postings recorded against it, oldest first' }) fulfilments: FulfilmentResponse[];
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Everything that happened to it, oldest first' }) history: HistoryEntryResponse[];
}

import { ApiProperty } from '@nestjs/swagger';
import { DivisionCodeField, EnumField, IdField, IntField, PageQuery } from '@app/core';
import { FLAG_STATUSES, SCAN_STATUSES, SHORTAGE_KINDS, SHORTAGE_SEVERITIES, SUBJECTS } from '@app/domain';
import type { FlagStatus, ScanStatus, ShortageKind, ShortageSeverity, Subject } from '@app/domain';
import { PageResponse } from '../common/page.response';

const SCAN_TRIGGERS = ['REQUEST', 'NIGHTLY', 'CHANGE'] as const;

export class RequestScanDto {
  @DivisionCodeField({ required: false, description: 'The county to scan; without it, every county in your reach' })
  countyId?: string;
}

export class ScanAcceptedResponse {
  @ApiProperty({ format: 'uuid' }) scanId: string;
}

export class ShortageScanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: SCAN_TRIGGERS,
    description: 'REQUEST: an officer asked; NIGHTLY: the nightly scan of every county; CHANGE: one school after a change',
  })
  trigger: string;
  @ApiProperty({ nullable: true, type: String, example: '320321', description: 'The county scanned (null: a city or the province)' })
  countyId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '320300', description: 'The city scanned, when the scan covers a whole city' })
  cityId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The one school of a rescan after a change' })
  schoolId: string | null;
  @ApiProperty({ format: 'date', description: 'The day whose postings, enrolment and classification were read' }) asOf: string;
  @ApiProperty({
    enum: SCAN_STATUSES,
    enumName: 'ScanStatus',
    description: 'DONE when every school has been scanned; FAILED when a school kept failing (the others were scanned)',
  })
  status: ScanStatus;
  @ApiProperty({ minimum: 0 }) schoolsTotal: number;
  @ApiProperty({ minimum: 0 }) schoolsScanned: number;
  @ApiProperty({ minimum: 0, description: 'Schools that kept failing' }) schoolsFailed: number;
  @ApiProperty({ minimum: 0, description: 'Flags opened or reopened' }) flagsOpened: number;
  @ApiProperty({ minimum: 0 }) flagsUpdated: number;
  @ApiProperty({ minimum: 0 }) flagsResolved: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why it FAILED: the school and its error' }) error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
}

export class ShortageScanPage extends PageResponse(ShortageScanResponse) {}

export class ScansQuery extends PageQuery {
  @DivisionCodeField({ required: false }) countyId?: string;
  @EnumField(SCAN_STATUSES, { required: false, enumName: 'ScanStatus' }) status?: ScanStatus;
}

export class FlagsQuery extends PageQuery {
  @DivisionCodeField({ required: false }) countyId?: string;
  @IdField({ required: false }) schoolId?: string;
  @EnumField(SUBJECTS, { required: false, enumName: 'Subject' }) subject?: Subject;
  @EnumField(SHORTAGE_KINDS, { required: false, enumName: 'ShortageKind' }) kind?: ShortageKind;
  @EnumField(FLAG_STATUSES, { required: false, enumName: 'FlagStatus', description: 'Default: every status' }) status?: FlagStatus;
  @EnumField(SHORTAGE_SEVERITIES, { required: false, enumName: 'ShortageSeverity' }) severity?: ShortageSeverity;
}

export class SummaryQuery {
  @IntField({ required: false, min: 1, max: 500, query: true, description: 'How many schools to list, most severe first (default 20)' })
  schools?: number;
}

export class RollupQuery {
  @DivisionCodeField({ required: false, description: 'The administrator: one city (default the province). A city officer: their own city only.' })
  cityId?: string;
}

class BilingualText {
  @ApiProperty({ example: '体育与健康：需 1.125 个专任教师当量，现有 0（缺 1.125）' }) zh: string;
  @ApiProperty({ example: 'Physical education: 1.125 full-time equivalents needed, 0 in post (1.125 short)' }) en: string;
}

class ShortageFlagResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() schoolCode: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject', nullable: true, description: 'null for the PE + music + fine arts ratio' })
  subject: Subject | null;
  @ApiProperty({ enum: SHORTAGE_KINDS, enumName: 'ShortageKind' }) kind: ShortageKind;
  @ApiProperty({ enum: SHORTAGE_SEVERITIES, enumName: 'ShortageSeverity' }) severity: ShortageSeverity;
  @ApiProperty({ example: 1.125, description: 'Full-time equivalents (to the thousandth)' }) requiredFte: number;
  @ApiProperty({ example: 0 }) actualFte: number;
  @ApiProperty({ example: 1.125 }) gap: number;
  @ApiProperty({ enum: FLAG_STATUSES, enumName: 'FlagStatus' }) status: FlagStatus;
  @ApiProperty({ format: 'date-time', description: 'Opened, or last reopened' }) openedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When a scan last found it' }) lastSeenAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt: string | null;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
  @ApiProperty({ type: BilingualText, description: 'The rule with its figures' }) summary: BilingualText;
}

export class ShortageFlagPage extends PageResponse(ShortageFlagResponse) {}

class ExplanationGrade {
  @ApiProperty({ minimum: 1, maximum: 12 }) grade: number;
  @ApiProperty({ enum: ['primary', 'junior', 'senior'] }) band: string;
  @ApiProperty({ minimum: 0 }) classes: number;
  @ApiProperty({ example: 3 }) weeklyPeriods: number;
  @ApiProperty({ example: 16 }) standardLoad: number;
  @ApiProperty({ example: 0.375, description: 'classes × weeklyPeriods ÷ standardLoad; the lines add up to requiredFte' }) fte: number;
}

class ExplanationRequired {
  @ApiProperty() fte: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The school year whose enrolment was read' }) schoolYear: number | null;
  @ApiProperty({ type: [ExplanationGrade] }) grades: ExplanationGrade[];
  @ApiProperty({ nullable: true, type: Number, description: 'Students counted (psychology and PE/arts ratio rules)' }) students: number | null;
}

class ExplanationTeacher {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 1, description: 'Posting fraction at the school on the day' }) postingFraction: number;
  @ApiProperty({ example: 0.3, description: 'Share of the week given to the subject' }) share: number;
  @ApiProperty({ example: 0.3, description: 'postingFraction × share; the lines add up to actualFte' }) fte: number;
}

class ExplanationActual {
  @ApiProperty() fte: number;
  @ApiProperty({ type: [ExplanationTeacher] }) teachers: ExplanationTeacher[];
}

class ShortageExplanationResponse {
  @ApiProperty() policyVersion: string;
  @ApiProperty({ type: BilingualText }) summary: BilingualText;
  @ApiProperty({ type: ExplanationRequired }) required: ExplanationRequired;
  @ApiProperty({ type: ExplanationActual }) actual: ExplanationActual;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The policy parameters the rule read, by their path in the policy’s shortage section (gapThreshold, standardLoad.junior …)',
  })
  parameters: Record<string, unknown>;
}

export class ShortageFlagDetailResponse extends ShortageFlagResponse {
  @ApiProperty({ type: ShortageExplanationResponse, description: 'Why the flag has its figures' }) explanation: ShortageExplanationResponse;
  @ApiProperty({ format: 'uuid', description: 'The scan that last found, changed or resolved it' }) lastScanId: string;
}

class SeverityCountsResponse {
  @ApiProperty({ minimum: 0 }) critical: number;
  @ApiProperty({ minimum: 0 }) high: number;
  @ApiProperty({ minimum: 0 }) medium: number;
  @ApiProperty({ minimum: 0 }) total: number;
}

class OpenTotalsResponse extends SeverityCountsResponse {
  @ApiProperty({ minimum: 0, description: 'Schools with at least one open flag' }) schools: number;
}

class SubjectCountsResponse extends SeverityCountsResponse {
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject', nullable: true, description: 'null: the PE + music + fine arts ratio' })
  subject: Subject | null;
}

class KindCountsResponse extends SeverityCountsResponse {
  @ApiProperty({ enum: SHORTAGE_KINDS, enumName: 'ShortageKind' }) kind: ShortageKind;
}

class SchoolCountsResponse extends SeverityCountsResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The largest gap of its open flags (FTE)' }) largestGap: number;
}

export class CountyShortageSummaryResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
  @ApiProperty({ type: ShortageScanResponse, nullable: true, description: 'The newest scan of the whole county; null before the first' })
  lastScan: ShortageScanResponse | null;
  @ApiProperty({ type: OpenTotalsResponse }) open: OpenTotalsResponse;
  @ApiProperty({ type: [SubjectCountsResponse], description: 'Open flags by subject, in the order of the subject codes' })
  bySubject: SubjectCountsResponse[];
  @ApiProperty({ type: [KindCountsResponse] }) byKind: KindCountsResponse[];
  @ApiProperty({ type: [SchoolCountsResponse], description: 'Schools with open flags, the most severe gaps first' }) schools: SchoolCountsResponse[];
}

class CountyCountsResponse extends OpenTotalsResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
}

export class ShortageRollupResponse {
  @ApiProperty({ nullable: true, type: String, example: '320300', description: 'The city summed up; null for the province' }) cityId: string | null;
  @ApiProperty({ type: OpenTotalsResponse }) open: OpenTotalsResponse;
  @ApiProperty({ type: [CountyCountsResponse], description: 'Every county, those with the most CRITICAL then HIGH flags first' })
  counties: CountyCountsResponse[];
}

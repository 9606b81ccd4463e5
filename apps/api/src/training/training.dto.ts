import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoolField, DateField, DivisionCodeField, EnumField, IdField, IntField, NumberField, PageQuery, TextField } from '@app/core';
import { TRAINING_CATEGORIES, TRAINING_RECORD_STATUSES } from '@app/domain';
import type { TrainingCategory, TrainingEntryKind, TrainingRecordStatus, TrainingStatus } from '@app/domain';
import { REPORT_SORTS } from '@app/training';
import type { ReportSort } from '@app/training';
import { DEFAULT_POLICY, POLICY_DEFAULTS_NOTE } from '../common/policy-defaults';

const TRAINING = DEFAULT_POLICY.training;
/** The first cycle that starts after the policy's anchor year (2026 = 2026–2030 by default). */
const SAMPLE_CYCLE = TRAINING.cycleAnchorYear + TRAINING.cycleYears;

export class SubmitTrainingRecordDto {
  @TextField({ maxLength: 200, example: '江苏省乡村教师培育站（数学）' })
  title: string;

  @TextField({ maxLength: 200, example: '江苏省教育厅' })
  provider: string;

  @EnumField(TRAINING_CATEGORIES, { enumName: 'TrainingCategory', description: 'SCHOOL_BASED = 校本研修 (approved by the principal or the county)' })
  category: TrainingCategory;

  @NumberField({
    min: 0,
    max: 10000,
    exclusiveMin: true,
    maxDecimals: 2,
    description: `In steps of ${TRAINING.hourStep} h; at most ${TRAINING.maxHoursPerDay} h a day of the activity ${POLICY_DEFAULTS_NOTE}`,
    example: 12,
  })
  hours: number;

  @DateField({ example: '2026-07-10' })
  startDate: string;

  @DateField({
    example: '2026-07-11',
    description: `Not in the future; in the same ${TRAINING.cycleYears}-year cycle as startDate ${POLICY_DEFAULTS_NOTE}`,
  })
  endDate: string;
}

export class RejectDto {
  @TextField({ maxLength: 500, example: '证书与申报学时不符' })
  reason: string;
}

export class ReversalDto {
  @TextField({ maxLength: 500, example: '重复登记' })
  reason: string;
}

export class CycleQuery {
  @IntField({
    required: false,
    min: 1900,
    max: 2200,
    query: true,
    description: `Any year of the cycle (${SAMPLE_CYCLE} = ${SAMPLE_CYCLE}–${SAMPLE_CYCLE + TRAINING.cycleYears - 1}); default the current cycle ${POLICY_DEFAULTS_NOTE}`,
    example: SAMPLE_CYCLE,
  })
  cycle?: number;
}

export class SummaryQuery {
  @DateField({ required: false, description: 'Default today' })
  asOf?: string;
}

export class TrainingSearchQuery extends PageQuery {
  @DivisionCodeField({ required: false })
  countyId?: string;

  @IdField({ required: false, description: 'Teachers posted at this school today' })
  schoolId?: string;

  @IdField({ required: false })
  teacherId?: string;

  @EnumField(TRAINING_RECORD_STATUSES, { required: false, enumName: 'TrainingRecordStatus', description: 'SUBMITTED: waiting for a decision' })
  status?: TrainingRecordStatus;

  @EnumField(TRAINING_CATEGORIES, { required: false, enumName: 'TrainingCategory' })
  category?: TrainingCategory;

  @DateField({ required: false, description: 'Records starting on or after' })
  from?: string;

  @DateField({ required: false, description: 'Records starting on or before' })
  to?: string;

  @BoolField({
    required: false,
    query: true,
    description:
      'true: your waiting list, the submitted records you may approve or reject (a principal: school-based training of their staff, never their own record; ' +
      'a county officer: every category). Without it, status=SUBMITTED lists every pending record you can see.',
  })
  decidable?: boolean;
}

export class ReportQuery extends PageQuery {
  @IntField({ required: false, min: 1900, max: 2200, query: true, description: 'Any year of the cycle; default the current cycle', example: 2026 })
  cycle?: number;

  @EnumField(REPORT_SORTS, { required: false, description: 'Order of the teachers behind pace (-shortfall: furthest behind first)' })
  sort?: ReportSort;
}

export class ImportQuery {
  @BoolField({ required: false, query: true, description: 'Record the rows as approved at once (certificates checked by the importing officer)' })
  approve?: boolean;
}

export class TrainingRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ example: '王静' }) teacherName: string;
  @ApiProperty({ example: 'FX2008031' }) staffNo: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty() title: string;
  @ApiProperty() provider: string;
  @ApiProperty({ enum: TRAINING_CATEGORIES, enumName: 'TrainingCategory' }) category: TrainingCategory;
  @ApiProperty({ description: 'Negative for a reversal', example: 12 }) hours: number;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ enum: TRAINING_RECORD_STATUSES, enumName: 'TrainingRecordStatus' }) status: TrainingRecordStatus;
  @ApiProperty({ enum: ['RECORD', 'REVERSAL'] }) kind: TrainingEntryKind;
  @ApiProperty({ nullable: true, type: String }) reversesId: string | null;
  @ApiProperty({ nullable: true, type: String }) reversedById: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why rejected or reversed' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedBy: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() version: number;
}

class CycleResponse {
  @ApiProperty({ example: 2026 }) startYear: number;
  @ApiProperty({ example: '2026-01-01' }) start: string;
  @ApiProperty({ example: '2030-12-31' }) end: string;
}

export class TeacherTrainingRecordsResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ type: CycleResponse }) cycle: CycleResponse;
  @ApiProperty({ type: [TrainingRecordResponse] }) items: TrainingRecordResponse[];
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
}

class SummaryCycleResponse {
  @ApiProperty({ example: '2026-01-01' }) start: string;
  @ApiProperty({ example: '2030-12-31' }) end: string;
}

export class TrainingSummaryResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: SummaryCycleResponse }) cycle: SummaryCycleResponse;
  @ApiProperty({
    example: TRAINING.hoursPerCycle,
    description: `${TRAINING.hoursPerCycle} h a cycle, pro-rated for a teacher hired inside the cycle, rounded up to ${TRAINING.hourStep} h ${POLICY_DEFAULTS_NOTE}`,
  })
  requiredHours: number;
  @ApiProperty({ example: 60 }) approvedHours: number;
  @ApiProperty({ example: 8 }) pendingHours: number;
  @ApiProperty({ example: 300 }) remainingHours: number;
  @ApiProperty({ example: 52, description: 'requiredHours × the elapsed share of the teacher’s span in the cycle' }) expectedHoursToDate: number;
  @ApiProperty({ enum: ['COMPLETE', 'ON_TRACK', 'BEHIND'] }) status: TrainingStatus;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
}

class CategoryHoursResponse {
  @ApiProperty({ enum: TRAINING_CATEGORIES, enumName: 'TrainingCategory' }) category: TrainingCategory;
  @ApiProperty() approvedHours: number;
  @ApiProperty() pendingHours: number;
  @ApiProperty() records: number;
}

class BehindTeacherResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() staffNo: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'Where the teacher works today (largest share)' }) schoolId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '丰县华山镇中心小学' }) schoolName: string | null;
  @ApiProperty() requiredHours: number;
  @ApiProperty() approvedHours: number;
  @ApiProperty() pendingHours: number;
  @ApiProperty() expectedHoursToDate: number;
  @ApiProperty({ description: 'expectedHoursToDate − approvedHours' }) shortfall: number;
}

class BehindPageResponse {
  @ApiProperty({ type: [BehindTeacherResponse] }) items: BehindTeacherResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

class SchoolCompletionResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The school where these teachers mainly work today (largest share); null for the teachers owing hours who hold no posting today',
  })
  schoolId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '3203210001', description: 'null in the row of teachers without a posting' })
  schoolCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '丰县华山镇中心小学', description: 'null in the row of teachers without a posting' })
  schoolName: string | null;
  @ApiProperty({ description: 'Teachers of the county owing hours in the cycle who work here today' }) teachersOwing: number;
  @ApiProperty({ description: 'Of those, teachers whose approved hours reach their requirement' }) teachersComplete: number;
  @ApiProperty({ example: 0.5, nullable: true, type: Number, description: 'teachersComplete ÷ teachersOwing; null when no teacher owes hours' })
  completionRate: number | null;
  @ApiProperty({ description: 'Of those, teachers behind pace' }) teachersBehind: number;
}

export class CountyTrainingReportResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ type: CycleResponse }) cycle: CycleResponse;
  @ApiProperty({ description: 'The day pace is judged on' }) asOf: string;
  @ApiProperty() teachersOwing: number;
  @ApiProperty() teachersComplete: number;
  @ApiProperty({ example: 0.8731, nullable: true, type: Number, description: 'teachersComplete ÷ teachersOwing; null when no teacher owes hours' })
  completionRate: number | null;
  @ApiProperty() teachersBehind: number;
  @ApiProperty({ type: [CategoryHoursResponse] }) hoursByCategory: CategoryHoursResponse[];
  @ApiProperty({ type: BehindPageResponse }) behind: BehindPageResponse;
  @ApiProperty({
    type: [SchoolCompletionResponse],
    description:
      'Completion by the school where each teacher owing hours works today (largest share), every such school, by school code; the teachers without a posting today in one last row with schoolId null',
  })
  schools: SchoolCompletionResponse[];
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
}

class CompletionRowResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) name: string;
  @ApiProperty() teachersOwing: number;
  @ApiProperty() teachersComplete: number;
  @ApiProperty({ nullable: true, type: Number, description: 'teachersComplete ÷ teachersOwing; null when no teacher owes hours' })
  completionRate: number | null;
}

class CompletionTotalResponse {
  @ApiProperty() teachersOwing: number;
  @ApiProperty() teachersComplete: number;
  @ApiProperty({ nullable: true, type: Number, description: 'teachersComplete ÷ teachersOwing; null when no teacher owes hours' })
  completionRate: number | null;
}

export class TrainingCompletionResponse {
  @ApiProperty({ type: CycleResponse }) cycle: CycleResponse;
  @ApiProperty({ type: [CompletionRowResponse] }) counties: CompletionRowResponse[];
  @ApiProperty({ type: CompletionTotalResponse }) total: CompletionTotalResponse;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
}

export class ImportResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty() imported: number;
  @ApiProperty({ enum: ['SUBMITTED', 'APPROVED'] }) status: 'SUBMITTED' | 'APPROVED';
  @ApiProperty({ type: [String] }) recordIds: string[];
}

export class ImportUpload {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'The CSV file (multipart), or send the CSV itself as text/csv' })
  file?: unknown;
}

import { ApiProperty } from '@nestjs/swagger';
import { DateField, DivisionCodeField, EnumField, IdField, IntField, NumberField, PageQuery, TextField } from '@app/core';
import {
  BACKBONE_LEVELS,
  LOCATIONS,
  PLAN_WARNING_CODES,
  POSTING_KINDS,
  ROTATION_MODES,
  ROTATION_PLAN_ACTIONS,
  ROTATION_PLAN_STATUSES,
  SHORTAGE_KINDS,
  SHORTAGE_SEVERITIES,
  SUBJECTS,
} from '@app/domain';
import type {
  BackboneLevel,
  PlanWarningCode,
  PostingKind,
  RotationMode,
  RotationPlanAction,
  RotationPlanStatus,
  ShortageKind,
  ShortageSeverity,
  Subject,
  UncountedReason,
} from '@app/domain';

export class CreateRotationPlanDto {
  @DivisionCodeField({ description: 'The county whose plan it is (in your reach)' })
  countyId: string;

  @IntField({ min: 1900, max: 2199, description: 'The plan year: eligibility and targets are judged on its reference day (09-01 by default)' })
  year: number;

  @TextField({ required: false, nullable: true, maxLength: 200, description: 'A name for it', example: '2026年度义务教育教师交流轮岗计划' })
  title?: string | null;
}

export class RotationPlansQuery extends PageQuery {
  @DivisionCodeField({ required: false }) countyId?: string;
  @IntField({ required: false, min: 1900, max: 2199, query: true }) year?: number;
  @EnumField(ROTATION_PLAN_STATUSES, { required: false, enumName: 'RotationPlanStatus', description: 'Default: every status' })
  status?: RotationPlanStatus;
}

export class AddAssignmentDto {
  @IdField({ description: 'A teacher of the plan’s county, with a REGULAR posting on startDate (the school they leave from)' })
  teacherId: string;

  @IdField({ description: 'Another school of the plan’s county' })
  toSchoolId: string;

  @DateField({ description: 'First day at the destination' })
  startDate: string;

  @DateField({ required: false, nullable: true, description: 'Last day (inclusive). Absent: the default term (rotation.defaultTermYears, 3 years)' })
  endDate?: string | null;

  @EnumField(ROTATION_MODES, { enumName: 'RotationMode' })
  mode: RotationMode;

  @TextField({ required: false, nullable: true, maxLength: 40, description: 'TEAM only: the members of a team share it and move together' })
  teamId?: string | null;

  @NumberField({
    required: false,
    min: 0,
    exclusiveMin: true,
    max: 1,
    maxDecimals: 3,
    description: 'SHARED only: share of the week at the destination (0 < f < 1)',
  })
  fraction?: number;
}

export class CancelPlanDto {
  @TextField({ maxLength: 1000, description: 'Why the plan is cancelled', example: '县委编办调整交流名额，重新编制计划' })
  reason: string;
}

class PlanText {
  @ApiProperty({ example: '应交流不少于 2 人（符合条件 11 人 × 10%，向上取整），计划 2 人' }) zh: string;
  @ApiProperty({ example: 'At least 2 teachers to rotate (10% of 11 eligible, rounded up), 2 planned' }) en: string;
}

export class RotationPlanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: ROTATION_PLAN_STATUSES, enumName: 'RotationPlanStatus' }) status: RotationPlanStatus;
  @ApiProperty({ enum: ROTATION_PLAN_ACTIONS, enumName: 'RotationPlanAction', isArray: true, description: 'What may be done to it now' })
  actions: RotationPlanAction[];
  @ApiProperty({ minimum: 0 }) assignmentCount: number;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Last day of its latest term' }) lastDay: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdByUsername: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) approvedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) activatedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ minimum: 1 }) version: number;
}

class ServiceReachResponse {
  @ApiProperty({ example: 365 }) requiredDays: number;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The day the rule is met following the recorded postings; null: never' })
  before: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The same with the assignment in place' }) after: string | null;
  @ApiProperty() changed: boolean;
}

class EligibilityEffectResponse {
  @ApiProperty({ type: ServiceReachResponse, description: 'Senior title: rural or weak service' }) seniorTitle: ServiceReachResponse;
  @ApiProperty({ type: ServiceReachResponse, description: 'Principal-selection priority' }) principalPriority: ServiceReachResponse;
  @ApiProperty() changes: boolean;
  @ApiProperty({ type: PlanText }) summary: PlanText;
}

class RequestCoverResponse {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: ['SUBMITTED', 'APPROVED'], description: 'Only an approved request is fulfilled on activation' }) status:
    'SUBMITTED' | 'APPROVED';
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject' }) subject: Subject;
  @ApiProperty({ example: 1, description: 'What this assignment adds to its cover (posts)' }) adds: number;
  @ApiProperty({ example: 1, description: 'Its cover with this assignment and the plan’s earlier ones' }) covered: number;
  @ApiProperty({ example: 1 }) headcount: number;
  @ApiProperty() coversAll: boolean;
}

class ShortageChangeResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty({ enum: SHORTAGE_KINDS, enumName: 'ShortageKind' }) kind: ShortageKind;
  @ApiProperty({ nullable: true, enum: SUBJECTS, enumName: 'Subject' }) subject: Subject | null;
  @ApiProperty({ enum: SHORTAGE_SEVERITIES, enumName: 'ShortageSeverity' }) severity: ShortageSeverity;
  @ApiProperty() requiredFte: number;
  @ApiProperty() actualFte: number;
  @ApiProperty() gap: number;
  @ApiProperty({ type: PlanText }) summary: PlanText;
}

class AssignmentEffectsResponse {
  @ApiProperty({ type: EligibilityEffectResponse }) eligibility: EligibilityEffectResponse;
  @ApiProperty({ type: RequestCoverResponse, nullable: true, description: 'The staff request it counts towards; null: none' })
  staffRequest: RequestCoverResponse | null;
  @ApiProperty({ type: [ShortageChangeResponse], description: 'Shortages its move opens at the school it leaves, on its first day' })
  flagsOpened: ShortageChangeResponse[];
  @ApiProperty({ type: [ShortageChangeResponse], description: 'Shortages its move closes at the school it joins, on its first day' })
  flagsClosed: ShortageChangeResponse[];
}

export class RotationAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() teacherName: string;
  @ApiProperty() staffNo: string;
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject' }) subject: Subject;
  @ApiProperty({ enum: BACKBONE_LEVELS, enumName: 'BackboneLevel', description: 'As when the assignment was made' }) backbone: BackboneLevel;
  @ApiProperty({ format: 'uuid' }) fromSchoolId: string;
  @ApiProperty() fromSchoolName: string;
  @ApiProperty({ format: 'uuid' }) toSchoolId: string;
  @ApiProperty() toSchoolName: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ enum: ROTATION_MODES, enumName: 'RotationMode' }) mode: RotationMode;
  @ApiProperty({ enum: POSTING_KINDS, enumName: 'PostingKind', description: 'The posting it writes at the destination' }) kind: PostingKind;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ example: 1 }) fraction: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The posting written on activation' }) postingId: string | null;
  @ApiProperty({ nullable: true, enum: ['NOT_ELIGIBLE', 'MODE_NOT_COUNTED'], description: 'Why it counts toward no target; null: it counts' })
  uncounted: UncountedReason | null;
  @ApiProperty({ type: AssignmentEffectsResponse }) effects: AssignmentEffectsResponse;
}

class ScopeComplianceResponse {
  @ApiProperty({ description: 'The policy’s rotation.targetScopes holds this scope' }) applies: boolean;
  @ApiProperty() eligibleCount: number;
  @ApiProperty() rotatingCount: number;
  @ApiProperty() backboneRotating: number;
  @ApiProperty() minRotating: number;
  @ApiProperty() minBackbone: number;
  @ApiProperty() rotatingMet: boolean;
  @ApiProperty() backboneMet: boolean;
  @ApiProperty() meetsTargets: boolean;
  @ApiProperty({ type: PlanText }) summary: PlanText;
}

class SchoolComplianceResponse extends ScopeComplianceResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ nullable: true, enum: LOCATIONS, enumName: 'Location' }) location: string | null;
}

class ComplianceResponse {
  @ApiProperty({ description: 'County: teachers eligible on the reference day' }) eligibleCount: number;
  @ApiProperty({ description: 'County: eligible teachers with a counted assignment' }) rotatingCount: number;
  @ApiProperty() backboneRotating: number;
  @ApiProperty() minRotating: number;
  @ApiProperty() minBackbone: number;
  @ApiProperty({ description: 'Every applying scope (the county, each school with targets) meets its targets' }) meetsTargets: boolean;
  @ApiProperty({ format: 'date' }) referenceDate: string;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
  @ApiProperty({ type: ScopeComplianceResponse }) county: ScopeComplianceResponse;
  @ApiProperty({ type: [SchoolComplianceResponse] }) schools: SchoolComplianceResponse[];
}

class PlanWarningResponse {
  @ApiProperty({ enum: PLAN_WARNING_CODES, enumName: 'PlanWarningCode' }) code: PlanWarningCode;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ format: 'uuid', description: 'The school warned about' }) schoolId: string;
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject' }) subject: Subject;
  @ApiProperty({ type: PlanText }) message: PlanText;
}

export class RotationPlanDetailResponse extends RotationPlanResponse {
  @ApiProperty({ format: 'date' }) referenceDate: string;
  @ApiProperty({ type: [RotationAssignmentResponse] }) assignments: RotationAssignmentResponse[];
  @ApiProperty({ type: ComplianceResponse }) compliance: ComplianceResponse;
  @ApiProperty({ type: [PlanWarningResponse], description: 'Never blocking' }) warnings: PlanWarningResponse[];
}

export class AddedAssignmentResponse extends RotationAssignmentResponse {
  @ApiProperty({ type: ComplianceResponse, description: 'The plan’s compliance with this assignment' }) compliance: ComplianceResponse;
  @ApiProperty({ type: [PlanWarningResponse], description: 'This assignment’s warnings' }) warnings: PlanWarningResponse[];
  @ApiProperty({ minimum: 0, description: 'How many warnings the whole plan has now' }) planWarnings: number;
}

class ActivationResponse {
  @ApiProperty({ minimum: 0 }) assignments: number;
  @ApiProperty({ minimum: 0, description: 'Recorded postings closed or reduced' }) postingsChanged: number;
  @ApiProperty({ minimum: 0, description: 'Postings written: at the destinations, at home beside shared posts, the returns home' })
  postingsWritten: number;
  @ApiProperty({ minimum: 0, description: 'Approved staff requests the assignments were counted towards' }) staffRequestsCounted: number;
}

export class ActivatedPlanResponse extends RotationPlanResponse {
  @ApiProperty({ type: ActivationResponse }) activation: ActivationResponse;
}

import { ApiProperty } from '@nestjs/swagger';
import { DateField, DivisionCodeField, EnumField, IdField, IntField, TextField } from '@app/core';
import { QUOTA_CHANGE_KINDS } from '@app/database';
import type { QuotaChangeKind } from '@app/database';
import { GRADE_BANDS, LOCATIONS, QUOTA_RULES, SMALL_SCHOOL_REASONS, STAFFING_STATUSES, STAGES } from '@app/domain';
import type { GradeBand, Location, QuotaRule, SmallSchoolReason, StaffingStatus, Stage } from '@app/domain';

const YEAR_DESCRIPTION = 'School year, named by the calendar year it starts in (2026 = 2026-09-01 … 2027-08-31)';
const YEAR = { min: 1900, max: 2198, example: 2026 } as const;
/** More posts than any county holds (丰县 has about 6,000): a typing slip is caught as bad input. */
const MAX_POSTS = 1_000_000;

// Requests

export class SetCountyQuotaDto {
  @IntField({ ...YEAR, description: YEAR_DESCRIPTION }) year: number;
  @IntField({ min: 0, max: MAX_POSTS, example: 5200, description: 'Staff posts approved for the county’s schools that year (核定编制总数)' })
  approvedTotal: number;
  @TextField({ required: false, maxLength: 500, description: 'Why (e.g. the approving document), kept in the history' }) reason?: string;
}

export class AllocateQuotaDto {
  @IntField({ ...YEAR, description: YEAR_DESCRIPTION }) year: number;
  @IntField({ min: 0, max: MAX_POSTS, example: 48, description: 'Posts allocated to the school that year' }) allocated: number;
  @TextField({ required: false, maxLength: 500, description: 'Why, kept in the school’s history' }) reason?: string;
}

export class MoveQuotaDto {
  @IdField({ description: 'The school giving posts' }) fromSchoolId: string;
  @IdField({ description: 'The school receiving them (another school of the county)' }) toSchoolId: string;
  @IntField({ min: 1, max: MAX_POSTS, example: 2, description: 'Whole posts to move' }) amount: number;
  @IntField({ ...YEAR, description: YEAR_DESCRIPTION }) year: number;
  @TextField({ maxLength: 500, example: '城区学校学生减少，调剂至乡村学校', description: 'Why, kept in both schools’ histories' }) reason: string;
}

export class QuotaYearQuery {
  @IntField({ required: false, query: true, ...YEAR, description: `${YEAR_DESCRIPTION}; default the current one` }) year?: number;
}

export class HistoryQuery {
  @IntField({ required: false, query: true, ...YEAR, description: `${YEAR_DESCRIPTION}; default every year` }) year?: number;
}

export class SchoolStaffingQuery {
  @DateField({ required: false, description: 'The day judged (default today); the quota year is its school year' }) asOf?: string;
}

const REPORT_FORMATS = ['json', 'xlsx'] as const;

export class CountyReportQuery {
  @IntField({ required: false, query: true, ...YEAR, description: `${YEAR_DESCRIPTION}; default the school year of asOf` }) year?: number;
  @DateField({
    required: false,
    description:
      'The day judged (headcount, classification, policy): default today, or the nearest day of `year` when today is outside it; must fall in `year`',
  })
  asOf?: string;
  @EnumField(REPORT_FORMATS, {
    required: false,
    description: 'json (default) or xlsx: the report as an Excel workbook with Chinese headings and a totals row',
  })
  format?: (typeof REPORT_FORMATS)[number];
}

export class RollupQuery {
  @DivisionCodeField({ required: false, description: 'The administrator: one city (default the province). A city officer: their own city only.' })
  cityId?: string;
  @IntField({ required: false, query: true, ...YEAR, description: `${YEAR_DESCRIPTION}; default the school year of asOf` }) year?: number;
  @DateField({ required: false, description: 'The day judged: default today, or the nearest day of `year`; must fall in `year`' }) asOf?: string;
}

// Responses

class AllocationLineResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, description: 'null: no allocation for the year' }) allocated: number | null;
}

class PoolTotalsResponse {
  @ApiProperty({ nullable: true, type: Number, minimum: 0, description: 'null while no total is approved for the year' }) approvedTotal:
    number | null;
  @ApiProperty({ minimum: 0, description: 'Σ allocations of the county’s schools' }) allocated: number;
  @ApiProperty({ nullable: true, type: Number, description: 'approvedTotal − allocated; null while no total is approved' }) unallocated:
    number | null;
}

export class CountyQuotaResponse extends PoolTotalsResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Version of the approved total (null while none is entered)' }) version: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty({ type: [AllocationLineResponse], description: 'Every school of the county, by code' }) schools: AllocationLineResponse[];
}

export class SchoolAllocationResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ minimum: 0 }) allocated: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The allocation before this write; null when there was none' }) previous: number | null;
  @ApiProperty({ type: PoolTotalsResponse, description: 'The county’s pool after the write' }) pool: PoolTotalsResponse;
}

class MoveSideResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ minimum: 0, description: 'Its allocation after the move' }) allocated: number;
}

export class QuotaMoveResponse {
  @ApiProperty({ format: 'uuid', description: 'Shared by the two history entries of the move' }) moveId: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ minimum: 1 }) amount: number;
  @ApiProperty() reason: string;
  @ApiProperty({ type: MoveSideResponse }) from: MoveSideResponse;
  @ApiProperty({ type: MoveSideResponse }) to: MoveSideResponse;
  @ApiProperty({ type: PoolTotalsResponse, description: 'The county’s pool (a move leaves its sum as it was)' }) pool: PoolTotalsResponse;
}

export class QuotaChangeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({
    enum: QUOTA_CHANGE_KINDS,
    enumName: 'QuotaChangeKind',
    description: 'ALLOCATION: set by an officer; MOVE_OUT / MOVE_IN: one side of a move between two schools',
  })
  kind: QuotaChangeKind;
  @ApiProperty({ nullable: true, type: Number, description: 'null: the school had no allocation before' }) previousValue: number | null;
  @ApiProperty() newValue: number;
  @ApiProperty({ description: 'newValue − previousValue (none counting as 0)' }) change: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) moveId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The other school of a move' }) otherSchoolId: string | null;
  @ApiProperty({ nullable: true, type: String }) otherSchoolName: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() actorUsername: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

class LabelResponse {
  @ApiProperty({ example: '小学学段：学生 190 人 ÷ 生师比 19 = 10' }) zh: string;
  @ApiProperty({ example: 'Primary band: 190 pupils ÷ 19 pupils per staff member = 10' }) en: string;
}

class QuotaPartResponse {
  @ApiProperty({
    enum: QUOTA_RULES,
    enumName: 'QuotaRule',
    description:
      'STUDENT_RATIO: pupils ÷ studentsPerStaff; CLASS_RATIO: classes × teachersPerClass (small schools); ROUNDING: up to whole posts; BOARDING: ceil(boarders ÷ boardersPerStaff)',
  })
  rule: QuotaRule;
  @ApiProperty({ enum: GRADE_BANDS, enumName: 'GradeBand', nullable: true, description: 'null for ROUNDING and BOARDING' }) band: GradeBand | null;
  @ApiProperty({ nullable: true, type: Number }) students: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 19 }) studentsPerStaff: number | null;
  @ApiProperty({ nullable: true, type: Number }) classes: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 1.8 }) teachersPerClass: number | null;
  @ApiProperty({ nullable: true, type: Number }) boarders: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 100 }) boardersPerStaff: number | null;
  @ApiProperty({ example: 10, description: 'Posts this part contributes, to the thousandth; the parts add up exactly to standardQuota' })
  staff: number;
  @ApiProperty({ type: LabelResponse }) summary: LabelResponse;
}

class SmallSchoolResponse {
  @ApiProperty({
    enum: SMALL_SCHOOL_REASONS,
    enumName: 'SmallSchoolReason',
    description: 'STAGE: a teaching point; LOCATION: rural with fewer than maxStudents pupils',
  })
  reason: SmallSchoolReason;
  @ApiProperty() students: number;
  @ApiProperty({ example: 100 }) maxStudents: number;
  @ApiProperty({ description: 'ceil(Σ pupils in band ÷ studentsPerStaff)' }) studentRatioQuota: number;
  @ApiProperty({ description: 'ceil(Σ classes in band × teachersPerClass), a senior band by its student ratio' }) classRatioQuota: number;
  @ApiProperty({ enum: ['STUDENT_RATIO', 'CLASS_RATIO'], description: 'The larger (the student ratio on a tie)' }) applied:
    'STUDENT_RATIO' | 'CLASS_RATIO';
}

class SchoolStaffingLineResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage: Stage;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location', nullable: true, description: 'In force on asOf; null when not classified then' })
  location: Location | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The school year whose enrolment was read (that of asOf, else the latest before); null: none recorded',
  })
  enrolmentSchoolYear: number | null;
  @ApiProperty({ nullable: true, type: Number }) students: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Standard quota (标准编制); null without an enrolment' }) standardQuota: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Allocated quota for the year (分配编制); null: none allocated' }) allocatedQuota:
    number | null;
  @ApiProperty({ example: 41.5, description: 'On-quota teachers posted there on asOf, each by their posting fraction (to the thousandth)' })
  onQuotaHeadcount: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 2.5,
    description: 'allocatedQuota − onQuotaHeadcount: positive posts to fill, negative overstaffed; null without an allocation',
  })
  vacancy: number | null;
  @ApiProperty({ enum: STAFFING_STATUSES, enumName: 'StaffingStatus' }) status: StaffingStatus;
  @ApiProperty({ minimum: 0, description: 'Its shortage flags open now' }) openShortageFlags: number;
}

export class SchoolStaffingResponse extends SchoolStaffingLineResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ example: 2026, description: 'The quota year: the school year of asOf' }) year: number;
  @ApiProperty({ nullable: true, type: Number }) boarders: number | null;
  @ApiProperty({ type: [QuotaPartResponse], description: 'The parts of standardQuota: which rule, with which numbers (empty without an enrolment)' })
  breakdown: QuotaPartResponse[];
  @ApiProperty({ type: SmallSchoolResponse, nullable: true, description: 'The small-school rule (班师比), when the school is small' })
  smallSchool: SmallSchoolResponse | null;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
}

class StaffingTotalsResponse {
  @ApiProperty({ minimum: 0 }) schools: number;
  @ApiProperty({ minimum: 0 }) students: number;
  @ApiProperty({ minimum: 0, description: 'Σ standard quotas (schools with an enrolment)' }) standardQuota: number;
  @ApiProperty({ minimum: 0 }) allocatedQuota: number;
  @ApiProperty({ minimum: 0 }) onQuotaHeadcount: number;
  @ApiProperty({ description: 'Σ vacancy of the schools with an allocation' }) vacancy: number;
  @ApiProperty({ minimum: 0 }) openShortageFlags: number;
  @ApiProperty({ minimum: 0, description: 'Schools overstaffed' }) over: number;
  @ApiProperty({ minimum: 0, description: 'Schools with posts to fill' }) under: number;
  @ApiProperty({ minimum: 0 }) atQuota: number;
  @ApiProperty({ minimum: 0, description: 'Schools without an allocation for the year' }) withoutAllocation: number;
  @ApiProperty({ minimum: 0, description: 'Schools without an enrolment (no standard quota)' }) withoutEnrolment: number;
}

class StaffingExtremeResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() allocatedQuota: number;
  @ApiProperty() onQuotaHeadcount: number;
  @ApiProperty() vacancy: number;
}

export class CountyStaffingReportResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
  @ApiProperty({ type: PoolTotalsResponse }) pool: PoolTotalsResponse;
  @ApiProperty({ type: StaffingTotalsResponse, description: 'The columns summed' }) totals: StaffingTotalsResponse;
  @ApiProperty({ type: [SchoolStaffingLineResponse], description: 'Every school of the county, by code' }) schools: SchoolStaffingLineResponse[];
  @ApiProperty({ type: [StaffingExtremeResponse], description: 'Schools over their allocation, the most overstaffed first' })
  overstaffed: StaffingExtremeResponse[];
  @ApiProperty({ type: [StaffingExtremeResponse], description: 'Schools with posts to fill, the most vacant first' })
  understaffed: StaffingExtremeResponse[];
}

class CountyStaffingLineResponse extends StaffingTotalsResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
  @ApiProperty({ example: '320300' }) cityId: string;
  @ApiProperty({ nullable: true, type: Number }) approvedTotal: number | null;
  @ApiProperty({ minimum: 0 }) allocated: number;
  @ApiProperty({ nullable: true, type: Number }) unallocated: number | null;
}

class RollupTotalsResponse extends StaffingTotalsResponse {
  @ApiProperty({ minimum: 0, description: 'Σ approved totals of the counties that have one' }) approvedTotal: number;
  @ApiProperty({ minimum: 0 }) countiesWithoutApprovedTotal: number;
}

export class StaffingRollupResponse {
  @ApiProperty({ nullable: true, type: String, example: '320300', description: 'The city summed up; null for the province' }) cityId: string | null;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
  @ApiProperty({ type: RollupTotalsResponse }) totals: RollupTotalsResponse;
  @ApiProperty({ type: [CountyStaffingLineResponse], description: 'Every county of the city or province, by code' })
  counties: CountyStaffingLineResponse[];
}

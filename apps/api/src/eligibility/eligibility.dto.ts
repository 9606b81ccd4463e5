import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoolField, DateField, EnumField, IdField, NestedField, NumberField, PageQuery } from '@app/core';
import { ELIGIBILITY_RULES, ELIGIBILITY_STATUSES, POSTING_KINDS, RULE_UNITS, TITLE_LEVELS } from '@app/domain';
import type { EligibilityRuleCode, EligibilityStatus, PostingKind, RuleUnit, TitleLevel } from '@app/domain';

export class EligibilityQuery {
  @DateField({
    required: false,
    description:
      'Default today. A later day is a projection: service and tenure on that day, training judged today with hoursToRecordBy for that day. Before the hire date answers 400',
  })
  asOf?: string;
}

export class CountyEligibilityQuery extends PageQuery {
  @DateField({ required: false, description: 'Default today' })
  asOf?: string;

  @EnumField(ELIGIBILITY_RULES, {
    required: false,
    enumName: 'EligibilityRule',
    description: 'With passed: keep teachers whose outcome of this rule is passed',
  })
  rule?: EligibilityRuleCode;

  @BoolField({ required: false, query: true, description: 'Without rule: keep teachers who are (not) eligible' })
  passed?: boolean;

  @EnumField(TITLE_LEVELS, { required: false, enumName: 'TitleLevel', description: 'Keep teachers with this title level' })
  title?: TitleLevel;

  @EnumField(ELIGIBILITY_STATUSES, { required: false, enumName: 'EligibilityStatus', description: 'Keep teachers with this answer' })
  status?: EligibilityStatus;

  @EnumField(['json', 'csv', 'xlsx'], {
    required: false,
    description:
      'csv: every matching teacher as a CSV download (UTF-8 with BOM, Chinese headings and labels; also with Accept: text/csv); ' +
      'xlsx: the same columns as an Excel workbook (also with Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)',
  })
  format?: 'json' | 'csv' | 'xlsx';
}

/** A planned posting of a what-if (as a rotation plan's assignment would write it). */
class PlannedPostingDto {
  @IdField()
  schoolId: string;

  @DateField()
  startDate: string;

  @DateField({ required: false, nullable: true, description: 'Last day of the term; none = open-ended' })
  endDate?: string | null;

  @EnumField(POSTING_KINDS, { enumName: 'PostingKind' })
  kind: PostingKind;

  @NumberField({
    required: false,
    min: 0,
    max: 1,
    exclusiveMin: true,
    maxDecimals: 3,
    description:
      'Default 1 (full time: the home posting is closed the day before and resumed after the term); below 1 the home posting keeps 1 − fraction for the term',
  })
  fraction?: number;
}

export class WhatIfDto {
  @DateField({ required: false, description: 'Default: the day the plan starts (or today, if later)' })
  asOf?: string;

  @NestedField(() => PlannedPostingDto, {
    array: true,
    minItems: 1,
    maxItems: 10,
    description: 'Planned postings, e.g. a rotation to a rural school',
  })
  postings: PlannedPostingDto[];
}

class RuleMessageResponse {
  @ApiProperty({ example: '乡村或薄弱学校任教经历尚差 152 天（需 365 天）' }) zh: string;
  @ApiProperty({ example: '152 more days at a rural or weak school needed (365 required)' }) en: string;
}

class HoursToRecordByResponse {
  @ApiProperty({ example: '2028-09-01', description: 'The as-of day' }) date: string;
  @ApiProperty({ example: 132.2, description: 'Hours expected by that day minus hours approved today (never negative)' }) hours: number;
}

class RuleOutcomeResponse {
  @ApiProperty({ enum: ELIGIBILITY_RULES, enumName: 'EligibilityRule' }) code: EligibilityRuleCode;
  @ApiProperty() passed: boolean;
  @ApiProperty({ example: 365 }) required: number;
  @ApiProperty({ example: 213 }) actual: number;
  @ApiProperty({ enum: RULE_UNITS, enumName: 'RuleUnit' }) unit: RuleUnit;
  @ApiPropertyOptional({ type: RuleMessageResponse, description: 'Only on a failed rule: what is missing, from the policy’s numbers' })
  message?: RuleMessageResponse;
  @ApiPropertyOptional({
    type: HoursToRecordByResponse,
    description: 'Only on TRAINING_ON_PACE for an as-of day after today (the rule is then judged today)',
  })
  hoursToRecordBy?: HoursToRecordByResponse;
}

class SeniorTitleResponse {
  @ApiProperty({ description: 'True exactly when status is ELIGIBLE' }) eligible: boolean;
  @ApiProperty({
    enum: ELIGIBILITY_STATUSES,
    enumName: 'EligibilityStatus',
    description: 'HOLDS_TITLE: the teacher holds SENIOR or higher already (rules still shown)',
  })
  status: EligibilityStatus;
  @ApiProperty({ type: [RuleOutcomeResponse] }) rules: RuleOutcomeResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2027-01-31',
    description:
      'When the service rule fails: the first day on which qualifying days reach the requirement following the postings, future-dated ones included (open ones go on, schools keep their last classification); null when they never do',
  })
  earliestServiceDate: string | null;
}

class PrincipalPriorityResponse {
  @ApiProperty() priority: boolean;
  @ApiProperty({ example: 1095 }) required: number;
  @ApiProperty({ example: 213 }) actual: number;
  @ApiProperty({ enum: ['days'] }) unit: 'days';
}

class QualifyingPeriodResponse {
  @ApiProperty({ format: 'uuid', description: 'The school with the largest share of the period' }) schoolId: string;
  @ApiProperty({ nullable: true, type: String, example: '丰县华山镇中心小学' }) schoolName: string | null;
  @ApiProperty({ type: [String], description: 'Every school whose postings count in the period' }) schoolIds: string[];
  @ApiProperty({ example: '2026-02-01' }) from: string;
  @ApiProperty({ example: '2026-09-01' }) to: string;
  @ApiProperty({ example: 213 }) days: number;
}

export class EligibilityResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ example: '王老师' }) teacherName: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
  @ApiProperty({ type: SeniorTitleResponse }) seniorTitle: SeniorTitleResponse;
  @ApiProperty({ type: PrincipalPriorityResponse }) principalPriority: PrincipalPriorityResponse;
  @ApiProperty({ type: [QualifyingPeriodResponse] }) qualifyingPeriods: QualifyingPeriodResponse[];
}

class ClosedPostingResponse {
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ nullable: true, type: String }) schoolName: string | null;
  @ApiProperty({ description: 'The day before the plan starts' }) endDate: string;
}

class ContinuedPostingResponse {
  @ApiProperty({ format: 'uuid', description: 'The recorded posting continued' }) postingId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ nullable: true, type: String }) schoolName: string | null;
  @ApiProperty() startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ example: 0.5 }) fraction: number;
}

class WhatIfAssumptionsResponse {
  @ApiProperty({ type: [ClosedPostingResponse], description: 'Recorded postings the plan closes the day before it starts' })
  closedPostings: ClosedPostingResponse[];
  @ApiProperty({ type: [ContinuedPostingResponse], description: 'Home postings at 1 − f beside a part-time plan, for its term' })
  reducedPostings: ContinuedPostingResponse[];
  @ApiProperty({ type: [ContinuedPostingResponse], description: 'Home postings resumed at their own fraction after a plan’s term' })
  resumedPostings: ContinuedPostingResponse[];
}

export class WhatIfResponse extends EligibilityResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2028-08-30',
    description: 'The first day on which the service rule is met under the plan, past or future; null when the plan never gets there',
  })
  serviceRuleMetOn: string | null;
  @ApiProperty({ type: WhatIfAssumptionsResponse }) assumptions: WhatIfAssumptionsResponse;
}

class CountyEligibilityRowResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() staffNo: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TITLE_LEVELS, enumName: 'TitleLevel' }) titleLevel: TitleLevel;
  @ApiProperty({ nullable: true, type: String, description: 'Where the teacher works on the as-of day (largest share)' }) schoolId: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName: string | null;
  @ApiProperty({ enum: ELIGIBILITY_STATUSES, enumName: 'EligibilityStatus' }) status: EligibilityStatus;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [RuleOutcomeResponse] }) rules: RuleOutcomeResponse[];
  @ApiProperty({ nullable: true, type: String }) earliestServiceDate: string | null;
  @ApiProperty() principalPriority: boolean;
  @ApiProperty() qualifyingDays: number;
}

export class CountyEligibilityResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
  @ApiProperty({ type: [CountyEligibilityRowResponse] }) items: CountyEligibilityRowResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

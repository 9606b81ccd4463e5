import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoolField, DateField, EnumField, IdField, NestedField, NumberField, PageQuery } from '@app/core';
import { ELIGIBILITY_RULES, POSTING_KINDS } from '@app/domain';
import type { EligibilityRuleCode, PostingKind } from '@app/domain';

export class EligibilityQuery {
  @DateField({ required: false, description: 'Default today; a future day is a projection; before the hire date answers 400' })
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

  @EnumField(['json', 'csv'], { required: false, description: 'csv: every matching teacher as a CSV download (also with Accept: text/csv)' })
  format?: 'json' | 'csv';
}

export class HypotheticalPostingDto {
  @IdField()
  schoolId: string;

  @DateField()
  startDate: string;

  @DateField({ required: false, nullable: true })
  endDate?: string | null;

  @EnumField(POSTING_KINDS, { enumName: 'PostingKind' })
  kind: PostingKind;

  @NumberField({ required: false, min: 0, max: 1, exclusiveMin: true, maxDecimals: 3, description: 'Default 1' })
  fraction?: number;
}

export class WhatIfDto {
  @DateField({ required: false, description: 'Default: the day the plan starts (or today, if later)' })
  asOf?: string;

  @NestedField(() => HypotheticalPostingDto, {
    array: true,
    minItems: 1,
    maxItems: 10,
    description: 'Planned postings, e.g. a rotation to a rural school',
  })
  postings: HypotheticalPostingDto[];
}

export class RuleOutcomeResponse {
  @ApiProperty({ enum: ELIGIBILITY_RULES, enumName: 'EligibilityRule' }) code: EligibilityRuleCode;
  @ApiProperty() passed: boolean;
  @ApiProperty({ example: 365 }) required: number;
  @ApiProperty({ example: 213 }) actual: number;
  @ApiProperty({ enum: ['days', 'years', 'hours'] }) unit: 'days' | 'years' | 'hours';
}

class SeniorTitleResponse {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [RuleOutcomeResponse] }) rules: RuleOutcomeResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2027-01-31',
    description: 'When service is what is missing and the postings of the as-of day qualify: the day it will be reached if they go on',
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
  @ApiProperty({ type: [String], description: 'Every school whose postings count in the period' }) schoolIds: string[];
  @ApiProperty({ example: '2026-02-01' }) from: string;
  @ApiProperty({ example: '2026-09-01' }) to: string;
  @ApiProperty({ example: 213 }) days: number;
}

export class EligibilityResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ example: 'jiangsu-2024.1' }) policyVersion: string;
  @ApiProperty({ type: SeniorTitleResponse }) seniorTitle: SeniorTitleResponse;
  @ApiProperty({ type: PrincipalPriorityResponse }) principalPriority: PrincipalPriorityResponse;
  @ApiProperty({ type: [QualifyingPeriodResponse] }) qualifyingPeriods: QualifyingPeriodResponse[];
}

class ClosedPostingResponse {
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() endDate: string;
}

class AssumptionsResponse {
  @ApiProperty({ type: [ClosedPostingResponse], description: 'Recorded postings the plan closes the day before it starts' })
  closedPostings: ClosedPostingResponse[];
}

export class WhatIfResponse extends EligibilityResponse {
  @ApiProperty({ type: AssumptionsResponse }) assumptions: AssumptionsResponse;
}

class CountyEligibilityRowResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() staffNo: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) schoolId: string | null;
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

import { ApiProperty } from '@nestjs/swagger';
import { EnumField, IntField } from '@app/core';
import { BACKBONE_DENOMINATORS, BACKBONE_LEVELS, LOCATIONS, ROTATION_PLAN_STATUSES, TARGET_SCOPES } from '@app/domain';
import type { BackboneDenominator, BackboneLevel, Location, RotationPlanStatus, TargetScope } from '@app/domain';

const REPORT_FORMATS = ['json', 'xlsx'] as const;

export class RotationReportQuery {
  @IntField({
    required: false,
    min: 1900,
    max: 2199,
    query: true,
    description:
      'The plan year (its plans are counted; eligibility and the targets are judged on its reference day, 09-01 by default). ' +
      'Default: the year whose reference day is today or next.',
  })
  year?: number;

  @EnumField(REPORT_FORMATS, {
    required: false,
    description: 'json (default) or xlsx: the report as an Excel workbook with Chinese headings, a county totals row and a sheet 说明',
  })
  format?: (typeof REPORT_FORMATS)[number];
}

class RewardTargetsResponse {
  @ApiProperty({ description: 'The policy’s rotation.targetScopes holds this scope' }) applies: boolean;
  @ApiProperty({ minimum: 0, description: 'Eligible teachers on the reference day (exempt ones not counted)' }) eligibleCount: number;
  @ApiProperty({ minimum: 0, description: '⌈rotation.minRotatingShare × eligibleCount⌉' }) minRotating: number;
  @ApiProperty({ minimum: 0, description: '⌈rotation.minBackboneShare × the backbone base⌉' }) minBackbone: number;
  @ApiProperty({ minimum: 0, description: 'Eligible teachers of the scope rotating in a counted mode' }) rotatingCount: number;
  @ApiProperty({ minimum: 0, description: 'Of them, backbone teachers' }) backboneRotating: number;
  @ApiProperty() rotatingMet: boolean;
  @ApiProperty() backboneMet: boolean;
  @ApiProperty() meetsTargets: boolean;
}

class RewardFiguresResponse {
  @ApiProperty({ minimum: 0, description: 'Teachers sent in a mode the targets count (every one but SHADOWING)' }) sent: number;
  @ApiProperty({ minimum: 0, description: 'Of them, backbone teachers (level ≥ rotation.backboneMinLevel, as the assignment recorded it)' })
  backboneSent: number;
  @ApiProperty({ minimum: 0, description: 'Of them, SHARED (走教) part of the week' }) sharedSent: number;
  @ApiProperty({ minimum: 0, description: 'New teachers sent to shadow (跟岗): counted apart, in neither sent nor the ranking' })
  shadowingSent: number;
  @ApiProperty({ minimum: 0, description: 'Teachers received in a counted mode' }) received: number;
  @ApiProperty({ minimum: 0, description: 'New teachers received to shadow, counted apart' }) shadowingReceived: number;
}

class SchoolRewardResponse extends RewardFiguresResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, enum: LOCATIONS, enumName: 'Location', description: 'On the reference day' }) location: Location | null;
  @ApiProperty({
    type: RewardTargetsResponse,
    nullable: true,
    description: 'The school’s targets and whether the year’s plans meet them; null without targets of its own',
  })
  targets: RewardTargetsResponse | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    description: 'Rank by backbone teachers sent, then teachers sent, then school code, among the schools that sent; null when none sent',
  })
  rank: number | null;
}

class RewardTotalsResponse extends RewardFiguresResponse {
  @ApiProperty({ minimum: 0 }) schools: number;
  @ApiProperty({ minimum: 0, description: 'Schools that sent at least one teacher' }) ranked: number;
  @ApiProperty({ minimum: 0, description: 'Schools with targets of their own' }) schoolsWithTargets: number;
  @ApiProperty({ minimum: 0 }) schoolsMeetingTargets: number;
  @ApiProperty({ type: RewardTargetsResponse, description: 'The county’s targets' }) targets: RewardTargetsResponse;
  @ApiProperty({ description: 'Every applying scope (the county, each school with targets) meets its targets' }) meetsTargets: boolean;
}

class RewardPlansResponse {
  @ApiProperty({ enum: ROTATION_PLAN_STATUSES, enumName: 'RotationPlanStatus', isArray: true, description: 'The statuses of the plans counted' })
  statuses: RotationPlanStatus[];
  @ApiProperty({ minimum: 0, description: 'Plans of the year in those statuses holding assignments' }) count: number;
  @ApiProperty({ minimum: 0, description: 'Their assignments' }) assignments: number;
}

class RewardParametersResponse {
  @ApiProperty({ example: 0.1 }) minRotatingShare: number;
  @ApiProperty({ example: 0.2 }) minBackboneShare: number;
  @ApiProperty({ enum: BACKBONE_LEVELS, enumName: 'BackboneLevel' }) backboneMinLevel: BackboneLevel;
  @ApiProperty({ enum: BACKBONE_DENOMINATORS, enumName: 'BackboneDenominator' }) backboneDenominator: BackboneDenominator;
  @ApiProperty({ enum: TARGET_SCOPES, enumName: 'TargetScope', isArray: true }) targetScopes: TargetScope[];
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location', isArray: true }) schoolTargetLocations: Location[];
}

export class RotationRewardsResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) referenceDate: string;
  @ApiProperty({ example: 'jiangsu-2024.1', description: 'The policy in force on the reference day' }) policyVersion: string;
  @ApiProperty({ type: RewardPlansResponse }) plans: RewardPlansResponse;
  @ApiProperty({ type: RewardParametersResponse, description: 'The policy numbers read, by their name in its rotation section' })
  parameters: RewardParametersResponse;
  @ApiProperty({ type: RewardTotalsResponse, description: 'The county: every school’s figures summed, and the county’s targets' })
  totals: RewardTotalsResponse;
  @ApiProperty({ type: [SchoolRewardResponse], description: 'Every school of the county: the ranked ones by rank, then the others by code' })
  schools: SchoolRewardResponse[];
}

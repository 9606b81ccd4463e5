import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, IntField, TextField } from '@app/core';
import { BACKBONE_DENOMINATORS, BACKBONE_LEVELS, EXEMPTION_KINDS, EXEMPTION_REASONS, LOCATIONS, POSTS, SUBJECTS } from '@app/domain';
import type { BackboneDenominator, BackboneLevel, ExemptionKind, ExemptionReason, Location, Post, Subject } from '@app/domain';

export class CandidatesQuery {
  @IntField({
    required: false,
    min: 1900,
    max: 2199,
    query: true,
    description:
      'The plan year (eligibility is judged on its reference day, 09-01 by default). Default: the year whose reference day is today or next.',
  })
  year?: number;
}

export class RecordExemptionDto {
  @EnumField(EXEMPTION_REASONS, { enumName: 'ExemptionReason', description: 'Why the teacher is exempt (OTHER needs a note)' })
  reason: ExemptionReason;

  @TextField({ required: false, nullable: true, maxLength: 500, description: 'What the reason is about (required when the reason is OTHER)' })
  note?: string | null;

  @DateField({ description: 'First day the exemption holds' })
  validFrom: string;

  @DateField({
    required: false,
    nullable: true,
    description: 'Last day it holds (inclusive, on or after validFrom); absent or null: until withdrawn',
  })
  validTo?: string | null;
}

export class RotationExemptionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ enum: EXEMPTION_REASONS, enumName: 'ExemptionReason' }) reason: ExemptionReason;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Inclusive; null: until withdrawn' }) validTo: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The account that recorded it' }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class RotationText {
  @ApiProperty({ example: '自 2020-09-01 起在本校连续任教 6 年，满 6 年（2026-09-01），应交流轮岗' }) zh: string;
  @ApiProperty({ example: '6 years at the school without a break since 2020-09-01 on 2026-09-01, 6 required: due to rotate' }) en: string;
}

class CandidateResponse {
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty() staffNo: string;
  @ApiProperty({ example: '李老师' }) name: string;
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject', description: 'Main subject' }) subject: Subject;
  @ApiProperty({ enum: POSTS, enumName: 'Post' }) post: Post;
  @ApiProperty({ format: 'uuid', description: 'The current school: that of the main REGULAR posting on the reference day' }) schoolId: string;
  @ApiProperty({ nullable: true, type: String, description: 'null only for a school outside the county' }) schoolName: string | null;
  @ApiProperty({ example: 6, description: 'Continuous years at the school on the reference day, to 0.1 rounded down' }) yearsAtSchool: number;
  @ApiProperty({ example: 6, minimum: 0, description: 'Whole years (anniversaries passed)' }) fullYears: number;
  @ApiProperty({ format: 'date', description: 'First day of the unbroken stretch at the school' }) since: string;
  @ApiProperty({ enum: BACKBONE_LEVELS, enumName: 'BackboneLevel' }) backbone: BackboneLevel;
  @ApiProperty({ description: 'Backbone level at least the policy’s rotation.backboneMinLevel: counts toward the backbone target' })
  countsAsBackbone: boolean;
  @ApiProperty({ minimum: 0, description: 'Full years of age on the reference day' }) age: number;
  @ApiProperty({ type: RotationText, description: 'The answer in one sentence, with the figures and the policy’s numbers' }) summary: RotationText;
}

class ExemptionGroundResponse {
  @ApiProperty({ enum: EXEMPTION_KINDS, enumName: 'ExemptionKind' }) kind: ExemptionKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The recorded exemption; null for the age' }) exemptionId: string | null;
  @ApiProperty({ nullable: true, enum: EXEMPTION_REASONS, enumName: 'ExemptionReason' }) reason: ExemptionReason | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Inclusive; null: no end (or the age)' }) validTo: string | null;
  @ApiProperty({ type: RotationText }) summary: RotationText;
}

class ExemptCandidateResponse extends CandidateResponse {
  @ApiProperty({ enum: EXEMPTION_KINDS, enumName: 'ExemptionKind', description: 'The first ground: AGE before RECORDED' }) reason: ExemptionKind;
  @ApiProperty({ type: [ExemptionGroundResponse], description: 'Every ground that holds on the reference day' })
  exemptions: ExemptionGroundResponse[];
}

class BackboneBaseResponse {
  @ApiProperty({ enum: BACKBONE_DENOMINATORS, enumName: 'BackboneDenominator' }) kind: BackboneDenominator;
  @ApiProperty({ minimum: 0, description: 'ROTATING: the minimum rotating (no plan yet); ELIGIBLE: the eligible count' }) count: number;
}

class TargetsResponse {
  @ApiProperty({ minimum: 0, description: 'Eligible teachers (exempt ones not counted)' }) eligibleCount: number;
  @ApiProperty({ minimum: 0, description: '⌈rotation.minRotatingShare × eligibleCount⌉' }) minRotating: number;
  @ApiProperty({ minimum: 0, description: '⌈rotation.minBackboneShare × backboneDenominator.count⌉' }) minBackbone: number;
  @ApiProperty({ type: BackboneBaseResponse }) backboneDenominator: BackboneBaseResponse;
  @ApiProperty({ description: 'The policy’s rotation.targetScopes holds this scope' }) applies: boolean;
  @ApiProperty({ type: RotationText }) summary: RotationText;
}

class SchoolTargetsResponse extends TargetsResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ nullable: true, enum: LOCATIONS, enumName: 'Location', description: 'On the reference day' }) location: Location | null;
}

class CountyTargetsResponse extends TargetsResponse {
  @ApiProperty({
    type: [SchoolTargetsResponse],
    description: 'Each school of the county whose location on the reference day is in rotation.schoolTargetLocations, by school code',
  })
  schools: SchoolTargetsResponse[];
}

export class RotationCandidatesResponse {
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ example: '丰县' }) countyName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) referenceDate: string;
  @ApiProperty({ example: 'jiangsu-2024.1', description: 'The policy in force on the reference day' }) policyVersion: string;
  @ApiProperty({ type: [CandidateResponse], description: 'Teachers due to rotate, by staff number' }) eligible: CandidateResponse[];
  @ApiProperty({ type: [ExemptCandidateResponse], description: 'Teachers who would be due but are exempt, by staff number' })
  exempt: ExemptCandidateResponse[];
  @ApiProperty({ minimum: 0, description: 'Teachers of the county not (yet) concerned' }) notEligibleCount: number;
  @ApiProperty({ type: CountyTargetsResponse, description: 'The county’s targets, and each school’s with targets of its own' })
  targets: CountyTargetsResponse;
}

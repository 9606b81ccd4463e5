import { ApiProperty } from '@nestjs/swagger';
import { BoolField, DateField, DivisionCodeField, EnumField, IdField, NestedField, NumberField, PageQuery, TextField, VersionField } from '@app/core';
import { BACKBONE_LEVELS, GENDERS, POSTING_KINDS, POSTS, PSYCHOLOGY_ROLES, SUBJECTS, TITLE_LEVELS } from '@app/domain';
import type { BackboneLevel, Gender, Post, PostingKind, PsychologyRole, Subject, TitleLevel } from '@app/domain';

export class ExtraSubjectDto {
  @EnumField(SUBJECTS, { enumName: 'Subject' })
  subject: Subject;

  @NumberField({ min: 0, max: 1, exclusiveMin: true, maxDecimals: 3, description: 'Share of the week given to this subject', example: 0.3 })
  fraction: number;
}

export class TitleDto {
  @EnumField(TITLE_LEVELS, { enumName: 'TitleLevel' })
  level: TitleLevel;

  @DateField({ required: false, nullable: true, description: 'When the title was obtained; required unless level is NONE', example: '2018-09-01' })
  since?: string | null;
}

const STAFF_NO = {
  maxLength: 32,
  pattern: /^[A-Za-z0-9_-]+$/,
  patternMessage: 'may hold letters, digits, dash and underscore',
  example: 'FX2008031',
};

export class CreateTeacherDto {
  @DivisionCodeField({ description: 'County of record (县管)' })
  countyId: string;

  @TextField(STAFF_NO)
  staffNo: string;

  @TextField({ maxLength: 50, example: '王静' })
  name: string;

  @EnumField(GENDERS, { enumName: 'Gender' })
  gender: Gender;

  @DateField({ example: '1986-04-12' })
  birthDate: string;

  @DateField({ example: '2008-09-01' })
  hireDate: string;

  @BoolField({ description: 'On the staffing quota (在编)' })
  onQuota: boolean;

  @EnumField(SUBJECTS, { enumName: 'Subject', description: 'Main subject' })
  subject: Subject;

  @NestedField(() => ExtraSubjectDto, {
    array: true,
    required: false,
    maxItems: 5,
    description: '一专多能: other subjects and their share of the week',
  })
  extraSubjects?: ExtraSubjectDto[];

  @NestedField(() => TitleDto)
  title: TitleDto;

  @EnumField(BACKBONE_LEVELS, { enumName: 'BackboneLevel' })
  backbone: BackboneLevel;

  @EnumField(PSYCHOLOGY_ROLES, { enumName: 'PsychologyRole' })
  psychology: PsychologyRole;

  @EnumField(POSTS, { enumName: 'Post' })
  post: Post;
}

export class UpdateTeacherDto {
  @VersionField()
  version: number;

  @TextField({ ...STAFF_NO, required: false })
  staffNo?: string;

  @TextField({ maxLength: 50, required: false })
  name?: string;

  @EnumField(GENDERS, { required: false, enumName: 'Gender' })
  gender?: Gender;

  @DateField({ required: false })
  birthDate?: string;

  @DateField({ required: false })
  hireDate?: string;

  @BoolField({ required: false })
  onQuota?: boolean;

  @EnumField(SUBJECTS, { required: false, enumName: 'Subject' })
  subject?: Subject;

  @NestedField(() => ExtraSubjectDto, { array: true, required: false, maxItems: 5, description: 'Replaces the list' })
  extraSubjects?: ExtraSubjectDto[];

  @NestedField(() => TitleDto, { required: false })
  title?: TitleDto;

  @EnumField(BACKBONE_LEVELS, { required: false, enumName: 'BackboneLevel' })
  backbone?: BackboneLevel;

  @EnumField(PSYCHOLOGY_ROLES, { required: false, enumName: 'PsychologyRole' })
  psychology?: PsychologyRole;

  @EnumField(POSTS, { required: false, enumName: 'Post' })
  post?: Post;
}

export class TeachersQuery extends PageQuery {
  @DivisionCodeField({ required: false })
  countyId?: string;

  @IdField({ required: false, description: 'Teachers posted at this school today' })
  schoolId?: string;

  @EnumField(SUBJECTS, { required: false, enumName: 'Subject', description: 'Main subject' })
  subject?: Subject;

  @TextField({ required: false, maxLength: 50, description: 'Part of the name, or the start of the staff number' })
  q?: string;
}

export class AddPostingDto {
  @IdField()
  schoolId: string;

  @DateField()
  startDate: string;

  @DateField({ required: false, nullable: true, description: 'Last day, inclusive; absent or null = open' })
  endDate?: string | null;

  @EnumField(POSTING_KINDS, { enumName: 'PostingKind' })
  kind: PostingKind;

  @NumberField({ required: false, min: 0, max: 1, exclusiveMin: true, maxDecimals: 3, description: 'Share of a full post (default 1)', example: 1 })
  fraction?: number;
}

export class UpdatePostingDto {
  @VersionField()
  version: number;

  @DateField({ required: false })
  startDate?: string;

  @DateField({ required: false, nullable: true, description: 'A date closes the posting (inclusive last day); null reopens it' })
  endDate?: string | null;

  @EnumField(POSTING_KINDS, { required: false, enumName: 'PostingKind' })
  kind?: PostingKind;

  @NumberField({ required: false, min: 0, max: 1, exclusiveMin: true, maxDecimals: 3 })
  fraction?: number;
}

export class DeletePostingQuery {
  @VersionField({ query: true })
  version: number;
}

class TitleResponse {
  @ApiProperty({ enum: TITLE_LEVELS, enumName: 'TitleLevel' }) level: TitleLevel;
  @ApiProperty({ nullable: true, type: String }) since: string | null;
}

class CurrentPostingResponse {
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: '丰县华山镇中心小学' }) schoolName: string;
  @ApiProperty({ enum: POSTING_KINDS, enumName: 'PostingKind' }) kind: PostingKind;
  @ApiProperty({ example: 1 }) fraction: number;
}

export class TeacherResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty() staffNo: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: GENDERS, enumName: 'Gender' }) gender: Gender;
  @ApiProperty() birthDate: string;
  @ApiProperty() hireDate: string;
  @ApiProperty() onQuota: boolean;
  @ApiProperty({ enum: SUBJECTS, enumName: 'Subject' }) subject: Subject;
  @ApiProperty({ type: [ExtraSubjectDto] }) extraSubjects: ExtraSubjectDto[];
  @ApiProperty({ type: TitleResponse }) title: TitleResponse;
  @ApiProperty({ enum: BACKBONE_LEVELS, enumName: 'BackboneLevel' }) backbone: BackboneLevel;
  @ApiProperty({ enum: PSYCHOLOGY_ROLES, enumName: 'PsychologyRole' }) psychology: PsychologyRole;
  @ApiProperty({ enum: POSTS, enumName: 'Post' }) post: Post;
  @ApiProperty({ type: [CurrentPostingResponse], description: 'Where the teacher works today' }) currentPostings: CurrentPostingResponse[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PostingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: '丰县华山镇中心小学' }) schoolName: string;
  @ApiProperty() startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ enum: POSTING_KINDS, enumName: 'PostingKind' }) kind: PostingKind;
  @ApiProperty({ example: 1 }) fraction: number;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

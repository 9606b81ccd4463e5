import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoolField, DateField, DivisionCodeField, EnumField, IdField, IntField, NestedField, PageQuery, TextField, VersionField } from '@app/core';
import { CLUSTER_KINDS, LOCATIONS, STAGES } from '@app/domain';
import type { ClusterKind, Location, Stage } from '@app/domain';

const CODE = { maxLength: 32, pattern: /^[A-Za-z0-9_-]+$/, patternMessage: 'may hold letters, digits, dash and underscore' };

export class CreateSchoolDto {
  @DivisionCodeField()
  countyId: string;

  @TextField({ ...CODE, example: '3203210101' })
  code: string;

  @TextField({ maxLength: 100, example: '丰县华山镇中心小学' })
  name: string;

  @EnumField(STAGES, { enumName: 'Stage' })
  stage: Stage;

  @EnumField(LOCATIONS, { enumName: 'Location', description: 'Location (城区/镇区/乡村) from classifiedFrom on' })
  location: Location;

  @BoolField({ description: 'Weak school (薄弱学校) from classifiedFrom on' })
  weak: boolean;

  @BoolField({ required: false, description: '乡镇中心学校' })
  townshipCentral?: boolean;

  @BoolField({ required: false })
  boarding?: boolean;

  @DateField({ required: false, description: 'When the initial classification starts (default 1900-01-01)', example: '2015-09-01' })
  classifiedFrom?: string;

  @IdField({ required: false, description: 'Education group (教育集团): a school cluster of kind GROUP in the county' })
  groupId?: string;

  @IdField({ required: false, description: 'School district (学区): a school cluster of kind DISTRICT in the county' })
  districtId?: string;
}

export class UpdateSchoolDto {
  @VersionField()
  version: number;

  @TextField({ ...CODE, required: false })
  code?: string;

  @TextField({ maxLength: 100, required: false })
  name?: string;

  @EnumField(STAGES, { required: false, enumName: 'Stage' })
  stage?: Stage;

  @BoolField({ required: false })
  townshipCentral?: boolean;

  @BoolField({ required: false })
  boarding?: boolean;

  @IdField({ required: false, nullable: true, description: 'null removes the school from its group' })
  groupId?: string | null;

  @IdField({ required: false, nullable: true, description: 'null removes the school from its district' })
  districtId?: string | null;
}

export class SchoolsQuery extends PageQuery {
  @DivisionCodeField({ required: false })
  countyId?: string;

  @TextField({ required: false, maxLength: 100, description: 'Part of the name, or the start of the code' })
  q?: string;

  @EnumField(STAGES, { required: false, enumName: 'Stage' })
  stage?: Stage;

  @IdField({ required: false })
  groupId?: string;

  @IdField({ required: false })
  districtId?: string;

  @EnumField(LOCATIONS, { required: false, enumName: 'Location', description: 'Location (城区/镇区/乡村) in force on asOf' })
  location?: Location;

  @BoolField({ required: false, query: true, description: 'Weak school (薄弱学校) or not, in force on asOf' })
  weak?: boolean;

  @DateField({ required: false, description: 'The day whose classification filters and is shown (default today)' })
  asOf?: string;
}

export class AddClassificationDto {
  @DateField({ description: 'The first day of the new classification' })
  effectiveFrom: string;

  @EnumField(LOCATIONS, { required: false, enumName: 'Location' })
  location?: Location;

  @BoolField({ required: false })
  weak?: boolean;
}

export class EnrolmentGradeDto {
  @IntField({ min: 1, max: 12 })
  grade: number;

  @IntField({ min: 0, max: 20000 })
  students: number;

  @IntField({ min: 0, max: 500 })
  classes: number;
}

export class PutEnrolmentDto {
  @IntField({ min: 2000, max: 2100, description: 'The school year by its starting year (2026 = 2026–27)', example: 2026 })
  schoolYear: number;

  @NestedField(() => EnrolmentGradeDto, { array: true, maxItems: 12 })
  grades: EnrolmentGradeDto[];

  @IntField({ required: false, min: 0, max: 100000 })
  boarders?: number;

  @VersionField({ required: false, description: 'If sent, the stored year must still have this version' })
  version?: number;
}

export class EnrolmentQuery {
  @IntField({ required: false, min: 2000, max: 2100, query: true })
  schoolYear?: number;
}

export class CreateClusterDto {
  @DivisionCodeField()
  countyId: string;

  @EnumField(CLUSTER_KINDS, { enumName: 'ClusterKind', description: 'GROUP = education group (教育集团); DISTRICT = school district (学区)' })
  kind: ClusterKind;

  @TextField({ maxLength: 100, example: '丰县实验小学教育集团' })
  name: string;
}

export class ClustersQuery {
  @DivisionCodeField({ required: false })
  countyId?: string;

  @EnumField(CLUSTER_KINDS, { required: false, enumName: 'ClusterKind' })
  kind?: ClusterKind;
}

class HeadcountResponse {
  @ApiProperty({ example: 41.5 }) onQuota: number;
  @ApiProperty({ example: '2026-11-29' }) asOf: string;
}

export class SchoolResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage: Stage;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location', nullable: true, description: 'In force today (in a list: on asOf)' })
  location: Location | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'In force today (in a list: on asOf)' }) weak: boolean | null;
  @ApiProperty() townshipCentral: boolean;
  @ApiProperty() boarding: boolean;
  @ApiProperty({ nullable: true, type: String }) groupId: string | null;
  @ApiProperty({ nullable: true, type: String }) districtId: string | null;
  @ApiPropertyOptional({ type: HeadcountResponse, nullable: true, description: 'Cached on-quota headcount, kept by a queued job' })
  headcount: HeadcountResponse | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

class ClassificationSetResponse {
  @ApiPropertyOptional({ enum: LOCATIONS, enumName: 'Location' }) location?: Location;
  @ApiPropertyOptional() weak?: boolean;
}

export class ClassificationChangeResponse {
  @ApiProperty({ example: '2022-09-01' }) effectiveFrom: string;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location', nullable: true, description: 'Resulting location' }) location: Location | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Resulting weak flag' }) weak: boolean | null;
  @ApiProperty({ type: ClassificationSetResponse, description: 'What this change set' }) set: ClassificationSetResponse;
}

export class EnrolmentResponse {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: 2026 }) schoolYear: number;
  @ApiProperty({ type: [EnrolmentGradeDto] }) grades: EnrolmentGradeDto[];
  @ApiProperty() boarders: number;
  @ApiProperty() totalStudents: number;
  @ApiProperty() totalClasses: number;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export class ClusterResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ enum: CLUSTER_KINDS, enumName: 'ClusterKind' }) kind: ClusterKind;
  @ApiProperty() name: string;
}

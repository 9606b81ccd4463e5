import { ApiProperty } from '@nestjs/swagger';
import { DateField, DivisionCodeField, EnumField, IdField, PageQuery, TextField } from '@app/core';
import { TRANSFER_STATUSES } from '@app/domain';
import type { TransferStatus } from '@app/domain';
import { PageResponse } from '../common/page.response';

export class RequestTransferDto {
  @IdField({ description: 'A teacher of your county' })
  teacherId: string;

  @IdField({ description: 'The destination school, in your county or another one (another county’s officers then accept it)' })
  toSchoolId: string;

  @DateField({
    description: 'The first day at the destination: the home posting closes the day before, the new one opens on it (a day ahead is fine)',
    example: '2026-09-01',
  })
  effectiveDate: string;

  @TextField({ maxLength: 1000, description: 'Why the teacher moves', example: '夫妻两地分居，调往配偶工作所在地' })
  reason: string;
}

export class TransferReasonDto {
  @TextField({ maxLength: 1000, description: 'Why (required)', example: '本县该学科教师已满编' })
  reason: string;
}

export class TransfersQuery extends PageQuery {
  @DivisionCodeField({ required: false, description: 'Transfers from or to this county' }) countyId?: string;
  @EnumField(TRANSFER_STATUSES, { required: false, enumName: 'TransferStatus', description: 'Default: every status' })
  status?: TransferStatus;
}

export class TransferDestinationsQuery {
  @DivisionCodeField({ description: 'The county whose schools to list: yours or any other of the province' }) countyId: string;
  @TextField({ required: false, maxLength: 100, description: 'Part of the name, or the start of the code' }) q?: string;
}

export class TransferDestinationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'LY0001' }) code: string;
  @ApiProperty({ example: '溧阳实验小学' }) name: string;
  @ApiProperty({ example: '320481' }) countyId: string;
  @ApiProperty({ example: '溧阳' }) countyName: string;
}

class TransferLabelResponse {
  @ApiProperty({ example: '该教师不属于优秀校长或教师，不受限制' }) zh: string;
  @ApiProperty({ example: 'The teacher is not outstanding under the rule: not concerned' }) en: string;
}

class TransferActorResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ example: 'officer.fengxian' }) username: string;
}

class PoachingResponse {
  @ApiProperty({ description: 'The anti-poaching rule refused the transfer (it was kept as BLOCKED)' }) blocked: boolean;
  @ApiProperty({ type: TransferLabelResponse, description: 'Why it is refused, or why the rule does not concern it' })
  reason: TransferLabelResponse;
  @ApiProperty({ example: 'jiangsu-2024.1', description: 'The policy version in force on the effective date' }) policyVersion: string;
}

class TransferExceptionResponse {
  @ApiProperty({ type: TransferActorResponse }) by: TransferActorResponse;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: '经省教育厅研究同意' }) reason: string;
}

class TransferDecisionResponse {
  @ApiProperty({ type: TransferActorResponse }) by: TransferActorResponse;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected (null when accepted)' }) note: string | null;
}

export class TransferResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teacherId: string;
  @ApiProperty({ example: '张老师' }) teacherName: string;
  @ApiProperty({ example: 'FX2008031' }) staffNo: string;
  @ApiProperty({ format: 'uuid' }) fromSchoolId: string;
  @ApiProperty({ example: '丰县城南小学' }) fromSchoolName: string;
  @ApiProperty({ example: '320321', description: 'The county that held the teacher when the transfer was asked for' }) fromCountyId: string;
  @ApiProperty({ format: 'uuid' }) toSchoolId: string;
  @ApiProperty({ example: '溧阳实验小学' }) toSchoolName: string;
  @ApiProperty({ example: '320481' }) toCountyId: string;
  @ApiProperty({ description: 'The destination is in another county, whose officers accept the transfer' }) crossCounty: boolean;
  @ApiProperty({ format: 'date' }) effectiveDate: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: TRANSFER_STATUSES, enumName: 'TransferStatus' }) status: TransferStatus;
  @ApiProperty({ type: PoachingResponse, description: 'The anti-poaching rule as it judged the transfer when it was asked for' })
  poaching: PoachingResponse;
  @ApiProperty({ type: TransferExceptionResponse, nullable: true, description: 'The province administrator’s exception to the anti-poaching rule' })
  exception: TransferExceptionResponse | null;
  @ApiProperty({ type: TransferDecisionResponse, nullable: true, description: 'The receiving county’s acceptance or rejection' })
  decision: TransferDecisionResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the postings were written' }) executedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The new home posting at the destination, once executed' })
  postingId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ type: TransferActorResponse }) createdBy: TransferActorResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class TransferPage extends PageResponse(TransferResponse) {}

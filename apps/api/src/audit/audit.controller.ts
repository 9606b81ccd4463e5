import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ListAuditEntriesUseCase } from '@app/audit';
import { IdField, PageQuery, pageRequest, TextField } from '@app/core';
import { Actor, OFFICERS, requireRole } from '@app/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageResponse } from '../common/page.response';

class AuditQuery extends PageQuery {
  @TextField({ required: false, maxLength: 40, description: 'e.g. school, teacher, posting, user, policy_version', example: 'school' })
  entity?: string;

  @TextField({ required: false, maxLength: 64 })
  entityId?: string;

  @TextField({ required: false, maxLength: 64, example: 'posting.close' })
  action?: string;

  @IdField({ required: false, description: 'Account that made the change' })
  actorId?: string;
}

class AuditActorResponse {
  @ApiProperty({ nullable: true, type: String }) id: string | null;
  @ApiProperty() username: string;
  @ApiProperty() role: string;
}

class AuditEntryResponse {
  @ApiProperty() id: number;
  @ApiProperty() at: string;
  @ApiProperty({ type: AuditActorResponse }) actor: AuditActorResponse;
  @ApiProperty({ example: 'school.update' }) action: string;
  @ApiProperty({ example: 'school' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: String }) countyId: string | null;
  @ApiProperty({ nullable: true, type: Object }) before: unknown;
  @ApiProperty({ nullable: true, type: Object }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}

@ApiTags('Audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly listEntries: ListAuditEntriesUseCase) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail of your counties, newest first (officers)' })
  @ApiOkResponse({ type: PageResponse(AuditEntryResponse) })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery) {
    requireRole(actor, OFFICERS, 'read the audit log');
    const { page, pageSize, ...filter } = query;
    return this.listEntries.execute({ actor, filter, page: pageRequest({ page, pageSize }) });
  }
}

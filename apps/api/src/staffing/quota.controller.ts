import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/domain';
import { AllocateSchoolQuotaUseCase, GetCountyQuotaUseCase, MoveQuotaUseCase, SchoolQuotaHistoryUseCase, SetCountyQuotaUseCase } from '@app/staffing';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import {
  AllocateQuotaDto,
  CountyQuotaResponse,
  HistoryQuery,
  MoveQuotaDto,
  QuotaChangeResponse,
  QuotaMoveResponse,
  QuotaYearQuery,
  SchoolAllocationResponse,
  SetCountyQuotaDto,
} from './staffing.dto';

const WRITERS = 'County officers of the county and the administrator write; city officers read; principals and teachers answer 403.';

@ApiTags('Staffing quotas')
@ApiBearerAuth()
@Controller()
export class QuotaController {
  constructor(
    private readonly setTotal: SetCountyQuotaUseCase,
    private readonly pool: GetCountyQuotaUseCase,
    private readonly allocate: AllocateSchoolQuotaUseCase,
    private readonly move: MoveQuotaUseCase,
    private readonly history: SchoolQuotaHistoryUseCase,
  ) {}

  @Put('counties/:id/quota')
  @ApiOperation({
    summary: 'Enter or change a county’s approved total (核定编制总数) for a school year',
    description:
      `Never below what the county’s schools are allocated already: 422 QUOTA_BELOW_ALLOCATED. Audit-logged and kept in the quota history. ${WRITERS} ` +
      'Answers the county’s pool as GET does.',
  })
  @ApiOkResponse({ type: CountyQuotaResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  put(@CurrentActor() actor: Actor, @Param('id') countyId: string, @Body() body: SetCountyQuotaDto): Promise<CountyQuotaResponse> {
    return this.setTotal.execute({ actor, countyId, ...body });
  }

  @Get('counties/:id/quota')
  @ApiOperation({
    summary: 'A county’s quota pool for a school year: approved total, allocated, unallocated, every school’s allocation (officers)',
  })
  @ApiOkResponse({ type: CountyQuotaResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id') countyId: string, @Query() query: QuotaYearQuery): Promise<CountyQuotaResponse> {
    return this.pool.execute({ actor, countyId, year: query.year });
  }

  @Put('schools/:id/quota-allocation')
  @ApiOperation({
    summary: 'Allocate quota to a school for a school year from its county’s pool',
    description:
      'The county needs an approved total for the year (422 QUOTA_NOT_APPROVED); its schools’ allocations may never exceed it (422 QUOTA_POOL_EXCEEDED, ' +
      `also when two officers allocate at the same moment: the county’s pool is locked for each write). Lowering always fits. Audit-logged and kept in the school’s history. ${WRITERS}`,
  })
  @ApiOkResponse({ type: SchoolAllocationResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  allocateQuota(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Body() body: AllocateQuotaDto): Promise<SchoolAllocationResponse> {
    return this.allocate.execute({ actor, schoolId, ...body });
  }

  @Post('counties/:id/quota-moves')
  @ApiOperation({
    summary: 'Move quota between two schools of the county for a school year, as one write (动态管理)',
    description:
      'Both allocations change and both schools’ histories record it (MOVE_OUT, MOVE_IN, one moveId), or nothing is written. The school giving keeps 0 or more ' +
      '(422 QUOTA_MOVE_EXCEEDS_ALLOCATION); the county needs an approved total (422 QUOTA_NOT_APPROVED); a school not of the county answers 404; the same school twice 400. ' +
      WRITERS,
  })
  @ApiCreatedResponse({ type: QuotaMoveResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  moveQuota(@CurrentActor() actor: Actor, @Param('id') countyId: string, @Body() body: MoveQuotaDto): Promise<QuotaMoveResponse> {
    return this.move.execute({ actor, countyId, ...body });
  }

  @Get('schools/:id/quota-history')
  @ApiOperation({
    summary: 'A school’s quota history: allocations and moves in and out, newest first (officers; a principal their own school)',
  })
  @ApiOkResponse({ type: [QuotaChangeResponse] })
  @ApiErrors(400, 401, 403, 404)
  schoolHistory(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Query() query: HistoryQuery): Promise<QuotaChangeResponse[]> {
    return this.history.execute({ actor, schoolId, year: query.year });
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pageRequest } from '@app/core';
import { SchoolRepository } from '@app/database';
import { Actor, scopeOf } from '@app/domain';
import { countyEligibilityCsv, CountyEligibilityUseCase, GetEligibilityUseCase, WhatIfEligibilityUseCase } from '@app/eligibility';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import {
  CountyEligibilityQuery,
  CountyEligibilityResponse,
  EligibilityQuery,
  EligibilityResponse,
  WhatIfDto,
  WhatIfResponse,
} from './eligibility.dto';

@ApiTags('Eligibility')
@ApiBearerAuth()
@Controller()
export class EligibilityController {
  constructor(
    private readonly eligibility: GetEligibilityUseCase,
    private readonly whatIf: WhatIfEligibilityUseCase,
    private readonly county: CountyEligibilityUseCase,
    private readonly schools: SchoolRepository,
  ) {}

  @Get('teachers/:id/eligibility')
  @ApiOperation({
    summary: 'Senior-title eligibility and principal-selection priority of a teacher, as of a day',
    description:
      'RURAL_OR_WEAK_SERVICE: days on which postings at schools rural or weak that day add up to ≥ 0.5 (365 needed); TITLE_TENURE: full years with the first-level title (5); TRAINING_ON_PACE: approved hours of the cycle ≥ hours expected to date. Principal priority: 1,095 qualifying days. Thresholds come from the policy in force on the as-of day.',
  })
  @ApiOkResponse({ type: EligibilityResponse })
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Query() query: EligibilityQuery) {
    return this.eligibility.execute({ actor, teacherId, asOf: query.asOf });
  }

  @Post('teachers/:id/eligibility/what-if')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The answer as if planned postings existed (officers); nothing is written',
    description:
      'A full-time planned posting closes the recorded postings it overlaps the day before it starts, as activating a rotation does (listed in assumptions); any other excess answers 422 POSTING_OVERLAP.',
  })
  @ApiOkResponse({ type: WhatIfResponse })
  @ApiErrors(400, 401, 403, 404, 413, 415, 422)
  plan(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Body() body: WhatIfDto) {
    return this.whatIf.execute({ actor, teacherId, asOf: body.asOf, postings: body.postings });
  }

  @Get('counties/:id/eligibility')
  @ApiOperation({
    summary: 'Every teacher of a county with their senior-title rule outcomes (officers), paged; ?format=csv (or Accept: text/csv) downloads all',
  })
  @ApiOkResponse({ type: CountyEligibilityResponse })
  @ApiProduces('application/json', 'text/csv')
  @ApiErrors(400, 401, 403, 404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('id') countyId: string,
    @Query() query: CountyEligibilityQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { page, pageSize, format, ...filter } = query;
    const wantsCsv = format === 'csv' || (format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!wantsCsv) return this.county.execute({ actor, countyId, ...filter, page: pageRequest({ page, pageSize }) });
    const all = await this.county.evaluateAll({ actor, countyId, ...filter });
    const names = await this.schools.namesOf(scopeOf(actor), [...new Set(all.rows.map((r) => r.schoolId).filter((id): id is string => id !== null))]);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="eligibility-${all.countyId}-${all.asOf}.csv"`);
    return countyEligibilityCsv(all.rows, names, all);
  }
}

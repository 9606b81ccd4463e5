import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import { ReadShortageFlagsUseCase, ReadShortageScansUseCase, RequestShortageScanUseCase, ShortageSummaryUseCase } from '@app/shortages';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import {
  CountyShortageSummaryResponse,
  FlagsQuery,
  RequestScanDto,
  RollupQuery,
  ScanAcceptedResponse,
  ScansQuery,
  ShortageFlagDetailResponse,
  ShortageFlagPage,
  ShortageRollupResponse,
  ShortageScanPage,
  ShortageScanResponse,
  SummaryQuery,
} from './shortage.dto';

const SCHOOLS_IN_SUMMARY = 20;

@ApiTags('Shortages')
@ApiBearerAuth()
@Controller()
export class ShortagesController {
  constructor(
    private readonly requestScan: RequestShortageScanUseCase,
    private readonly scans: ReadShortageScansUseCase,
    private readonly flags: ReadShortageFlagsUseCase,
    private readonly summaries: ShortageSummaryUseCase,
  ) {}

  @Post('shortage-scans')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Scan schools for shortages now: one county, or every county in your reach (officers)',
    description:
      'Answers at once with the scan’s id; the scan runs on the job queue, one unit of work per group of schools. ' +
      'Follow it with GET /shortage-scans/{id}. Every county is also scanned each night, and a school after a change to its postings, enrolment or classification.',
  })
  @ApiAcceptedResponse({ type: ScanAcceptedResponse })
  @ApiErrors(400, 401, 403, 404)
  request(@CurrentActor() actor: Actor, @Body() body: RequestScanDto): Promise<ScanAcceptedResponse> {
    return this.requestScan.execute({ actor, countyId: body.countyId });
  }

  @Get('shortage-scans')
  @ApiOperation({
    summary: 'Recent scans in your reach, newest first (officers)',
    description: 'Requested, nightly and after-change scans with their progress.',
  })
  @ApiOkResponse({ type: ShortageScanPage })
  @ApiErrors(400, 401, 403, 404)
  listScans(@CurrentActor() actor: Actor, @Query() query: ScansQuery) {
    const { page, pageSize, ...filter } = query;
    return this.scans.list({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Get('shortage-scans/:id')
  @ApiOperation({ summary: 'A scan’s status and counts (officers)' })
  @ApiOkResponse({ type: ShortageScanResponse })
  @ApiErrors(401, 403, 404)
  getScan(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ShortageScanResponse> {
    return this.scans.get({ actor, id });
  }

  @Get('shortage-flags')
  @ApiOperation({
    summary: 'Shortage flags in your reach, most severe first (officers; a principal their own school)',
    description: 'Teachers answer 403. A county or school outside your reach answers 404.',
  })
  @ApiOkResponse({ type: ShortageFlagPage })
  @ApiErrors(400, 401, 403, 404)
  listFlags(@CurrentActor() actor: Actor, @Query() query: FlagsQuery) {
    const { page, pageSize, ...filter } = query;
    return this.flags.list({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Get('shortage-flags/:id')
  @ApiOperation({
    summary:
      'One flag with its explanation: the grades, classes and periods behind the requirement, the teachers behind the supply, the policy numbers',
  })
  @ApiOkResponse({ type: ShortageFlagDetailResponse })
  @ApiErrors(401, 403, 404)
  getFlag(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.flags.get({ actor, id });
  }

  @Get('counties/:id/shortage-summary')
  @ApiOperation({ summary: 'A county’s open flags by subject, kind and severity, and its schools with the most severe gaps first (officers)' })
  @ApiOkResponse({ type: CountyShortageSummaryResponse })
  @ApiErrors(400, 401, 403, 404)
  countySummary(@CurrentActor() actor: Actor, @Param('id') countyId: string, @Query() query: SummaryQuery): Promise<CountyShortageSummaryResponse> {
    return this.summaries.county({ actor, countyId, schools: query.schools ?? SCHOOLS_IN_SUMMARY });
  }

  @Get('shortage-summary')
  @ApiOperation({ summary: 'Open flags of each county of a city, or of the province (city officers: their city; the administrator)' })
  @ApiOkResponse({ type: ShortageRollupResponse })
  @ApiErrors(400, 401, 403, 404)
  rollup(@CurrentActor() actor: Actor, @Query() query: RollupQuery): Promise<ShortageRollupResponse> {
    return this.summaries.rollup({ actor, cityId: query.cityId });
  }
}

import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { XLSX_CONTENT_TYPE } from '@app/core';
import type { Actor } from '@app/domain';
import { countyStaffingWorkbook, CountyStaffingReportUseCase, SchoolStaffingUseCase, StaffingRollupUseCase } from '@app/staffing';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import {
  CountyReportQuery,
  CountyStaffingReportResponse,
  RollupQuery,
  SchoolStaffingQuery,
  SchoolStaffingResponse,
  StaffingRollupResponse,
} from './staffing.dto';

const FIGURES =
  'Standard quota from the enrolment of the school year containing asOf (else the latest before it) by the policy in force that day; allocation of the quota year; ' +
  'on-quota headcount = on-quota teachers posted there on asOf, each by their posting fraction; vacancy = allocated − headcount (negative: overstaffed).';

@ApiTags('Staffing quotas')
@ApiBearerAuth()
@Controller()
export class StaffingReportsController {
  constructor(
    private readonly school: SchoolStaffingUseCase,
    private readonly county: CountyStaffingReportUseCase,
    private readonly rollup: StaffingRollupUseCase,
  ) {}

  @Get('schools/:id/staffing')
  @ApiOperation({
    summary:
      'A school’s staffing on a day: standard quota with its breakdown, allocated quota, on-quota headcount, vacancy (officers; a principal their own school)',
    description: `${FIGURES} Each part of the breakdown names its rule and numbers; the parts add up to standardQuota.`,
  })
  @ApiOkResponse({ type: SchoolStaffingResponse })
  @ApiErrors(400, 401, 403, 404)
  staffing(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Query() query: SchoolStaffingQuery): Promise<SchoolStaffingResponse> {
    return this.school.execute({ actor, schoolId, asOf: query.asOf });
  }

  @Get('counties/:id/staffing-report')
  @ApiOperation({
    summary:
      'A county’s staffing report: every school, the totals, the schools over and under their allocation (officers); ?format=xlsx downloads it',
    description:
      `${FIGURES} The XLSX workbook has a sheet 编制情况 (Chinese headings 学校代码, 学校名称, 学段, 城乡类别, 在校学生数, 标准编制, 分配编制, ` +
      '在编在岗人数（折算）, 空编（+）/超编（−）, 编制状态, 未解决缺员预警; one row a school; a totals row 合计) and a sheet 编制池 (the pool, the day, the policy version).',
  })
  @ApiExtraModels(CountyStaffingReportResponse)
  @ApiOkResponse({
    description: 'The report as JSON, or as an Excel workbook',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CountyStaffingReportResponse) } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary', description: 'XLSX workbook' } },
    },
  })
  @ApiErrors(400, 401, 403, 404)
  async report(
    @CurrentActor() actor: Actor,
    @Param('id') countyId: string,
    @Query() query: CountyReportQuery,
  ): Promise<CountyStaffingReportResponse | StreamableFile> {
    const report = await this.county.execute({ actor, countyId, year: query.year, asOf: query.asOf });
    if (query.format !== 'xlsx') return report;
    return new StreamableFile(await countyStaffingWorkbook(report), {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="staffing-${report.countyId}-${report.year}-${report.asOf}.xlsx"`,
    });
  }

  @Get('staffing-report')
  @ApiOperation({
    summary: 'Staffing of each county of a city, or of the province (city officers: their city; the administrator)',
    description: `Per county: the pool, and the schools’ standard quotas, allocations, headcounts, vacancies and open flags summed. ${FIGURES}`,
  })
  @ApiOkResponse({ type: StaffingRollupResponse })
  @ApiErrors(400, 401, 403, 404)
  staffingRollup(@CurrentActor() actor: Actor, @Query() query: RollupQuery): Promise<StaffingRollupResponse> {
    return this.rollup.execute({ actor, cityId: query.cityId, year: query.year, asOf: query.asOf });
  }
}

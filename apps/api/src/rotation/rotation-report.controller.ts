import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { XLSX_CONTENT_TYPE } from '@app/core';
import type { Actor } from '@app/domain';
import { ReadRotationRewardsUseCase, rotationRewardsWorkbook } from '@app/rotation';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { RotationReportQuery, RotationRewardsResponse } from './rotation-report.dto';

@ApiTags('Rotation')
@ApiBearerAuth()
@Controller()
export class RotationReportController {
  constructor(private readonly rewards: ReadRotationRewardsUseCase) {}

  @Get('counties/:id/rotation-report')
  @ApiOperation({
    summary:
      'A county’s rotation rewards report for a plan year: teachers each school sent and received, its targets met or not, and the schools ranked by backbone teachers sent (officers); ?format=xlsx downloads it',
    description:
      'Counted: the assignments of the county’s plans of the year that are APPROVED, ACTIVE or COMPLETED (never draft, submitted or cancelled). ' +
      'Backbone: level ≥ rotation.backboneMinLevel of the policy in force on the reference day, as the assignment recorded it. SHADOWING is counted apart. ' +
      'Ranking: backbone teachers sent, then teachers sent, then school code. The XLSX workbook has a sheet 交流轮岗成效 (学校代码, 学校名称, 城乡类别, ' +
      '交流教师数, 其中骨干, 接收教师数, 应交流人数, 应交流骨干数, 是否达标, 排名, …; a county totals row 合计) and a sheet 说明 (the columns and the policy numbers). ' +
      'Principals and teachers answer 403; a county outside your reach 404.',
  })
  @ApiExtraModels(RotationRewardsResponse)
  @ApiOkResponse({
    description: 'The report as JSON, or as an Excel workbook',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RotationRewardsResponse) } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary', description: 'XLSX workbook' } },
    },
  })
  @ApiErrors(400, 401, 403, 404)
  async report(
    @CurrentActor() actor: Actor,
    @Param('id') countyId: string,
    @Query() query: RotationReportQuery,
  ): Promise<RotationRewardsResponse | StreamableFile> {
    const report = await this.rewards.execute({ actor, countyId, year: query.year });
    if (query.format !== 'xlsx') return report;
    return new StreamableFile(await rotationRewardsWorkbook(report), {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="rotation-report-${report.countyId}-${report.year}.xlsx"`,
    });
  }
}

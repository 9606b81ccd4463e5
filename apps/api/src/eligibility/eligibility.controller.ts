import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { pageRequest, XLSX_CONTENT_TYPE } from '@app/core';
import { Actor, labelOf } from '@app/domain';
import {
  countyEligibilityCsv,
  CountyEligibilityUseCase,
  countyEligibilityWorkbook,
  GetEligibilityUseCase,
  WhatIfEligibilityUseCase,
} from '@app/eligibility';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { DEFAULT_POLICY, formatCount, POLICY_DEFAULTS_NOTE } from '../common/policy-defaults';
import {
  CountyEligibilityQuery,
  CountyEligibilityResponse,
  EligibilityQuery,
  EligibilityResponse,
  WhatIfDto,
  WhatIfResponse,
} from './eligibility.dto';

const ELIGIBILITY = DEFAULT_POLICY.eligibility;
const TENURE_TITLE = labelOf('titleLevels', ELIGIBILITY.seniorTitle.tenureTitle);
const RULES_DESCRIPTION =
  `RURAL_OR_WEAK_SERVICE: days on which postings at schools rural or weak that day add up to ≥ ${ELIGIBILITY.minDailyFraction} ` +
  `(${formatCount(ELIGIBILITY.seniorTitle.serviceDays)} needed); TITLE_TENURE: full years as ${TENURE_TITLE.en} (${TENURE_TITLE.zh}) ` +
  `(${ELIGIBILITY.seniorTitle.tenureYears}); TRAINING_ON_PACE: approved hours of the cycle ≥ hours expected to date ` +
  '(judged today for a later as-of day, with hoursToRecordBy). ' +
  `Principal priority: ${formatCount(ELIGIBILITY.principalPriority.serviceDays)} qualifying days. ` +
  'A teacher holding SENIOR or higher is HOLDS_TITLE (not eligible, rules still shown). Each failed rule carries message {zh, en}. ' +
  `Thresholds come from the policy in force on the as-of day. ${POLICY_DEFAULTS_NOTE}`;

@ApiTags('Eligibility')
@ApiBearerAuth()
@Controller()
export class EligibilityController {
  constructor(
    private readonly eligibility: GetEligibilityUseCase,
    private readonly whatIf: WhatIfEligibilityUseCase,
    private readonly county: CountyEligibilityUseCase,
  ) {}

  @Get('teachers/:id/eligibility')
  @ApiOperation({
    summary: 'Senior-title eligibility and principal-selection priority of a teacher, as of a day',
    description: RULES_DESCRIPTION,
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
      'The plan goes through the same posting rules as recording: an end before the start answers 400, a start before the hire date 422 POSTING_BEFORE_HIRE, ' +
      'a day over one full post 422 POSTING_OVERLAP. It is put in place as activating a rotation plan would (listed in assumptions): a full-time planned posting ' +
      'closes the recorded postings running on its first day the day before and resumes them after its term; a part-time one (fraction f, e.g. SHARED) keeps the ' +
      'home posting at 1 − f for its term. Training is judged today (hoursToRecordBy for the as-of day); serviceRuleMetOn is the day the service rule is met under the plan.',
  })
  @ApiOkResponse({ type: WhatIfResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  plan(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Body() body: WhatIfDto) {
    return this.whatIf.execute({ actor, teacherId, asOf: body.asOf, postings: body.postings });
  }

  @Get('counties/:id/eligibility')
  @ApiOperation({
    summary:
      'Every teacher of a county with their senior-title answer (officers), paged; ?format=csv (or Accept: text/csv) or ?format=xlsx (or Accept: the XLSX type) downloads all',
    description:
      `Filters: title (title level), status (ELIGIBLE, NOT_YET, HOLDS_TITLE), rule with passed; a download keeps the same filters and holds every matching teacher. ` +
      'The CSV and the XLSX workbook (one sheet 职称申报资格, its heading row frozen) have the same Chinese headings (工号, 姓名, 职称, 学校, 结论, each rule with its ' +
      'actual and required figure, 未满足条件说明, 届时尚需登记培训学时, 最早满足日期, 校长选任优先条件, 乡村或薄弱学校任教天数, 县（区）代码, 统计日期, 政策版本); ' +
      `dates are YYYY-MM-DD. ${RULES_DESCRIPTION}`,
  })
  @ApiExtraModels(CountyEligibilityResponse)
  @ApiOkResponse({
    description: 'One page as JSON, or every matching teacher as a CSV file or an Excel workbook',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CountyEligibilityResponse) } },
      'text/csv': { schema: { type: 'string', description: 'UTF-8 CSV, one teacher a row' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary', description: 'XLSX workbook, one teacher a row' } },
    },
  })
  @ApiErrors(400, 401, 403, 404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('id') countyId: string,
    @Query() query: CountyEligibilityQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { page, pageSize, format, ...filter } = query;
    const download = format ?? (accept?.includes(XLSX_CONTENT_TYPE) ? 'xlsx' : /\btext\/csv\b/.test(accept ?? '') ? 'csv' : 'json');
    if (download === 'json') return this.county.execute({ actor, countyId, ...filter, page: pageRequest({ page, pageSize }) });
    const all = await this.county.evaluateAll({ actor, countyId, ...filter });
    const name = `eligibility-${all.countyId}-${all.asOf}`;
    if (download === 'xlsx') {
      return new StreamableFile(await countyEligibilityWorkbook(all.rows, all), {
        type: XLSX_CONTENT_TYPE,
        disposition: `attachment; filename="${name}.xlsx"`,
      });
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return countyEligibilityCsv(all.rows, all);
  }
}

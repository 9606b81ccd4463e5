import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { pageRequest } from '@app/core';
import { Actor, ValidationFailedError } from '@app/domain';
import {
  CountyTrainingReportUseCase,
  DecideTrainingRecordUseCase,
  GetTrainingSummaryUseCase,
  ImportTrainingRecordsUseCase,
  ListTrainingRecordsUseCase,
  ReverseTrainingRecordUseCase,
  SubmitTrainingRecordUseCase,
  TrainingCompletionUseCase,
} from '@app/training';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageResponse } from '../common/page.response';
import { DEFAULT_POLICY, POLICY_DEFAULTS_NOTE } from '../common/policy-defaults';
import {
  CountyTrainingReportResponse,
  CycleQuery,
  ImportQuery,
  ImportResponse,
  ImportUpload,
  RejectDto,
  ReportQuery,
  ReversalDto,
  SubmitTrainingRecordDto,
  SummaryQuery,
  TeacherTrainingRecordsResponse,
  TrainingCompletionResponse,
  TrainingRecordResponse,
  TrainingSearchQuery,
  TrainingSummaryResponse,
} from './training.dto';

const TRAINING = DEFAULT_POLICY.training;

/** The largest CSV accepted (about 5,000 rows). */
const MAX_CSV_BYTES = 5 * 1024 * 1024;

@ApiTags('Training ledger')
@ApiBearerAuth()
@Controller()
export class TrainingController {
  constructor(
    private readonly submit: SubmitTrainingRecordUseCase,
    private readonly decide: DecideTrainingRecordUseCase,
    private readonly reverse: ReverseTrainingRecordUseCase,
    private readonly list: ListTrainingRecordsUseCase,
    private readonly summary: GetTrainingSummaryUseCase,
    private readonly report: CountyTrainingReportUseCase,
    private readonly completion: TrainingCompletionUseCase,
    private readonly importer: ImportTrainingRecordsUseCase,
  ) {}

  @Post('teachers/:id/training-records')
  @ApiOperation({
    summary: 'Record training taken (a teacher their own; an officer anyone in the county); it waits for approval',
    description:
      `Hours in ${TRAINING.hourStep} h steps, more than 0, at most ${TRAINING.maxHoursPerDay} per day of the activity; ` +
      `dates not in the future and within one ${TRAINING.cycleYears}-year cycle. ${POLICY_DEFAULTS_NOTE}`,
  })
  @ApiCreatedResponse({ type: TrainingRecordResponse })
  @ApiErrors(400, 401, 403, 404)
  create(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Body() body: SubmitTrainingRecordDto) {
    return this.submit.execute({ actor, teacherId, ...body });
  }

  @Get('teachers/:id/training-records')
  @ApiOperation({ summary: "A teacher's ledger for a cycle (?cycle=2026), records and reversals, oldest first" })
  @ApiOkResponse({ type: TeacherTrainingRecordsResponse })
  @ApiErrors(400, 401, 404)
  ofTeacher(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Query() query: CycleQuery) {
    return this.list.ofTeacher({ actor, teacherId, cycle: query.cycle });
  }

  @Get('teachers/:id/training-summary')
  @ApiOperation({ summary: 'Where a teacher stands in the training cycle of ?asOf= (default today)' })
  @ApiOkResponse({ type: TrainingSummaryResponse })
  @ApiErrors(400, 401, 404)
  teacherSummary(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Query() query: SummaryQuery) {
    return this.summary.execute({ actor, teacherId, asOf: query.asOf });
  }

  @Get('training-records')
  @ApiOperation({
    summary: 'Training records in your reach, filtered: ?decidable=true lists what waits for your decision',
    description:
      '?decidable=true: the submitted records you may approve or reject (a principal: school-based training of their staff, never their own). ' +
      '?status=SUBMITTED: every pending record you can see, including those the county decides.',
  })
  @ApiOkResponse({ type: PageResponse(TrainingRecordResponse) })
  @ApiErrors(400, 401, 404)
  search(@CurrentActor() actor: Actor, @Query() query: TrainingSearchQuery) {
    const { page, pageSize, ...filter } = query;
    return this.list.search({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Post('training-records/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a submitted record',
    description:
      'County officers decide every category; a principal decides SCHOOL_BASED training of their staff (403 otherwise); nobody decides their own. A decided record answers 422 ALREADY_DECIDED.',
  })
  @ApiOkResponse({ type: TrainingRecordResponse })
  @ApiErrors(401, 403, 404, 422)
  approve(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.decide.execute({ actor, id, decision: 'APPROVE' });
  }

  @Post('training-records/:id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a submitted record, with the reason' })
  @ApiOkResponse({ type: TrainingRecordResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RejectDto) {
    return this.decide.execute({ actor, id, decision: 'REJECT', reason: body.reason });
  }

  @Post('training-records/:id/reversal')
  @ApiOperation({
    summary: 'Reverse an approved record: a negative entry linked to it, with the reason',
    description: 'Approved records are never edited. Pending or rejected records answer 422 NOT_APPROVED; a second reversal 422 ALREADY_REVERSED.',
  })
  @ApiCreatedResponse({ type: TrainingRecordResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  reversal(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReversalDto) {
    return this.reverse.execute({ actor, id, reason: body.reason });
  }

  @Get('counties/:id/training-report')
  @ApiOperation({ summary: "A county's training for a cycle: completion rate, teachers behind pace (paged, sortable), hours by category (officers)" })
  @ApiOkResponse({ type: CountyTrainingReportResponse })
  @ApiErrors(400, 401, 403, 404)
  countyReport(@CurrentActor() actor: Actor, @Param('id') countyId: string, @Query() query: ReportQuery) {
    const { page, pageSize, cycle, sort } = query;
    return this.report.execute({ actor, countyId, cycle, sort, page: pageRequest({ page, pageSize }) });
  }

  @Get('training-completion')
  @ApiOperation({ summary: 'Completion rate of every county in your reach (the province for its administrator) for a cycle' })
  @ApiOkResponse({ type: TrainingCompletionResponse })
  @ApiErrors(400, 401, 403)
  completionRates(@CurrentActor() actor: Actor, @Query() query: CycleQuery) {
    return this.completion.execute({ actor, cycle: query.cycle });
  }

  @Post('counties/:id/training-records/import')
  // File names arrive as UTF-8 (multer would read them as Latin-1): a Chinese name is named right in a 400.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CSV_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  @ApiOperation({
    summary: 'Import training records from a CSV or the XLSX template (county officers): all rows or none',
    description:
      'A CSV in UTF-8 (with or without BOM) or GB18030/GBK (Excel on Chinese Windows), sent as text/csv or as the multipart field `file`, ' +
      'or the XLSX template of GET /imports/templates/training-records as the multipart field `file` (formulas refused); ' +
      'other bytes answer 400 naming the file. Header staffNo,title,provider,category,hours,startDate,endDate or 工号,培训名称,举办单位,类别,学时,开始日期,结束日期; ' +
      'a category is its code or Chinese label (省级培训). Any problem answers 400 VALIDATION_FAILED naming each row as the spreadsheet numbers it ' +
      '(the header is row 1) and the column as headed ("row 3.hours", "row 3.学时"); nothing is written.',
    requestBody: {
      required: true,
      content: {
        'text/csv': { schema: { type: 'string', description: 'The CSV itself' } },
        'multipart/form-data': { schema: { $ref: getSchemaPath(ImportUpload) } },
      },
    },
  })
  @ApiExtraModels(ImportUpload)
  @ApiCreatedResponse({ type: ImportResponse })
  @ApiErrors(400, 401, 403, 404)
  importCsv(
    @CurrentActor() actor: Actor,
    @Param('id') countyId: string,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @UploadedFile() file?: { buffer: Buffer; originalname?: string },
  ) {
    // text/csv arrives as raw bytes (configure-app.ts): the importer decodes them, in the charset declared if one is.
    const charset = /;\s*charset="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
    const upload = file
      ? { bytes: file.buffer, name: file.originalname }
      : Buffer.isBuffer(body) && body.length > 0
        ? { bytes: body, charset }
        : null;
    if (upload === null) throw ValidationFailedError.field('file', 'send the CSV as text/csv, or as the multipart field "file"');
    return this.importer.execute({ actor, countyId, file: upload, approve: query.approve });
  }
}

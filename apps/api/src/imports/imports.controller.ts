import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { XLSX_CONTENT_TYPE } from '@app/core';
import { Actor, IMPORT_KINDS, ValidationFailedError } from '@app/domain';
import { CommitImportUseCase, ExportRegistryUseCase, GetImportUseCase, ImportErrorReportUseCase, StartImportUseCase } from '@app/registry';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { RegistryImportAcceptedResponse, RegistryImportResponse, RegistryImportUpload, StartImportQuery } from './import.dto';
import { ImportUploadInterceptor } from './import-upload.interceptor';

const XLSX_ANSWER = { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary', description: 'XLSX workbook' } } };

function xlsx(bytes: Buffer, fileName: string): StreamableFile {
  return new StreamableFile(bytes, { type: XLSX_CONTENT_TYPE, disposition: `attachment; filename="${encodeURIComponent(fileName)}"` });
}

@ApiTags('Imports and exports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly start: StartImportUseCase,
    private readonly imports: GetImportUseCase,
    private readonly commitImport: CommitImportUseCase,
    private readonly errorReport: ImportErrorReportUseCase,
    private readonly exports: ExportRegistryUseCase,
  ) {}

  @Get('imports/templates/:kind')
  @ApiOperation({
    summary: 'The XLSX template of an import: Chinese headings, an example row, a notes sheet (说明) and drop-down lists for every code column',
    description:
      `kind: ${IMPORT_KINDS.join(', ')}. Headings may also be the field names or English; code columns take the code or its Chinese label. ` +
      '`registry`: one workbook with a sheet of each kind, in the order they depend on each other, each in its kind’s shape.',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiOkResponse({ description: 'XLSX workbook', content: XLSX_ANSWER })
  @ApiErrors(400, 401)
  async template(@Param('kind') kind: string): Promise<StreamableFile> {
    return xlsx(await this.exports.template(kind), `template-${kind}.xlsx`);
  }

  @Post('counties/:id/imports')
  @HttpCode(202)
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary: 'Send a sheet of the county’s registry to import (county officers): it is read and checked by a job, nothing is written yet',
    description:
      'The multipart field `file`, or the file as the body: XLSX, or CSV (text/csv) in UTF-8 (with or without BOM) or GB18030/GBK. ' +
      'Undecodable bytes or an old .xls answer 400; more than IMPORT_MAX_BYTES 413. Answers at once with the import’s id: follow it with ' +
      'GET /imports/{id} (QUEUED → RUNNING → READY with its errors, or FAILED), then POST /imports/{id}/commit. Formulas are never evaluated: ' +
      'a formula cell is an error (paste values). kind=registry: an XLSX workbook whose sheets are known by their names (学校基本信息 or ' +
      'schools …) and read in the order schools, classifications, enrolment, teachers, postings; a later sheet may name schools and ' +
      'teachers of an earlier one; a sheet of another name is an error IMPORT_UNKNOWN_SHEET; a CSV answers 400.',
    requestBody: {
      required: true,
      content: {
        [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
        'text/csv': { schema: { type: 'string', description: 'The CSV itself' } },
        'multipart/form-data': { schema: { $ref: getSchemaPath(RegistryImportUpload) } },
      },
    },
  })
  @ApiExtraModels(RegistryImportUpload)
  @ApiAcceptedResponse({ type: RegistryImportAcceptedResponse })
  @ApiErrors(400, 401, 403, 404)
  send(
    @CurrentActor() actor: Actor,
    @Param('id') countyId: string,
    @Query() query: StartImportQuery,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @UploadedFile() file?: { buffer: Buffer; originalname?: string },
  ): Promise<RegistryImportAcceptedResponse> {
    const charset = /;\s*charset="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
    const declaredXlsx = (contentType ?? '').toLowerCase().startsWith(XLSX_CONTENT_TYPE);
    const upload = file
      ? { bytes: file.buffer, name: file.originalname }
      : Buffer.isBuffer(body) && body.length > 0
        ? { bytes: body, charset, declaredXlsx }
        : null;
    if (upload === null) throw ValidationFailedError.field('file', 'send the file as XLSX or text/csv, or as the multipart field "file"');
    return this.start.execute({ actor, countyId, kind: query.kind, file: upload });
  }

  @Get('imports/:id')
  @ApiOperation({
    summary: 'An import: its status, the rows read (progress while RUNNING) and every problem with its sheet, row, column and code',
    description:
      'Rows are numbered as the spreadsheet shows them (the heading is row 1). Codes are the API’s own for the same write (POSTING_OVERLAP …).',
  })
  @ApiOkResponse({ type: RegistryImportResponse })
  @ApiErrors(401, 403, 404)
  read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RegistryImportResponse> {
    return this.imports.execute({ actor, id });
  }

  @Post('imports/:id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Write a READY import with no errors into the registry: every row in one transaction, or none',
    description:
      'The file is checked again against the registry as it is now. Rows are matched by natural key (school code, staff number, a posting by teacher, school and start date, ' +
      'a training record by teacher, title and dates): a row equal to what is stored changes nothing. 422 IMPORT_HAS_ERRORS when there are problems (nothing written), ' +
      '422 IMPORT_NOT_READY before READY or after COMMITTED, 409 VERSION_CONFLICT when the registry changed meanwhile (a row edited, a school or teacher of the same code created): commit again.',
  })
  @ApiOkResponse({ type: RegistryImportResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  commit(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RegistryImportResponse> {
    return this.commitImport.execute({ actor, id });
  }

  @Get('imports/:id/error-report')
  @ApiOperation({ summary: 'The import’s sheets as they were sent, each with a column 导入错误 holding each row’s problems (XLSX)' })
  @ApiOkResponse({ description: 'XLSX workbook', content: XLSX_ANSWER })
  @ApiErrors(401, 403, 404)
  async report(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const { fileName, bytes } = await this.errorReport.execute({ actor, id });
    return xlsx(bytes, fileName);
  }

  @Get('counties/:id/exports/:kind')
  @ApiOperation({
    summary:
      'A county’s schools, classifications, enrolment, teachers or postings (or all of them: registry) as XLSX in the template’s shape (officers)',
    description:
      'Export, edit and import again: only the rows edited change. Text a spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe.',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiOkResponse({ description: 'XLSX workbook', content: XLSX_ANSWER })
  @ApiErrors(400, 401, 403, 404)
  async export(@CurrentActor() actor: Actor, @Param('id') countyId: string, @Param('kind') kind: string): Promise<StreamableFile> {
    return xlsx(await this.exports.export({ actor, countyId, kind }), `${countyId}-${kind}.xlsx`);
  }
}

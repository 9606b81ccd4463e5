import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import {
  AddClassificationUseCase,
  CreateSchoolUseCase,
  GetEnrolmentUseCase,
  GetSchoolUseCase,
  ListClassificationsUseCase,
  ListSchoolsUseCase,
  PutEnrolmentUseCase,
  UpdateSchoolUseCase,
} from '@app/registry';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageResponse } from '../common/page.response';
import {
  AddClassificationDto,
  ClassificationChangeResponse,
  CreateSchoolDto,
  EnrolmentQuery,
  EnrolmentResponse,
  PutEnrolmentDto,
  SchoolResponse,
  SchoolsQuery,
  UpdateSchoolDto,
} from './school.dto';

const SchoolPage = PageResponse(SchoolResponse);

@ApiTags('Schools')
@ApiBearerAuth()
@Controller('schools')
export class SchoolsController {
  constructor(
    private readonly createSchool: CreateSchoolUseCase,
    private readonly getSchool: GetSchoolUseCase,
    private readonly listSchools: ListSchoolsUseCase,
    private readonly updateSchool: UpdateSchoolUseCase,
    private readonly addClassification: AddClassificationUseCase,
    private readonly listClassifications: ListClassificationsUseCase,
    private readonly putEnrolment: PutEnrolmentUseCase,
    private readonly getEnrolment: GetEnrolmentUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a school in a county (county officer of that county, or province administrator)' })
  @ApiCreatedResponse({ type: SchoolResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  create(@CurrentActor() actor: Actor, @Body() body: CreateSchoolDto): Promise<SchoolResponse> {
    return this.createSchool.execute({ actor, ...body });
  }

  @Get()
  @ApiOperation({ summary: 'Schools you may see, filtered and paged' })
  @ApiOkResponse({ type: SchoolPage })
  @ApiErrors(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: SchoolsQuery) {
    const { page, pageSize, ...filter } = query;
    return this.listSchools.execute({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One school, with the classification in force today' })
  @ApiOkResponse({ type: SchoolResponse })
  @ApiErrors(401, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SchoolResponse> {
    return this.getSchool.execute({ actor, id });
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a school's name, code, stage, flags, group or district (send the version you read)" })
  @ApiOkResponse({ type: SchoolResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateSchoolDto): Promise<SchoolResponse> {
    return this.updateSchool.execute({ actor, id, ...body });
  }

  @Post(':id/classifications')
  @ApiOperation({
    summary: "Change a school's location and/or weak flag from a day on",
    description:
      'Returns the whole history. A second change on the same day amends the first. Rules that ask whether a school was rural or weak ask it for each day.',
  })
  @ApiCreatedResponse({ type: [ClassificationChangeResponse] })
  @ApiErrors(400, 401, 403, 404, 413, 415)
  classify(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Body() body: AddClassificationDto): Promise<ClassificationChangeResponse[]> {
    return this.addClassification.execute({ actor, schoolId, ...body });
  }

  @Get(':id/classifications')
  @ApiOperation({ summary: "A school's classification history, oldest first" })
  @ApiOkResponse({ type: [ClassificationChangeResponse] })
  @ApiErrors(401, 404)
  classifications(@CurrentActor() actor: Actor, @Param('id') schoolId: string): Promise<ClassificationChangeResponse[]> {
    return this.listClassifications.execute({ actor, schoolId });
  }

  @Put(':id/enrolment')
  @ApiOperation({ summary: "Replace a school's enrolment for one school year", description: "Grades must be taught at the school's stage." })
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  enrol(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Body() body: PutEnrolmentDto): Promise<EnrolmentResponse> {
    return this.putEnrolment.execute({ actor, schoolId, ...body });
  }

  @Get(':id/enrolment')
  @ApiOperation({ summary: "A school's enrolment: one year with ?schoolYear=, else every recorded year (newest first)" })
  @ApiOkResponse({ type: EnrolmentResponse, isArray: true, description: 'An array without schoolYear; one object with it' })
  @ApiErrors(400, 401, 404)
  enrolment(
    @CurrentActor() actor: Actor,
    @Param('id') schoolId: string,
    @Query() query: EnrolmentQuery,
  ): Promise<EnrolmentResponse | EnrolmentResponse[]> {
    return query.schoolYear === undefined
      ? this.getEnrolment.list({ actor, schoolId })
      : this.getEnrolment.execute({ actor, schoolId, schoolYear: query.schoolYear });
  }
}

import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import {
  AddPostingUseCase,
  CreateTeacherUseCase,
  GetTeacherUseCase,
  ListPostingsUseCase,
  ListTeachersUseCase,
  UpdateTeacherUseCase,
} from '@app/registry';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageResponse } from '../common/page.response';
import { AddPostingDto, CreateTeacherDto, PostingResponse, TeacherResponse, TeachersQuery, UpdateTeacherDto } from './teacher.dto';

const TeacherPage = PageResponse(TeacherResponse);

@ApiTags('Teachers and postings')
@ApiBearerAuth()
@Controller('teachers')
export class TeachersController {
  constructor(
    private readonly createTeacher: CreateTeacherUseCase,
    private readonly getTeacher: GetTeacherUseCase,
    private readonly listTeachers: ListTeachersUseCase,
    private readonly updateTeacher: UpdateTeacherUseCase,
    private readonly addPosting: AddPostingUseCase,
    private readonly listPostings: ListPostingsUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a teacher in a county' })
  @ApiCreatedResponse({ type: TeacherResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  create(@CurrentActor() actor: Actor, @Body() body: CreateTeacherDto): Promise<TeacherResponse> {
    return this.createTeacher.execute({ actor, ...body });
  }

  @Get()
  @ApiOperation({
    summary: 'Teachers you may see (officers: their counties; a principal: their staff), filtered and paged',
    description: 'Teachers get 403.',
  })
  @ApiOkResponse({ type: TeacherPage })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Query() query: TeachersQuery) {
    const { page, pageSize, ...filter } = query;
    return this.listTeachers.execute({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One teacher, with where they work today' })
  @ApiOkResponse({ type: TeacherResponse })
  @ApiErrors(401, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TeacherResponse> {
    return this.getTeacher.execute({ actor, id });
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a teacher's profile (send the version you read)" })
  @ApiOkResponse({ type: TeacherResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415, 422)
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateTeacherDto): Promise<TeacherResponse> {
    return this.updateTeacher.execute({ actor, id, ...body });
  }

  @Post(':id/postings')
  @ApiOperation({
    summary: 'Record a posting (任教经历)',
    description:
      "On every day a teacher's fractions add up to at most 1; a posting that would exceed it answers 422 POSTING_OVERLAP. A posting before the hire date answers 422 POSTING_BEFORE_HIRE.",
  })
  @ApiCreatedResponse({ type: PostingResponse })
  @ApiErrors(400, 401, 403, 404, 413, 415, 422)
  post(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Body() body: AddPostingDto): Promise<PostingResponse> {
    return this.addPosting.execute({ actor, teacherId, ...body });
  }

  @Get(':id/postings')
  @ApiOperation({ summary: "A teacher's postings, oldest first" })
  @ApiOkResponse({ type: [PostingResponse] })
  @ApiErrors(401, 404)
  postings(@CurrentActor() actor: Actor, @Param('id') teacherId: string): Promise<PostingResponse[]> {
    return this.listPostings.execute({ actor, teacherId });
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import {
  ActivatedPlanView,
  ActivateRotationPlanUseCase,
  AddRotationAssignmentUseCase,
  AddedAssignmentView,
  CreateRotationPlanUseCase,
  GetRotationPlanUseCase,
  ListRotationPlansUseCase,
  RemoveRotationAssignmentUseCase,
  RotationPlanDetailView,
  RotationPlanStepUseCase,
  RotationPlanView,
} from '@app/rotation';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageResponse } from '../common/page.response';
import {
  ActivatedPlanResponse,
  AddAssignmentDto,
  AddedAssignmentResponse,
  CancelPlanDto,
  CreateRotationPlanDto,
  RotationPlanDetailResponse,
  RotationPlanResponse,
  RotationPlansQuery,
} from './rotation-plans.dto';

const REVIEW =
  'The answer holds the assignments, each with its effects (the day the senior-title service rule and the principal priority are met ' +
  'without and with it, the staff request it covers, the shortages it opens and closes), the compliance with the year’s targets ' +
  '(the county and each school with targets) and the warnings (never blocking).';

@ApiTags('Rotation')
@ApiBearerAuth()
@Controller('rotation-plans')
export class RotationPlansController {
  constructor(
    private readonly create: CreateRotationPlanUseCase,
    private readonly list: ListRotationPlansUseCase,
    private readonly get: GetRotationPlanUseCase,
    private readonly addAssignment: AddRotationAssignmentUseCase,
    private readonly removeAssignment: RemoveRotationAssignmentUseCase,
    private readonly step: RotationPlanStepUseCase,
    private readonly activation: ActivateRotationPlanUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a county’s rotation plan for a year, as a draft (county officers, the administrator)', description: REVIEW })
  @ApiCreatedResponse({ type: RotationPlanDetailResponse })
  @ApiErrors(400, 401, 403, 404)
  start(@CurrentActor() actor: Actor, @Body() body: CreateRotationPlanDto): Promise<RotationPlanDetailView> {
    return this.create.execute({ actor, ...body });
  }

  @Get()
  @ApiOperation({
    summary: 'The rotation plans in your reach, the latest year first',
    description:
      'Officers: the plans of their counties. Principals and teachers: the approved (active, completed) plans with an assignment from or to their school, or of their own.',
  })
  @ApiOkResponse({ type: PageResponse(RotationPlanResponse) })
  @ApiErrors(400, 401, 403)
  plans(@CurrentActor() actor: Actor, @Query() query: RotationPlansQuery): Promise<Page<RotationPlanView>> {
    return this.list.execute({ actor, countyId: query.countyId, year: query.year, status: query.status, ...pageRequest(query) });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A rotation plan as it is reviewed',
    description:
      `${REVIEW} Officers in reach read the whole plan; a principal reads an approved plan’s assignments from or to their school, a teacher their own ` +
      '(a draft or a plan not concerning them: 404).',
  })
  @ApiOkResponse({ type: RotationPlanDetailResponse })
  @ApiErrors(401, 403, 404)
  plan(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RotationPlanDetailView> {
    return this.get.execute({ actor, id });
  }

  @Post(':id/assignments')
  @ApiOperation({
    summary: 'Add a teacher’s assignment to a draft plan (county officers, the administrator)',
    description:
      'Checked in order: bad input 400 naming the field; 422 POSTING_BEFORE_HIRE; 422 ROTATION_OTHER_COUNTY; 422 ROTATION_NOT_AT_SCHOOL; ' +
      '422 ROTATION_SAME_SCHOOL; 422 ROTATION_TEACHER_TWICE; 422 ROTATION_TEAM_APART; 422 POSTING_OVERLAP (with the recorded postings and the ' +
      'teacher’s assignments in other plans not yet activated), the same codes as recording a posting. A plan that is not a draft: 422 ' +
      'ROTATION_PLAN_NOT_DRAFT. The answer is the assignment with its effects and warnings, and the plan’s compliance with it.',
  })
  @ApiCreatedResponse({ type: AddedAssignmentResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  add(@CurrentActor() actor: Actor, @Param('id') planId: string, @Body() body: AddAssignmentDto): Promise<AddedAssignmentView> {
    return this.addAssignment.execute({ actor, planId, ...body });
  }

  @Delete(':id/assignments/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take an assignment out of a draft plan (422 ROTATION_PLAN_NOT_DRAFT otherwise)' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404, 422)
  async remove(@CurrentActor() actor: Actor, @Param('id') planId: string, @Param('assignmentId') assignmentId: string): Promise<void> {
    await this.removeAssignment.execute({ actor, planId, assignmentId });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit a draft plan for approval; the county’s officers hear of it',
    description: '422 ROTATION_PLAN_NOT_DRAFT from another status; 422 ROTATION_PLAN_EMPTY without assignments.',
  })
  @ApiOkResponse({ type: RotationPlanDetailResponse })
  @ApiErrors(401, 403, 404, 422)
  submit(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RotationPlanDetailView> {
    return this.step.execute({ actor, id, step: 'SUBMIT' });
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a submitted plan; its teachers and the principals of their schools hear of it',
    description: '422 ROTATION_PLAN_NOT_SUBMITTED from another status.',
  })
  @ApiOkResponse({ type: RotationPlanDetailResponse })
  @ApiErrors(401, 403, 404, 422)
  approve(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RotationPlanDetailView> {
    return this.step.execute({ actor, id, step: 'APPROVE' });
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Put an approved plan in force: its postings are written in one transaction, all or nothing',
    description:
      'Each full-time assignment closes the home posting the day before, writes the posting at the destination and the return home after ' +
      'the term; a SHARED one at f keeps home at 1 − f for the term. Approved staff requests the assignments cover are fulfilled. ' +
      '422 ROTATION_PLAN_NOT_APPROVED from another status (a second activation writes nothing); 422 POSTING_OVERLAP or ' +
      'POSTING_BEFORE_HIRE naming the assignment when postings recorded since leave no room for it, and nothing is written. ' +
      'The answer is the plan with the count of what was written; its review shows the postings.',
  })
  @ApiOkResponse({ type: ActivatedPlanResponse })
  @ApiErrors(401, 403, 404, 422)
  activate(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ActivatedPlanView> {
    return this.activation.execute({ actor, id });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a plan not yet activated, with a reason',
    description: '422 ROTATION_PLAN_NOT_CANCELLABLE once active, completed or cancelled.',
  })
  @ApiOkResponse({ type: RotationPlanDetailResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CancelPlanDto): Promise<RotationPlanDetailView> {
    return this.step.execute({ actor, id, step: 'CANCEL', reason: body.reason });
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record an active plan completed once every term has ended (the nightly run does it too)',
    description: '422 ROTATION_PLAN_NOT_ACTIVE from another status; 422 ROTATION_TERMS_RUNNING until the day after the last term ends.',
  })
  @ApiOkResponse({ type: RotationPlanDetailResponse })
  @ApiErrors(401, 403, 404, 422)
  complete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RotationPlanDetailView> {
    return this.step.execute({ actor, id, step: 'COMPLETE' });
  }
}

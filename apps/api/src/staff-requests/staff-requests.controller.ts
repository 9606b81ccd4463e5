import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import {
  CancelStaffRequestUseCase,
  DecideStaffRequestUseCase,
  GetStaffRequestUseCase,
  ListStaffRequestsUseCase,
  RecordFulfilmentUseCase,
  SubmitStaffRequestUseCase,
} from '@app/staff-requests';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import {
  RecordFulfilmentDto,
  StaffRequestDecisionDto,
  StaffRequestDetailResponse,
  StaffRequestPage,
  StaffRequestsQuery,
  SubmitStaffRequestDto,
} from './staff-request.dto';

@ApiTags('Staff requests')
@ApiBearerAuth()
@Controller()
export class StaffRequestsController {
  constructor(
    private readonly submit: SubmitStaffRequestUseCase,
    private readonly list: ListStaffRequestsUseCase,
    private readonly get: GetStaffRequestUseCase,
    private readonly decide: DecideStaffRequestUseCase,
    private readonly cancel: CancelStaffRequestUseCase,
    private readonly fulfil: RecordFulfilmentUseCase,
  ) {}

  @Post('schools/:id/staff-requests')
  @ApiOperation({
    summary: 'Ask the county for staff (a principal, for their own school)',
    description:
      'Other roles answer 403, another school 404. Cited flags must be open flags of the school (422 FLAG_NOT_OF_SCHOOL, FLAG_NOT_OPEN). ' +
      'A request that would take the school above the quota allocated to it for the school year of neededFrom (on-quota headcount that day, ' +
      'fraction-weighted, + headcount > allocated; no allocation recorded counts as 0) needs a reason (422 JUSTIFICATION_REQUIRED). ' +
      'The county’s officers are notified.',
  })
  @ApiCreatedResponse({ type: StaffRequestDetailResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  create(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Body() body: SubmitStaffRequestDto): Promise<StaffRequestDetailResponse> {
    return this.submit.execute({ actor, schoolId, ...body });
  }

  @Get('staff-requests')
  @ApiOperation({
    summary: 'Staff requests in your reach, newest first (officers; a principal their own school)',
    description: 'Teachers answer 403. A county or school outside your reach answers 404.',
  })
  @ApiOkResponse({ type: StaffRequestPage })
  @ApiErrors(400, 401, 403, 404)
  search(@CurrentActor() actor: Actor, @Query() query: StaffRequestsQuery) {
    const { page, pageSize, ...filter } = query;
    return this.list.execute({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Get('staff-requests/:id')
  @ApiOperation({ summary: 'One staff request with its cited flags, fulfilments and history' })
  @ApiOkResponse({ type: StaffRequestDetailResponse })
  @ApiErrors(401, 403, 404)
  one(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StaffRequestDetailResponse> {
    return this.get.execute({ actor, id });
  }

  @Post('staff-requests/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve or reject a submitted request (county officers of its county)',
    description:
      'A rejection needs a note (400). A decision is final: deciding again answers 422 STAFF_REQUEST_ALREADY_DECIDED, a cancelled request ' +
      '422 STAFF_REQUEST_CANCELLED. The school’s principals are notified.',
  })
  @ApiOkResponse({ type: StaffRequestDetailResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  decision(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: StaffRequestDecisionDto): Promise<StaffRequestDetailResponse> {
    return this.decide.execute({ actor, id, decision: body.decision, note: body.note });
  }

  @Post('staff-requests/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a request before the county decides it (the school’s principal)',
    description:
      'A decided request answers 422 STAFF_REQUEST_ALREADY_DECIDED; a cancelled one 422 STAFF_REQUEST_CANCELLED. The county’s officers are notified.',
  })
  @ApiOkResponse({ type: StaffRequestDetailResponse })
  @ApiErrors(401, 403, 404, 422)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StaffRequestDetailResponse> {
    return this.cancel.execute({ actor, id });
  }

  @Post('staff-requests/:id/fulfilments')
  @ApiOperation({
    summary: 'Record a posting that fulfils (part of) an approved request (county officers)',
    description:
      'Any kind of posting (rotation, shared, transfer, new hire) at the request’s school (422 POSTING_NOT_AT_SCHOOL), of a teacher of the ' +
      'subject, main or extra (422 POSTING_SUBJECT_MISMATCH), starting on or after the day the request was submitted (422 POSTING_PREDATES_REQUEST) ' +
      'and running on neededFrom (422 POSTING_ENDS_BEFORE_NEEDED); a posting counts towards one request (422 POSTING_ALREADY_COUNTED). ' +
      'When the fractions recorded cover the headcount the request is FULFILLED at once and the school’s principals are notified. ' +
      'Only an APPROVED request takes fulfilments (422 STAFF_REQUEST_NOT_APPROVED, STAFF_REQUEST_ALREADY_FULFILLED, STAFF_REQUEST_CANCELLED).',
  })
  @ApiCreatedResponse({ type: StaffRequestDetailResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  fulfilment(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RecordFulfilmentDto): Promise<StaffRequestDetailResponse> {
    return this.fulfil.execute({ actor, id, postingId: body.postingId });
  }
}

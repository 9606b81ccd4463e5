import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import {
  CancelTransferUseCase,
  DecideTransferUseCase,
  GetTransferUseCase,
  ListTransferDestinationsUseCase,
  ListTransfersUseCase,
  RecordTransferExceptionUseCase,
  RequestTransferUseCase,
} from '@app/transfers';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import {
  RequestTransferDto,
  TransferDestinationResponse,
  TransferDestinationsQuery,
  TransferPage,
  TransferReasonDto,
  TransferResponse,
  TransfersQuery,
} from './transfer.dto';

@ApiTags('Transfers')
@ApiBearerAuth()
@Controller('transfers')
export class TransfersController {
  constructor(
    private readonly request: RequestTransferUseCase,
    private readonly list: ListTransfersUseCase,
    private readonly get: GetTransferUseCase,
    private readonly decide: DecideTransferUseCase,
    private readonly exception: RecordTransferExceptionUseCase,
    private readonly cancel: CancelTransferUseCase,
    private readonly destinations: ListTransferDestinationsUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Transfer a teacher of your county to another school (county officers, the administrator)',
    description:
      'Within the county the transfer is EXECUTED at once: the home posting closes the day before effectiveDate and a REGULAR posting at ' +
      'the destination opens on it at the same share. To another county it is PENDING until that county’s officers accept it. ' +
      'The posting rules refuse with 422 POSTING_BEFORE_HIRE, TRANSFER_NOT_AT_SCHOOL, TRANSFER_SAME_SCHOOL, POSTING_OVERLAP (nothing is kept). ' +
      'An outstanding teacher or principal moving from 苏北 to 苏南 is refused with 422 SUBEI_POACHING_BLOCKED: the attempt is kept as BLOCKED ' +
      '(details.transferId), audit-logged, and the province administrators are notified. A teacher outside your county, or an unknown ' +
      'destination, answers 404.',
  })
  @ApiCreatedResponse({ type: TransferResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: RequestTransferDto): Promise<TransferResponse> {
    return this.request.execute({ actor, ...body });
  }

  @Get()
  @ApiOperation({
    summary: 'Transfers from or to the counties in your reach, newest first (officers; a teacher their own)',
    description: 'Principals answer 403. A county outside your reach answers 404.',
  })
  @ApiOkResponse({ type: TransferPage })
  @ApiErrors(400, 401, 403, 404)
  search(@CurrentActor() actor: Actor, @Query() query: TransfersQuery) {
    const { page, pageSize, ...filter } = query;
    return this.list.execute({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Get('destinations')
  @ApiOperation({
    summary: 'Schools of a county a teacher may be transferred to, by code (county officers, the administrator)',
    description:
      'Any county of the province, the destination of a transfer may lie outside yours: names and codes only, at most 500. ' +
      'Other roles answer 403; an unknown county 404.',
  })
  @ApiOkResponse({ type: [TransferDestinationResponse] })
  @ApiErrors(400, 401, 403, 404)
  destinationSchools(@CurrentActor() actor: Actor, @Query() query: TransferDestinationsQuery): Promise<TransferDestinationResponse[]> {
    return this.destinations.execute({ actor, countyId: query.countyId, q: query.q });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One transfer (officers of the sending and receiving counties and of their cities, the administrator, the teacher)',
  })
  @ApiOkResponse({ type: TransferResponse })
  @ApiErrors(401, 403, 404)
  one(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TransferResponse> {
    return this.get.execute({ actor, id });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a transfer from another county (officers of the receiving county, the administrator)',
    description:
      'Executes it: the postings are written (checked again: 422 POSTING_OVERLAP, TRANSFER_NOT_AT_SCHOOL …) and the teacher is held by the ' +
      'receiving county from now on (409 STAFF_NO_TAKEN when it has a teacher with the same staff number). Only a PENDING transfer (422 ' +
      'TRANSFER_NOT_PENDING). Officers of any other county, the sending one included, answer 404. The teacher and both principals are notified.',
  })
  @ApiOkResponse({ type: TransferResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  accept(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TransferResponse> {
    return this.decide.execute({ actor, id, decision: 'ACCEPT' });
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a transfer from another county, saying why (officers of the receiving county, the administrator)',
    description: 'Only a PENDING transfer (422 TRANSFER_NOT_PENDING); other counties answer 404. The sending county’s officers are notified.',
  })
  @ApiOkResponse({ type: TransferResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: TransferReasonDto): Promise<TransferResponse> {
    return this.decide.execute({ actor, id, decision: 'REJECT', reason: body.reason });
  }

  @Post(':id/exception')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record an exception to the anti-poaching rule on a blocked transfer (the province administrator only)',
    description:
      'Others answer 403; a transfer that is not BLOCKED 422 TRANSFER_NOT_BLOCKED. Audit-logged with the reason; the transfer then goes on ' +
      'as a new one: EXECUTED within a county, PENDING for the receiving county across counties.',
  })
  @ApiOkResponse({ type: TransferResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  recordException(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: TransferReasonDto): Promise<TransferResponse> {
    return this.exception.execute({ actor, id, reason: body.reason });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a transfer not yet executed: PENDING or BLOCKED (officers of the sending county, the administrator)',
    description: 'An executed, rejected or cancelled transfer answers 422 TRANSFER_NOT_CANCELLABLE; other counties 404.',
  })
  @ApiOkResponse({ type: TransferResponse })
  @ApiErrors(401, 403, 404, 422)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TransferResponse> {
    return this.cancel.execute({ actor, id });
  }
}

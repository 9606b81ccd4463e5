import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/domain';
import {
  ListRotationExemptionsUseCase,
  ReadRotationCandidatesUseCase,
  RecordRotationExemptionUseCase,
  WithdrawRotationExemptionUseCase,
} from '@app/rotation';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { CandidatesQuery, RecordExemptionDto, RotationCandidatesResponse, RotationExemptionResponse } from './rotation.dto';

@ApiTags('Rotation')
@ApiBearerAuth()
@Controller()
export class RotationController {
  constructor(
    private readonly candidates: ReadRotationCandidatesUseCase,
    private readonly recordExemption: RecordRotationExemptionUseCase,
    private readonly listExemptions: ListRotationExemptionsUseCase,
    private readonly withdrawExemption: WithdrawRotationExemptionUseCase,
  ) {}

  @Get('counties/:id/rotation-candidates')
  @ApiOperation({
    summary: 'Who must rotate in a plan year, who is exempt and why, and the targets of the county and its urban schools (officers)',
    description:
      'Eligibility is judged on the plan year’s reference day under the policy in force that day: on-quota teachers with at least ' +
      'rotation.minYearsAtSchool continuous years at their school; exempt from rotation.exemptAge or with a recorded exemption valid that day. ' +
      'Principals and teachers answer 403; a county outside your reach 404.',
  })
  @ApiOkResponse({ type: RotationCandidatesResponse })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('id') countyId: string, @Query() query: CandidatesQuery): Promise<RotationCandidatesResponse> {
    return this.candidates.execute({ actor, countyId, year: query.year });
  }

  @Post('teachers/:id/rotation-exemptions')
  @ApiOperation({
    summary: 'Record why a teacher is exempt from rotation, and from when to when (county officers, the administrator)',
    description: 'Audit-logged. A teacher of another county answers 404; other roles 403.',
  })
  @ApiCreatedResponse({ type: RotationExemptionResponse })
  @ApiErrors(400, 401, 403, 404)
  record(@CurrentActor() actor: Actor, @Param('id') teacherId: string, @Body() body: RecordExemptionDto): Promise<RotationExemptionResponse> {
    return this.recordExemption.execute({ actor, teacherId, ...body });
  }

  @Get('teachers/:id/rotation-exemptions')
  @ApiOperation({ summary: 'A teacher’s recorded exemptions, the earliest first (officers in reach; the teacher themself)' })
  @ApiOkResponse({ type: [RotationExemptionResponse] })
  @ApiErrors(401, 403, 404)
  exemptions(@CurrentActor() actor: Actor, @Param('id') teacherId: string): Promise<RotationExemptionResponse[]> {
    return this.listExemptions.execute({ actor, teacherId });
  }

  @Delete('rotation-exemptions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a recorded exemption (county officers, the administrator); the audit log keeps it' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404)
  async withdraw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.withdrawExemption.execute({ actor, id });
  }
}

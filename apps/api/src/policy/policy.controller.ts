import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import { GetPolicyUseCase, ListPolicyVersionsUseCase, PublishPolicyVersionUseCase } from '@app/policy';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageResponse } from '../common/page.response';
import { PolicyQuery, PolicyResponse, PolicyVersionListItem, PolicyVersionsQuery, PublishPolicyDocument } from './policy.dto';

@ApiTags('Policy')
@ApiBearerAuth()
@Controller('policy')
export class PolicyController {
  constructor(
    private readonly getPolicy: GetPolicyUseCase,
    private readonly listVersions: ListPolicyVersionsUseCase,
    private readonly publish: PublishPolicyVersionUseCase,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The policy set in force today, or on ?asOf=' })
  @ApiOkResponse({ type: PolicyResponse })
  @ApiErrors(400, 401)
  inForce(@Query() query: PolicyQuery) {
    return this.getPolicy.execute({ asOf: query.asOf ?? this.clock.today() });
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every published policy version by effective date' })
  @ApiOkResponse({ type: PageResponse(PolicyVersionListItem) })
  @ApiErrors(400, 401)
  versions(@Query() query: PolicyVersionsQuery) {
    return this.listVersions.execute({ today: this.clock.today(), page: pageRequest(query) });
  }

  @Post('versions')
  @ApiOperation({
    summary: 'Publish a new policy version (province administrator)',
    description:
      'A complete, schema-validated document; a bad field answers 400 naming its path (e.g. parameters.training.hoursPerCycle). Versions are never changed: a taken version id answers 422 POLICY_VERSION_EXISTS.',
  })
  @ApiBody({ type: PublishPolicyDocument })
  @ApiCreatedResponse({ type: PolicyResponse })
  @ApiErrors(400, 401, 403, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() document: unknown) {
    return this.publish.execute({ actor, document });
  }
}

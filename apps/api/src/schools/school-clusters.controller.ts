import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/domain';
import { CreateClusterUseCase, ListClustersUseCase } from '@app/registry';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { ClusterResponse, ClustersQuery, CreateClusterDto } from './school.dto';

@ApiTags('Schools')
@ApiBearerAuth()
@Controller('school-clusters')
export class SchoolClustersController {
  constructor(
    private readonly createCluster: CreateClusterUseCase,
    private readonly listClusters: ListClustersUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an education group (教育集团) or a school district (学区) in a county' })
  @ApiCreatedResponse({ type: ClusterResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  create(@CurrentActor() actor: Actor, @Body() body: CreateClusterDto): Promise<ClusterResponse> {
    return this.createCluster.execute({ actor, ...body });
  }

  @Get()
  @ApiOperation({ summary: 'Education groups and school districts of your counties' })
  @ApiOkResponse({ type: [ClusterResponse] })
  @ApiErrors(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: ClustersQuery): Promise<ClusterResponse[]> {
    return this.listClusters.execute({ actor, ...query });
  }
}

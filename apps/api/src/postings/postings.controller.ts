import { Body, Controller, Delete, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/domain';
import { DeletePostingUseCase, UpdatePostingUseCase } from '@app/registry';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { DeletePostingQuery, PostingResponse, UpdatePostingDto } from '../teachers/teacher.dto';

@ApiTags('Teachers and postings')
@ApiBearerAuth()
@Controller('postings')
export class PostingsController {
  constructor(
    private readonly updatePosting: UpdatePostingUseCase,
    private readonly deletePosting: DeletePostingUseCase,
  ) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Close (endDate), reopen (endDate: null) or correct a posting; send the version you read' })
  @ApiOkResponse({ type: PostingResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415, 422)
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdatePostingDto): Promise<PostingResponse> {
    return this.updatePosting.execute({ actor, id, ...body });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a posting entered by mistake (?version= the version you read); the audit log keeps it' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: DeletePostingQuery): Promise<void> {
    await this.deletePosting.execute({ actor, id, version: query.version });
  }
}

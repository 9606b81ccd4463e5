import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserUseCase } from '@app/auth';
import type { Actor } from '@app/domain';
import { UserResponse } from '../auth/user.response';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { CreateUserDto } from './create-user.dto';

@ApiTags('Auth')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly createUser: CreateUserUseCase) {}

  @Post()
  @ApiOperation({
    summary: 'Create an account inside your scope',
    description: 'A province administrator creates any account; a county officer creates the principals and teachers of the county.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserResponse> {
    return this.createUser.execute({ actor, ...body });
  }
}

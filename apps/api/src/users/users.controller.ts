import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserUseCase, ListUsersUseCase, ManageAccountUseCase } from '@app/auth';
import { pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import { UserResponse } from '../auth/user.response';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageResponse } from '../common/page.response';
import { AccountResponse, ResetPasswordDto, UsersQuery } from './account.dto';
import { CreateUserDto } from './create-user.dto';

const AccountPage = PageResponse(AccountResponse);

const MANAGERS =
  'A county officer manages the principals and teachers of the county, the province administrator every account but their own. ' +
  'City officers, principals and teachers get 403; an account outside your scope 404; your own account 422 OWN_ACCOUNT.';

@ApiTags('Auth')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly listUsers: ListUsersUseCase,
    private readonly manage: ManageAccountUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an account inside your scope',
    description:
      'A province administrator creates any account; a county officer creates the principals and teachers of the county. ' +
      "PRINCIPAL and TEACHER accounts are linked to their own teacher record (teacherId); a principal's is the record of the school's " +
      'principal or a vice-principal posted there today or from a later day, so that no principal decides on their own training.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserResponse> {
    return this.createUser.execute({ actor, ...body });
  }

  @Get()
  @ApiOperation({
    summary: 'Accounts in your scope, by username, filtered and paged',
    description:
      'The province administrator sees every account, a city officer those of the city, a county officer those of the county. Principals and teachers get 403.',
  })
  @ApiOkResponse({ type: AccountPage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: UsersQuery) {
    const { page, pageSize, ...filter } = query;
    return this.listUsers.execute({ actor, filter, page: pageRequest({ page, pageSize }) });
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({
    summary: "Reset an account's password",
    description: `${MANAGERS} The account's tokens stop working at once. The new password: at least 10 characters, not the username (400).`,
  })
  @ApiOkResponse({ type: AccountResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ResetPasswordDto): Promise<AccountResponse> {
    return this.manage.execute({ actor, id, action: 'reset-password', newPassword: body.newPassword });
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable an account',
    description: `${MANAGERS} A disabled account cannot sign in (401 INVALID_CREDENTIALS, as for a wrong password) and its tokens answer 401 at once. Disabling a disabled account changes nothing.`,
  })
  @ApiOkResponse({ type: AccountResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  disable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AccountResponse> {
    return this.manage.execute({ actor, id, action: 'disable' });
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Enable a disabled account again',
    description: `${MANAGERS} The account signs in again with its password; tokens issued before it was disabled stay invalid.`,
  })
  @ApiOkResponse({ type: AccountResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  enable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AccountResponse> {
    return this.manage.execute({ actor, id, action: 'enable' });
  }
}

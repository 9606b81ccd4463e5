import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ChangeOwnPasswordUseCase, GetMeUseCase, LoginUseCase } from '@app/auth';
import type { Actor } from '@app/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { Public } from '../common/public.decorator';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { LoginResponse, UserResponse } from './user.response';

@ApiTags('Auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly me: GetMeUseCase,
    private readonly changePassword: ChangeOwnPasswordUseCase,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Wrong username or password, or a disabled account → 401 INVALID_CREDENTIALS (the same answer in each case). ' +
      'Too many failures for a username (from your address, or from anywhere) → 429 TOO_MANY_ATTEMPTS with a Retry-After header ' +
      'and details.retryAfterSeconds. Many failures from one address over any usernames slow its sign-ins down (a pause of up to ' +
      'a few seconds) but never lock it out.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 401, 429)
  signIn(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    return this.login.execute({ username: body.username, password: body.password, ip: request.ip ?? 'unknown' });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(401)
  whoAmI(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.me.execute({ actor });
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'With the current password. The new one: at least 10 characters, not the username (400 naming newPassword). ' +
      'A wrong current password → 422 WRONG_CURRENT_PASSWORD (your token stays valid; it counts as a failed sign-in, so repeated ' +
      'guesses answer 429). Every token issued before stops working; the answer carries a fresh token for this session.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 401, 422, 429)
  changeOwnPassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto, @Req() request: Request): Promise<LoginResponse> {
    return this.changePassword.execute({ actor, ...body, ip: request.ip ?? 'unknown' });
  }
}

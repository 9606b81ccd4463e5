import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { GetMeUseCase, LoginUseCase } from '@app/auth';
import type { Actor } from '@app/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { Public } from '../common/public.decorator';
import { LoginDto } from './login.dto';
import { LoginResponse, UserResponse } from './user.response';

@ApiTags('Auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly me: GetMeUseCase,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description: 'Wrong username or password → 401 INVALID_CREDENTIALS (the same answer either way). Too many failures → 429.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 401, 413, 415, 429)
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
}

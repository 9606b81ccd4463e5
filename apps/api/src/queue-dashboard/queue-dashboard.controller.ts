import { Controller, Delete, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OpenQueueDashboardUseCase, QUEUE_DASHBOARD_SESSION_SECONDS } from '@app/auth';
import { AppConfig } from '@app/config';
import type { Actor } from '@app/domain';
import { ApiErrors, ErrorResponse } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH, queueDashboardCookieOptions } from './queue-dashboard-cookie';

const MINUTES = QUEUE_DASHBOARD_SESSION_SECONDS / 60;
const SET_COOKIE = (what: string) => ({ 'Set-Cookie': { description: what, schema: { type: 'string' } } });

@ApiTags('Queue dashboard')
@ApiBearerAuth()
@Controller('queue-dashboard')
export class QueueDashboardController {
  constructor(
    private readonly open: OpenQueueDashboardUseCase,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Open a queue dashboard session in this browser (province administrator)',
    description:
      `A browser cannot send a bearer header to the dashboard at ${QUEUE_DASHBOARD_PATH}, so this sets a cookie for it: ` +
      `\`${QUEUE_DASHBOARD_COOKIE}\`, HttpOnly, SameSite=Strict, Path=${QUEUE_DASHBOARD_PATH}, Secure in production, for ${MINUTES} minutes; ` +
      'then open the dashboard in the same browser (from this page: Authorize with your bearer token, Try it out, Execute, then open ' +
      `${QUEUE_DASHBOARD_PATH} in a new tab). The cookie is a session of the dashboard ` +
      'only: it is not a bearer token, and a bearer token is not a session. Disabling the account or changing its password ends the ' +
      'session at once. Other roles get 403. With the in-process queue driver (no Redis) there is no dashboard: 409 ' +
      'QUEUE_DASHBOARD_UNAVAILABLE. Audit-logged (queue-dashboard.open).',
  })
  @ApiNoContentResponse({ description: 'The session cookie is set', headers: SET_COOKIE('The dashboard session cookie') })
  @ApiErrors(403)
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'QUEUE_DASHBOARD_UNAVAILABLE: the service runs its jobs in process (no Redis), so it has no dashboard',
  })
  async openSession(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    const session = await this.open.execute({ actor });
    response.cookie(QUEUE_DASHBOARD_COOKIE, session.token, queueDashboardCookieOptions(this.config, session.expiresInSeconds));
  }

  @Delete('session')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the queue dashboard session of this browser',
    description: `Clears the dashboard cookie (any signed-in account may ask; with no session it changes nothing). The session also ends by itself after ${MINUTES} minutes.`,
  })
  @ApiNoContentResponse({ description: 'The session cookie is cleared', headers: SET_COOKIE('The dashboard session cookie, expired') })
  @ApiErrors(401)
  closeSession(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(QUEUE_DASHBOARD_COOKIE, queueDashboardCookieOptions(this.config));
  }
}

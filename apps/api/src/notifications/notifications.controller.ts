import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageRequest } from '@app/core';
import type { Actor } from '@app/domain';
import { ListNotificationsUseCase, MarkAllNotificationsReadUseCase, MarkNotificationReadUseCase } from '@app/notifications';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { MarkedResponse, NotificationPageResponse, NotificationResponse, NotificationsQuery } from './notification.dto';

@ApiTags('Notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly listNotifications: ListNotificationsUseCase,
    private readonly markNotificationRead: MarkNotificationReadUseCase,
    private readonly markAllNotificationsRead: MarkAllNotificationsReadUseCase,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Your own notifications, newest first, paged, with how many are unread',
    description: 'Every role has its own; nobody sees another person’s. `?unread=true` lists only the unread ones.',
  })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrors(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationsQuery): Promise<NotificationPageResponse> {
    const { page, pageSize, unread } = query;
    return this.listNotifications.execute({ actor, unread, page: pageRequest({ page, pageSize }) });
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your unread notifications read', description: 'Answers how many it marked; again, 0.' })
  @ApiOkResponse({ type: MarkedResponse })
  @ApiErrors(401)
  readAll(@CurrentActor() actor: Actor): Promise<MarkedResponse> {
    return this.markAllNotificationsRead.execute({ actor });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark one of your notifications read',
    description: 'Again is harmless: the time of the first reading stays. Another person’s notification answers 404, as one that does not exist.',
  })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiErrors(401, 404)
  read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationResponse> {
    return this.markNotificationRead.execute({ actor, id });
  }
}

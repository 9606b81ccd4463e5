import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { NotificationRepository } from '@app/database';
import type { Actor } from '@app/domain';

/** Marks every unread notification of the caller read, in one statement; answers how many it marked (0 when none was unread). */
@Injectable()
export class MarkAllNotificationsReadUseCase {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor }): Promise<{ marked: number }> {
    return { marked: await this.notifications.markAllRead(command.actor.userId, this.clock.now()) };
  }
}

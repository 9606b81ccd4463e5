import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { NotificationRepository, TransactionHost } from '@app/database';
import { Actor, NotFoundError } from '@app/domain';
import { notificationView, NotificationView } from './notification-view';

/**
 * Marks one of the caller's notifications read; again is harmless (the first reading's time stays).
 * Another person's notification answers 404, as one that does not exist. Not audit-logged: the
 * row records who read it (its recipient, the only one who can) and when.
 */
@Injectable()
export class MarkNotificationReadUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<NotificationView> {
    return this.tx.run(async () => {
      const me = command.actor.userId;
      await this.notifications.markRead(me, command.id, this.clock.now());
      const row = await this.notifications.findOwn(me, command.id);
      if (!row) throw new NotFoundError('notification', command.id);
      return notificationView(row);
    });
  }
}

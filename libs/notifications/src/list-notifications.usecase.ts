import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { NotificationRepository } from '@app/database';
import type { Actor } from '@app/domain';
import { notificationView, NotificationView } from './notification-view';

export interface NotificationPage extends Page<NotificationView> {
  /** The caller's unread notifications, whatever the filter. */
  unread: number;
}

/** The caller's own notifications, newest first, with how many are unread. Every role has some. */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute(command: { actor: Actor; unread?: boolean; page: PageRequest }): Promise<NotificationPage> {
    const me = command.actor.userId;
    const filter = command.unread === undefined ? {} : { read: !command.unread };
    const [rows, total] = await this.notifications.listOwn(me, filter, offsetOf(command.page), command.page.pageSize);
    const unread = command.unread === true ? total : await this.notifications.countUnread(me);
    return { items: rows.map(notificationView), total, ...command.page, unread };
  }
}

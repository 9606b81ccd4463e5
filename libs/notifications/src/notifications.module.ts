import { Module } from '@nestjs/common';
import { ListNotificationsUseCase } from './list-notifications.usecase';
import { MarkAllNotificationsReadUseCase } from './mark-all-notifications-read.usecase';
import { MarkNotificationReadUseCase } from './mark-notification-read.usecase';
import { Notifier } from './notifier';

const PROVIDERS = [Notifier, ListNotificationsUseCase, MarkNotificationReadUseCase, MarkAllNotificationsReadUseCase];

/**
 * Notifications for every capability: the Notifier that use cases call inside their transaction,
 * and each person's own list. A feature module that notifies imports this module.
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class NotificationsModule {}

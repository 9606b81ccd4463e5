export * from './list-notifications.usecase';
export * from './mark-all-notifications-read.usecase';
export * from './mark-notification-read.usecase';
export * from './notification-view';
export * from './notifications.module';
export * from './notifier';

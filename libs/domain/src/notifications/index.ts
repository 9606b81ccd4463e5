export * from './notification-kinds';
export * from './notification-messages';
export * from './recipients';
export * from './shortage-notices';
export * from './staff-request-notices';
export * from './rotation-plan-notices';
export * from './transfer-notices';

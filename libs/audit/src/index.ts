export * from './audit-log';
export * from './audit.module';
export * from './list-audit-entries.usecase';

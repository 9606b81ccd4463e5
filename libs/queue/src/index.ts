export * from './job-handler.decorator';
export * from './job-name';
export * from './job-options';
export * from './job-payloads';
export * from './job-queue';
export * from './job-registry';
export * from './queue-driver';
export * from './queue.module';

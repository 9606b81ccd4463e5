export * from './clock';
export * from './core.module';
export * from './domain-exception.filter';
export * from './fields';
export * from './pagination';
export * from './request-context';
export * from './validation';
export * from './logger';

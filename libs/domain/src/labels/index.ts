export * from './code-labels';
export * from './code-tables';
export * from './error-labels';

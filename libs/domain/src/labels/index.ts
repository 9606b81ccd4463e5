export * from './code-labels';

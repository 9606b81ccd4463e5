export * from './posting-load';
export * from './posting-rules';

export * from './group-by';

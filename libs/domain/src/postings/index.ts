export * from './posting-load';

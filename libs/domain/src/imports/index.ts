export * from './import-cells';
export * from './import-columns';
export * from './import-plan';

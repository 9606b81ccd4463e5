export * from './county-eligibility-csv';
export * from './county-eligibility.usecase';
export * from './eligibility-view';
export * from './eligibility.module';
export * from './get-eligibility.usecase';
export * from './what-if-eligibility.usecase';

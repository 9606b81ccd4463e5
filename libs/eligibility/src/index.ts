export * from './county-eligibility-downloads';
export * from './county-eligibility.usecase';
export * from './eligibility-view';
export * from './eligibility.module';
export * from './get-eligibility.usecase';
export * from './what-if-eligibility.usecase';

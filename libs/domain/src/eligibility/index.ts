export * from './eligibility';
export * from './qualifying-service';

export * from './rotation-codes';
export * from './years-at-school';
export * from './rotation-eligibility';
export * from './rotation-targets';
export * from './rotation-candidates';
export * from './rotation-assignments';
export * from './rotation-plan-lifecycle';
export * from './rotation-activation';

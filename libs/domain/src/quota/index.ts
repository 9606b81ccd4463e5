export * from './quota-types';
export * from './standard-quota';
export * from './quota-pool';
export * from './vacancy';
export * from './staffing-day';

export * from './quota-types';
export * from './standard-quota';
export * from './quota-pool';
export * from './vacancy';

export * from './flag-citations';
export * from './fulfilment';
export * from './quota-justification';
export * from './staff-request-lifecycle';
export * from './staff-request-types';

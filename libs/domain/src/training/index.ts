export * from './training-cycle';
export * from './training-ledger';

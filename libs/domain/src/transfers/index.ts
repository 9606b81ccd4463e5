export * from './anti-poaching';
export * from './transfer-lifecycle';
export * from './transfer-postings';
export * from './transfer-types';

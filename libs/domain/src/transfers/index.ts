export * from './anti-poaching';

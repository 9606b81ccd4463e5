export * from './policy.schema';
export * from './jiangsu-2024.policy';
export * from './policy-publication';

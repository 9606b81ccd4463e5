export * from './get-policy.usecase';
export * from './list-policy-versions.usecase';
export * from './policy-store';
export * from './policy.module';
export * from './publish-policy-version.usecase';

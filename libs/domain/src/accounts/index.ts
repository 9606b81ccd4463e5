export * from './account-rules';
export * from './sign-in-limits';

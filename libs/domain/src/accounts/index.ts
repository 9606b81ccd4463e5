export * from './sign-in-limits';

export * from './teacher-facts';

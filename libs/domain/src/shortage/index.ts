export * from './shortage-types';
export * from './find-shortages';
export * from './flag-changes';
export * from './scan-progress';

export * from './shortage-types';

export * from './classification-timeline';

export * from './calendar';
export * from './classification';
export * from './errors';
export * from './policy';
export * from './postings';
export * from './reference';
export * from './scope';
export * from './teachers';

export * from './calendar-date';
export * from './supported-dates';
export * from './school-year';

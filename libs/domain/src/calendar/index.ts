export * from './calendar-date';
export * from './supported-dates';

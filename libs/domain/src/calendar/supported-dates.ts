import { isCalendarDate } from './calendar-date';

/**
 * The dates the desk accepts, in requests and imports alike: teachers' birth and hire dates,
 * postings, training, as-of days and policy dates all lie within 1900-01-01 … 2199-12-31.
 * A date outside is a typing mistake (0000, 9999), never a real record, and the rules
 * (training cycles, service periods) are only defined for days in between.
 */
export const EARLIEST_SUPPORTED_DATE = '1900-01-01';
export const LATEST_SUPPORTED_DATE = '2199-12-31';

/** True for a calendar date `YYYY-MM-DD` within the supported range (both ends included). */
export function isSupportedDate(value: unknown): value is string {
  return isCalendarDate(value) && value >= EARLIEST_SUPPORTED_DATE && value <= LATEST_SUPPORTED_DATE;
}

/** What to tell the sender of a value that is not a supported date; null when it is one. */
export function supportedDateProblem(value: unknown): string | null {
  if (!isCalendarDate(value)) return 'must be a date YYYY-MM-DD';
  if (!isSupportedDate(value)) return `must lie between ${EARLIEST_SUPPORTED_DATE} and ${LATEST_SUPPORTED_DATE}`;
  return null;
}

/**
 * Calendar dates as whole days. A date string is `YYYY-MM-DD`; internally a date is a day number
 * (days since 1970-01-01), so arithmetic never meets time zones, daylight saving or milliseconds.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (2023-02-29 is not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Day number of a `YYYY-MM-DD` string; throws on anything that is not a calendar date. */
export function toDay(date: string): DayNumber {
  // Called for every posting by the eligibility rules: digits read by char code, no RegExp, no Date.
  if (typeof date === 'string' && date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digitsAt(date, 0, 4);
    const month = digitsAt(date, 5, 2);
    const day = digitsAt(date, 8, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return daysFromCivil(year, month, day);
  }
  throw new RangeError(`not a calendar date: ${String(date)}`);
}

/** The number written by `length` decimal digits from `start`; -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (the days-from-civil algorithm, in whole-number arithmetic). */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Day number of a year, month and day (any year, including before 100, which Date.UTC would read as 19xx). */
export function dayOf(year: number, month: number, day: number): DayNumber {
  return daysFromCivil(year, month, day);
}

/**
 * `YYYY-MM-DD` of a year, month and day. Years outside 0000–9999 are written as ISO 8601 extended
 * years (`+010000-01-01`, `-000004-01-01`) rather than failing: never reached from requests, whose
 * dates lie in the supported range (supported-dates.ts), but no input can make this throw.
 */
export function formatDate(year: number, month: number, day: number): string {
  const yyyy = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${yyyy}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** `YYYY-MM-DD` of a day number. */
export function fromDay(day: DayNumber): string {
  // The inverse of daysFromCivil, arithmetic only (no Date object): the eligibility rules call this per period.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return formatDate(y, m, d);
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** Inclusive count of days from `from` to `to` (same day = 1); 0 when `to` is before `from`. */
export function daysInclusive(from: DayNumber, to: DayNumber): number {
  return to < from ? 0 : to - from + 1;
}

/**
 * The same month and day `years` later; Feb 29 falls on Feb 28 in a common year
 * (a title obtained on 2024-02-29 has one full year on 2025-02-28).
 */
export function addYears(date: string, years: number): string {
  const year = digitsAt(date, 0, 4) + years;
  const month = digitsAt(date, 5, 2);
  const day = Math.min(digitsAt(date, 8, 2), daysInMonth(year, month));
  return formatDate(year, month, day);
}

/**
 * The day number of `date`'s anniversary `years` later, as addYears places it (Feb 29 on Feb 28 in a common year),
 * without writing the date out: the rotation rules ask this several times per teacher of a county.
 */
export function anniversaryDay(date: string, years: number): DayNumber {
  const year = digitsAt(date, 0, 4) + years;
  const month = digitsAt(date, 5, 2);
  return daysFromCivil(year, month, Math.min(digitsAt(date, 8, 2), daysInMonth(year, month)));
}

/** Whole years from `from` to `to` (anniversaries passed), 0 when `to` is before the first one. */
export function fullYearsBetween(from: string, to: string): number {
  if (to < from) return 0;
  // Compared by month and day, as addYears places the anniversary in `to`'s year (no date written out).
  const toYear = digitsAt(to, 0, 4);
  const years = toYear - digitsAt(from, 0, 4);
  const month = digitsAt(from, 5, 2);
  const toMonth = digitsAt(to, 5, 2);
  const reached = toMonth !== month ? toMonth > month : digitsAt(to, 8, 2) >= Math.min(digitsAt(from, 8, 2), daysInMonth(toYear, month));
  return Math.max(0, reached ? years : years - 1);
}

/** Years between two dates as a decimal (whole years plus the elapsed share of the next one). */
export function yearsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const whole = fullYearsBetween(from, to);
  const anniversary = anniversaryDay(from, whole);
  const next = anniversaryDay(from, whole + 1);
  return whole + (toDay(to) - anniversary) / (next - anniversary);
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

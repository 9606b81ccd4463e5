/**
 * The few SQL expressions that differ between MySQL/MariaDB and SQLite, for set-based queries that
 * do date arithmetic in the database.
 */
export interface SqlDialect {
  /** Whole-day number of a DATE column or parameter (any fixed epoch; only differences matter). */
  dayNumber(expression: string): string;
  /** The larger of two values. */
  greatest(a: string, b: string): string;
  /** Integer division of two integer expressions, rounding down for non-negative operands. */
  intDiv(a: string, b: string): string;
}

export const MYSQL_DIALECT: SqlDialect = {
  dayNumber: (e) => `TO_DAYS(${e})`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  intDiv: (a, b) => `((${a}) DIV (${b}))`,
};

export const SQLITE_DIALECT: SqlDialect = {
  // julianday('2026-01-01') = 2461041.5: the integer part numbers days, and only differences are used.
  dayNumber: (e) => `CAST(julianday(${e}) AS INTEGER)`,
  greatest: (a, b) => `MAX(${a}, ${b})`,
  intDiv: (a, b) => `(CAST(${a} AS INTEGER) / CAST(${b} AS INTEGER))`,
};

export function sqlDialect(kind: 'mysql' | 'sqlite'): SqlDialect {
  return kind === 'mysql' ? MYSQL_DIALECT : SQLITE_DIALECT;
}

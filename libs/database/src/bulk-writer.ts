import { Injectable } from '@nestjs/common';
import { TransactionHost } from './transaction-host';

export type BulkValue = string | number | boolean | Date | null;
export type BulkRow = Record<string, BulkValue>;

/** Placeholders per statement: SQLite allows 32,766, MySQL 65,535; stay well below both. */
const MAX_PLACEHOLDERS = 30_000;
const MAX_ROWS = 2_000;

/** `YYYY-MM-DD HH:MM:SS.SSS` in UTC, the way the SQLite profile stores datetime columns. */
function sqliteTimestamp(value: Date): string {
  return value.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Multi-row INSERTs for many rows at once (seeds, benchmarks, the outbox, a plan's postings): hundreds of rows a statement, in
 * the current transaction. Columns are snake_case table columns; values are written as the
 * entities would write them on either dialect.
 */
@Injectable()
export class BulkWriter {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Inserts the rows (every row with the columns of the first). With `skipDuplicates`, a row whose unique key is
   * taken is left out rather than failing the statement (SQLite `INSERT OR IGNORE`, MySQL `INSERT IGNORE`).
   */
  async insert(table: string, rows: BulkRow[], options: { skipDuplicates?: boolean } = {}): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    const quote = this.tx.dialect === 'mysql' ? (name: string) => `\`${name}\`` : (name: string) => `"${name}"`;
    const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PLACEHOLDERS / columns.length)));
    const insert = !options.skipDuplicates ? 'INSERT' : this.tx.dialect === 'mysql' ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
    const head = `${insert} INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const parameters: BulkValue[] = [];
      for (const row of chunk) {
        for (const column of columns) {
          const value = row[column];
          parameters.push(value instanceof Date && this.tx.dialect === 'sqlite' ? sqliteTimestamp(value) : value);
        }
      }
      await this.tx.manager.query(head + chunk.map(() => tuple).join(', '), parameters);
    }
  }
}

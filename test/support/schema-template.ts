import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createScratchDatabase, dataSourceOptions, resolveDataSourceOptions } from '@app/database';
import { applyMigrations } from '@app/database/migrate';

/**
 * The migrated schema, built once per Jest run and per profile by running every migration from empty, then copied
 * into each test app's new database, so that an app boots on an up-to-date schema without replaying the migrations
 * (the API then only finds that the schema is up to date). The run's directory comes from the global setup
 * (test/support/global-setup.js); outside a Jest run there is none, and apps migrate as the service does.
 */
const runDir = (): string | undefined => process.env.STAFFING_TEST_RUN_DIR;

const quiet = { log: () => undefined, warn: () => undefined };

/** Writes `file` as a whole or not at all, so that a reader never sees half of it. */
function publish(file: string, write: (temporary: string) => void): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  write(temporary);
  renameSync(temporary, file);
}

/** Puts the migrated SQLite schema at `path` (a new database file); false when there is no run to take it from. */
export async function copySqliteSchema(path: string): Promise<boolean> {
  const dir = runDir();
  if (!dir) return false;
  const template = join(dir, 'schema.sqlite');
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const dataSource = await new DataSource(dataSourceOptions({ database: { type: 'sqlite', path: building } })).initialize();
    try {
      await applyMigrations(dataSource, quiet);
    } finally {
      await dataSource.destroy(); // checkpoints the write-ahead log into the file
    }
    for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
    renameSync(building, template);
  }
  copyFileSync(template, path);
  return true;
}

interface MysqlSchema {
  /** CREATE TABLE statements of every table, as the server shows the migrated tables. */
  tables: string[];
  /** INSERT statements for the rows the migrations leave (their own record in schema_migration, at least). */
  rows: string[];
}

/** Migrates a scratch database on the server of `serverUrl` from empty and reads back its tables and rows. */
async function dumpMigratedSchema(serverUrl: string): Promise<MysqlSchema> {
  const scratch = await createScratchDatabase(serverUrl, 'schema');
  try {
    const dataSource = await new DataSource(await resolveDataSourceOptions({ database: { type: 'mysql', url: scratch.url } })).initialize();
    try {
      await applyMigrations(dataSource, quiet);
    } finally {
      await dataSource.destroy();
    }
    const connection = await createConnection({ uri: scratch.url.replace(/^mariadb:/, 'mysql:') });
    try {
      const [listed] = await connection.query('SHOW FULL TABLES');
      const entries = (listed as Record<string, string>[]).map((row) => Object.values(row) as [string, string]);
      const others = entries.filter(([, type]) => type !== 'BASE TABLE');
      if (others.length > 0)
        throw new Error(`The schema template copies tables only; the migrations made ${others.map(([name]) => name).join(', ')}`);
      const schema: MysqlSchema = { tables: [], rows: [] };
      for (const [table] of entries) {
        const [shown] = await connection.query(`SHOW CREATE TABLE \`${table}\``);
        schema.tables.push((shown as Record<string, string>[])[0]['Create Table'].replace(/ AUTO_INCREMENT=\d+/, ''));
        const [rows] = await connection.query(`SELECT * FROM \`${table}\``);
        for (const row of rows as Record<string, unknown>[]) schema.rows.push(connection.format(`INSERT INTO \`${table}\` SET ?`, [row]));
      }
      return schema;
    } finally {
      await connection.end();
    }
  } finally {
    await scratch.drop();
  }
}

/** Puts the migrated MariaDB/MySQL schema into the new, empty database of `url`; false when there is no run to take it from. */
export async function copyMysqlSchema(serverUrl: string, url: string): Promise<boolean> {
  const dir = runDir();
  if (!dir) return false;
  const dump = join(dir, 'schema.mysql.json');
  if (!existsSync(dump)) {
    const schema = await dumpMigratedSchema(serverUrl);
    publish(dump, (temporary) => writeFileSync(temporary, JSON.stringify(schema)));
  }
  const schema = JSON.parse(readFileSync(dump, 'utf8')) as MysqlSchema;
  const connection = await createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), multipleStatements: true });
  try {
    await connection.query(['SET FOREIGN_KEY_CHECKS = 0', ...schema.tables, ...schema.rows, 'SET FOREIGN_KEY_CHECKS = 1'].join(';\n'));
  } finally {
    await connection.end();
  }
  return true;
}

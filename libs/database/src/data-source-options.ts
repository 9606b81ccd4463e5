import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@app/config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type Dialect = 'mysql' | 'sqlite';
export type ServerFlavour = 'mysql' | 'mariadb';

function mysqlUrl(url: string): string {
  return url.replace(/^mariadb:/, 'mysql:');
}

/** Asks a MySQL-protocol server whether it is MariaDB (its VERSION() says so). */
export async function detectServerFlavour(url: string): Promise<ServerFlavour> {
  const connection = await createConnection({ uri: mysqlUrl(url), connectTimeout: 10_000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version ?? '');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** dataSourceOptions for the configured profile, asking a MySQL-protocol server what it is first. */
export async function resolveDataSourceOptions(config: Pick<AppConfig, 'database'>): Promise<DataSourceOptions> {
  if (config.database.type === 'sqlite') return dataSourceOptions(config);
  return dataSourceOptions(config, await detectServerFlavour(config.database.url));
}

export function dialectOf(config: Pick<AppConfig, 'database'>): Dialect {
  return config.database.type;
}

/**
 * TypeORM options for the configured profile. Never `synchronize`: the schema comes from the
 * migrations of the dialect, which the service runs on start.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'database'>, server: ServerFlavour = 'mysql'): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migration',
    // Failed queries surface as errors (and 500s are logged by the exception filter); a unique-key race is an expected 409.
    logging: ['warn'] as 'warn'[],
  };
  if (config.database.type === 'sqlite') {
    if (config.database.path !== ':memory:') mkdirSync(dirname(config.database.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: config.database.path,
      migrations: SQLITE_MIGRATIONS,
      enableWAL: config.database.path !== ':memory:',
      prepareDatabase: (db: { pragma: (statement: string) => unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    ...common,
    // TypeORM reads MariaDB's information schema differently (quoted defaults), so it must know which server it talks to.
    type: server,
    url: mysqlUrl(config.database.url),
    migrations: MYSQL_MIGRATIONS,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    bigNumberStrings: true,
    extra: { connectionLimit: 10 },
  };
}

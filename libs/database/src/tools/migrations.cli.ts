/**
 * Migrations per dialect, from the entities:
 *   migrations.cli generate <Name>   writes libs/database/src/migrations/{sqlite,mysql}/<ts>-<Name>.ts
 *   migrations.cli check             fails when the entities differ from what the migrations build
 * Each dialect is worked on a fresh, throw-away database: SQLite in a temporary file, MySQL/MariaDB
 * in a new database on the server of DATABASE_URL (the MySQL dialect is skipped without it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '@app/config';
import { loadConfig } from '@app/config';
import { Dialect, resolveDataSourceOptions } from '../data-source-options';
import { createScratchDatabase } from '../scratch-database';

const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

async function withFreshDatabase<T>(dialect: Dialect, serverUrl: string | undefined, work: (ds: DataSource) => Promise<T>): Promise<T> {
  let database: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'staffing-migrations-'));
    database = { type: 'sqlite', path: join(dir, 'check.sqlite') };
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  } else {
    const scratch = await createScratchDatabase(serverUrl as string, 'mig');
    database = { type: 'mysql', url: scratch.url };
    cleanup = scratch.drop;
  }
  const ds = new DataSource(await resolveDataSourceOptions({ database }));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    return await work(ds);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await cleanup();
  }
}

async function pendingSql(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  const quote = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  return {
    up: log.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`),
    down: log.downQueries.reverse().map((q) => `    await queryRunner.query(${quote(q.query)});`),
  };
}

function writeMigration(dialect: Dialect, name: string, timestamp: number, sql: { up: string[]; down: string[] }): string {
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  writeFileSync(
    join(MIGRATIONS_DIR, dialect, `${file}.ts`),
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
      `export class ${className} implements MigrationInterface {\n  name = '${className}';\n\n` +
      `  public async up(queryRunner: QueryRunner): Promise<void> {\n${sql.up.join('\n')}\n  }\n\n` +
      `  public async down(queryRunner: QueryRunner): Promise<void> {\n${sql.down.join('\n')}\n  }\n}\n`,
  );
  const indexFile = join(MIGRATIONS_DIR, dialect, 'index.ts');
  const index = readFileSync(indexFile, 'utf8');
  const listName = dialect === 'mysql' ? 'MYSQL_MIGRATIONS' : 'SQLITE_MIGRATIONS';
  const imports = [...index.matchAll(/^import \{ (\w+) \} from '\.\/([^']+)';$/gm)].map((m) => ({ cls: m[1], file: m[2] }));
  imports.push({ cls: className, file });
  writeFileSync(
    indexFile,
    imports.map((i) => `import { ${i.cls} } from './${i.file}';`).join('\n') +
      `\n\n/** In order of creation; the service runs them on start. */\nexport const ${listName}: (new () => unknown)[] = [${imports.map((i) => i.cls).join(', ')}];\n`,
  );
  return join(dialect, `${file}.ts`);
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig(undefined, { persistSecret: false });
  const serverUrl = config.database.type === 'mysql' ? config.database.url : undefined;
  const dialects: Dialect[] = serverUrl ? ['sqlite', 'mysql'] : ['sqlite'];
  if (!serverUrl) console.log('DATABASE_URL is not set: working on the SQLite dialect only.');

  if (command === 'check') {
    let drift = false;
    for (const dialect of dialects) {
      const sql = await withFreshDatabase(dialect, serverUrl, pendingSql);
      if (sql.up.length > 0) {
        drift = true;
        console.error(`${dialect}: the entities differ from the migrated schema; generate a migration. Pending:\n${sql.up.join('\n')}`);
      } else {
        console.log(`${dialect}: migrations match the entities.`);
      }
    }
    process.exitCode = drift ? 1 : 0;
    return;
  }
  if (command === 'generate' && name && /^[A-Z][A-Za-z0-9]+$/.test(name)) {
    if (!serverUrl) throw new Error('generate needs DATABASE_URL (a MySQL/MariaDB server) so that both dialects get the migration');
    const timestamp = Date.now();
    for (const dialect of dialects) {
      const sql = await withFreshDatabase(dialect, serverUrl, pendingSql);
      if (sql.up.length === 0) console.log(`${dialect}: nothing to generate.`);
      else console.log(`${dialect}: wrote ${writeMigration(dialect, name, timestamp, sql)}`);
    }
    return;
  }
  console.error('usage: migrations.cli check | generate <PascalCaseName>');
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

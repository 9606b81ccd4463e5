import { Logger } from '@nestjs/common';
import { DataSource, MigrationExecutor } from 'typeorm';

type Log = Pick<Logger, 'log' | 'warn'>;

/**
 * Brings the schema up to date, one transaction per migration, and says so in the log: the name
 * of each migration as it is applied, or that the schema was already up to date. Returns the
 * names applied.
 */
export async function applyMigrations(dataSource: DataSource, logger: Log = new Logger('Migrations')): Promise<string[]> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  if (pending.length === 0) {
    logger.log(`Schema up to date (${dataSource.migrations.length} migrations)`);
    return [];
  }
  logger.log(`Applying ${pending.length} migration(s): ${pending.map((m) => m.name).join(', ')}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) logger.log(`Applied migration ${migration.name}`);
  return applied.map((m) => m.name);
}

/** For a process that does not migrate (the worker): warns when the schema lags behind the code. */
export async function reportPendingMigrations(dataSource: DataSource, logger: Log = new Logger('Migrations')): Promise<string[]> {
  const pending = (await new MigrationExecutor(dataSource).getPendingMigrations()).map((m) => m.name);
  if (pending.length > 0) logger.warn(`Schema lacks ${pending.length} migration(s) the API applies on start: ${pending.join(', ')}`);
  else logger.log(`Schema up to date (${dataSource.migrations.length} migrations)`);
  return pending;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { applyMigrations, reportPendingMigrations } from './migrate';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

describe('migrations at start', () => {
  let dir: string;
  let dataSource: DataSource;
  const logger = { log: jest.fn(), warn: jest.fn() };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    dataSource = await new DataSource(dataSourceOptions({ database: { type: 'sqlite', path: join(dir, 'db.sqlite') } })).initialize();
    logger.log.mockReset();
    logger.warn.mockReset();
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs the name of each migration it applies, then that the schema is up to date', async () => {
    const names = SQLITE_MIGRATIONS.map((migration) => migration.name);
    expect(await applyMigrations(dataSource, logger)).toEqual(names);
    expect(logger.log).toHaveBeenCalledWith(`Applying ${names.length} migration(s): ${names.join(', ')}`);
    for (const name of names) expect(logger.log).toHaveBeenCalledWith(`Applied migration ${name}`);
    expect(names).toContainEqual(expect.stringMatching(/^Outbox\d+$/));

    logger.log.mockReset();
    expect(await applyMigrations(dataSource, logger)).toEqual([]);
    expect(logger.log.mock.calls).toEqual([[`Schema up to date (${names.length} migrations)`]]);
  });

  it('a process that does not migrate warns about the migrations the schema lacks', async () => {
    expect(await reportPendingMigrations(dataSource, logger)).toHaveLength(SQLITE_MIGRATIONS.length);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^Schema lacks \d+ migration\(s\) the API applies on start: Registry\d+/));
    await applyMigrations(dataSource, logger);
    logger.warn.mockReset();
    expect(await reportPendingMigrations(dataSource, logger)).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});

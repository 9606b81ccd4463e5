import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, detectServerFlavour } from '@app/database';

/** The environment a benchmark's application context is configured from, for one database. */
export type DatabaseEnv = Record<string, string>;

/**
 * Runs `work` on a temporary SQLite file, then, when DATABASE_URL names a MySQL/MariaDB server, on
 * a scratch database there; both are removed afterwards. TIMEZONE passes through to both.
 */
export async function onThrowAwayDatabases(work: (label: string, env: DatabaseEnv) => Promise<void>): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const timezone: DatabaseEnv = process.env.TIMEZONE ? { TIMEZONE: process.env.TIMEZONE } : {};
  const dataDir = mkdtempSync(join(tmpdir(), 'staffing-bench-'));
  try {
    await work('sqlite', { DATA_DIR: dataDir, ...timezone });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!serverUrl) return;
  const label = await detectServerFlavour(serverUrl);
  const scratch = await createScratchDatabase(serverUrl, 'bench');
  try {
    await work(label, { DATABASE_URL: scratch.url, ...timezone });
  } finally {
    await scratch.drop();
  }
}

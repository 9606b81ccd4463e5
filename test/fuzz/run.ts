/**
 * The fuzz test at any size, outside Jest:
 *
 *   npm run fuzz -- --requests 20000 --seed 42 [--concurrency 4] [--by-operation]
 *
 * Boots the API in-process on the profile of the environment (embedded SQLite and the sync queue,
 * or MariaDB and Redis when DATABASE_URL / REDIS_URL are set), builds the test data, sends the
 * requests and prints the status counts. Exits with 1 if any answer was 500 or more or an error
 * body was not in the documented shape. TEST_LOG_LEVEL=error shows the stack of a 500.
 */
import 'reflect-metadata';
import { createTestApp } from '../support/test-app';
import { createFuzzWorld } from './fuzz-world';
import { formatStatuses, runFuzz, seedFrom } from './fuzz-runner';
import type { OpenApiDocument } from './openapi';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const requests = Number(option('requests') ?? 20_000);
  const concurrency = Number(option('concurrency') ?? 4);
  const seed = seedFrom(option('seed'));
  const t = await createTestApp();
  try {
    const world = await createFuzzWorld(t);
    const doc = (await t.http().get('/docs-json')).body as OpenApiDocument;
    const profile = `${t.config.database.type === 'sqlite' ? 'SQLite' : 'MariaDB/MySQL'} + ${t.config.queue.driver} queue`;
    console.log(`fuzzing ${profile}: ${requests} requests, seed ${seed}, concurrency ${concurrency}`);
    const report = await runFuzz({ server: t.app.getHttpServer(), doc, world, requests, seed, concurrency, contract: t.contract });
    console.log(
      `requests:     ${report.requests} over ${report.operations} operations × ${world.roles.length} roles (${report.combinations} combinations)`,
    );
    console.log(`statuses:     ${formatStatuses(report.statuses)}`);
    console.log(
      `≥ 500:        ${Object.entries(report.statuses)
        .filter(([status]) => Number(status) >= 500)
        .reduce((sum, [, count]) => sum + count, 0)}`,
    );
    console.log(`broken:       ${report.failureCount} (error bodies out of shape, or answers the OpenAPI document does not declare)`);
    console.log(`time:         ${report.seconds.toFixed(1)} s (${Math.round(report.requests / report.seconds)} requests/s)`);
    if (process.argv.includes('--by-operation')) {
      for (const [operation, tally] of Object.entries(report.byOperation)) {
        console.log(`  ${operation.padEnd(58)} ${String(tally.ms).padStart(6)} ms  ${formatStatuses(tally.statuses)}`);
      }
    }
    for (const failure of report.failures) console.log(JSON.stringify(failure, null, 2));
    if (report.failureCount > 0) console.log(`replay with: npm run fuzz -- --requests ${requests} --seed ${seed}`);
    return report.failureCount > 0 ? 1 : 0;
  } finally {
    await t.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);

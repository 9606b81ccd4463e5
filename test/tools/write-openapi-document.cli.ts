/**
 * npm run lint:openapi (first step) — writes the OpenAPI document the API serves at /docs-json to a file,
 * without a running server: the API boots in-process on the embedded profile (a throw-away DATA_DIR,
 * in-process jobs), answers one request for /docs-json, and is closed again.
 *
 *   node -r @swc-node/register test/tools/write-openapi-document.cli.ts [output file]
 *
 * The output defaults to openapi.json in the system's temporary directory; the path written is printed.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { createLogger } from '@app/core';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

async function main(output: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'staffing-openapi-'));
  try {
    const config = loadConfig(
      { DATA_DIR: dataDir, JWT_SECRET: randomBytes(32).toString('hex'), ADMIN_PASSWORD: randomBytes(16).toString('hex'), SEED_DEMO: 'false' },
      { defaults: { LOG_LEVEL: 'fatal' } },
    );
    const app = await NestFactory.create(AppModule.forRoot(config), { logger: createLogger(config), abortOnError: false });
    try {
      configureApp(app, config);
      await app.listen(0, '127.0.0.1');
      const response = await fetch(`${await app.getUrl()}/docs-json`);
      if (!response.ok) throw new Error(`/docs-json answered ${response.status}`);
      writeFileSync(output, `${JSON.stringify(await response.json(), null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const output = resolve(process.argv[2] ?? join(tmpdir(), 'openapi.json'));
main(output).then(
  () => {
    console.log(output);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the console (npm run test:browser): Debian's Chromium (/usr/bin/chromium, never `playwright install`),
 * against the API serving the built console (npm run build:web first) on a fresh SQLite database with the demo counties.
 * One worker: the tests walk through workflows on one shared database, in order.
 */
const root = join(__dirname, '..', '..');
const port = Number(process.env.BROWSER_PORT ?? 3917);
// Set once by the main process: the workers read the same value.
process.env.BROWSER_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'staffing-browser-'));

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.browser.ts',
  outputDir: join(root, 'test-results', 'playwright'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A workflow takes a quarter of a minute on a quiet machine and up to three quarters of a minute on one running other
  // test suites besides; one that hangs fails at a minute rather than holding CI. A tour of a role's pages has its own
  // budget (pages.browser.ts).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
    acceptDownloads: true,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node -r @swc-node/register apps/api/src/main.ts',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      DATA_DIR: process.env.BROWSER_DATA_DIR,
      SEED_DEMO: 'true',
      JWT_SECRET: 'browser-tests-secret-0123456789abcdef0123456789',
      ADMIN_PASSWORD: 'admin-password-2026',
      LOG_LEVEL: 'warn',
    },
  },
});

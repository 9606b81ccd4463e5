import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREFIX } from './support/api';
import { createTestApp, TestApp } from './support/test-app';

/** The directives of a Content-Security-Policy header, by name. */
function styleSrc(header: string | undefined): string[] {
  const directive = (header ?? '').split(';').find((part) => part.trim().startsWith('style-src '));
  return directive ? directive.trim().split(/\s+/).slice(1) : [];
}

describe('the web console, served by the API', () => {
  const build = mkdtempSync(join(tmpdir(), 'staffing-web-'));
  let t: TestApp;

  beforeAll(async () => {
    mkdirSync(join(build, 'assets'));
    writeFileSync(
      join(build, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-abc.js"></script></body></html>',
    );
    writeFileSync(join(build, 'assets', 'index-abc.js'), 'console.log("console");');
    t = await createTestApp({ env: { WEB_DIR: build } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(build, { recursive: true, force: true });
  });

  it.each(['/', '/login', '/rotation-plans/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '/my/training?cycle=2026'])(
    'answers %s with index.html (the console routes in the browser), under the policy that lets its components style themselves',
    async (path) => {
      const page = await t.http().get(path);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<div id="root">');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(styleSrc(page.headers['content-security-policy'])).toEqual(["'self'", "'unsafe-inline'"]);
      expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    },
  );

  it('serves the hashed assets as files, cached for a year', async () => {
    const script = await t.http().get('/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves /api to the API: unknown paths there stay JSON 404s under the strict policy', async () => {
    for (const path of [`${PREFIX}/nothing-here`, '/api/nothing-here', '/api']) {
      const response = await t.http().get(path);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(styleSrc(response.headers['content-security-policy'])).toEqual(["'self'"]);
    }
    expect((await t.http().get(`${PREFIX}/health`)).body).toMatchObject({ status: 'ok' });
    // The console's routes leave the API's errors alone: an unreadable JSON body is still a 400.
    const unreadable = await t.http().get(`${PREFIX}/health`).set('Content-Type', 'application/json').send('{"status": ');
    expect(unreadable.status).toBe(400);
    expect(unreadable.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('leaves /docs to Swagger UI and /docs-json to the OpenAPI document', async () => {
    expect((await t.http().get('/docs')).text).toContain('swagger');
    expect((await t.http().get('/docs-json')).body).toHaveProperty('openapi');
  });
});

describe('the API without a web console build', () => {
  const empty = mkdtempSync(join(tmpdir(), 'staffing-noweb-'));
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { WEB_DIR: empty } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('starts and serves the API; other paths are JSON 404s', async () => {
    expect((await t.http().get(`${PREFIX}/health`)).status).toBe(200);
    const root = await t.http().get('/');
    expect(root.status).toBe(404);
    expect(root.body).toMatchObject({ code: 'NOT_FOUND' });
  });
});

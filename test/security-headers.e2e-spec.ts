import { PREFIX } from './support/api';
import { createTestApp, TestApp } from './support/test-app';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Record<string, string[]> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    (header as string)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** What a web console served from this origin may do, on every route. */
function expectConsolePolicy(csp: Record<string, string[]>): void {
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['script-src-attr']).toEqual(["'none'"]);
  expect(csp['img-src']).toEqual(["'self'", 'data:']);
  expect(csp['connect-src']).toEqual(["'self'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
}

describe('security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives API answers, errors included, the strict policy: styles from this origin only, no X-Powered-By, no HSTS outside production', async () => {
    for (const response of [await t.http().get(`${PREFIX}/health`), await t.http().get(`${PREFIX}/auth/me`), await t.http().get('/docs-json')]) {
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      const csp = directives(response.headers['content-security-policy']);
      expectConsolePolicy(csp);
      expect(csp['style-src']).toEqual(["'self'"]);
    }
  });

  it.each(['/docs', '/docs/'])(
    'serves Swagger UI at %s under the same policy, relaxed only for its inline styles; every script is a file from this origin',
    async (page) => {
      const html = await t.http().get(page);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.headers['x-powered-by']).toBeUndefined();
      const csp = directives(html.headers['content-security-policy']);
      expectConsolePolicy(csp);
      // The page's own <style> blocks need inline styles; nothing needs inline script.
      expect(html.text).toMatch(/<style>/);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);

      const scripts = [...html.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThanOrEqual(3);
      const sources = scripts.map(([, attributes, body]) => {
        expect(body.trim()).toBe('');
        const src = /\bsrc=["']([^"']+)["']/.exec(attributes)?.[1];
        expect(src).toBeDefined();
        return new URL(src as string, `http://desk.local${page}`);
      });
      expect(sources.every((url) => url.origin === 'http://desk.local' && url.pathname.startsWith('/docs/'))).toBe(true);
      const init = sources.find((url) => url.pathname.endsWith('/swagger-ui-init.js'));
      expect(init).toBeDefined();
      for (const url of sources) {
        const script = await t.http().get(url.pathname);
        expect(script.status).toBe(200);
        expect(script.headers['content-type']).toMatch(/javascript/);
        expectConsolePolicy(directives(script.headers['content-security-policy']));
      }
      const initScript = await t.http().get((init as URL).pathname);
      expect(initScript.text).toContain('SwaggerUIBundle');
      expect(initScript.text).toContain('"openapi"');
      const stylesheet = /<link[^>]+href=["']([^"']+\.css)["']/.exec(html.text)?.[1] as string;
      expect((await t.http().get(new URL(stylesheet, `http://desk.local${page}`).pathname)).status).toBe(200);
    },
  );
});

describe('security headers in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('adds HSTS', async () => {
    const response = await t.http().get(`${PREFIX}/health`);
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expectConsolePolicy(directives(response.headers['content-security-policy']));
  });
});

import { PREFIX } from './support/api';
import { createTestApp, TestApp } from './support/test-app';

/** In production every log line is JSON, the request log included: one object per request. */
describe('request log', () => {
  let t: TestApp;
  let lines: string[];
  let write: jest.SpyInstance;

  beforeAll(async () => {
    // The start-up lines (routes, reference data) are JSON as well, but not what this test reads.
    const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      t = await createTestApp({ env: { NODE_ENV: 'production', LOG_LEVEL: 'log' } });
    } finally {
      quiet.mockRestore();
    }
  }, 60_000);
  beforeEach(() => {
    lines = [];
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
  });
  afterEach(() => write.mockRestore());
  afterAll(() => t.close());

  const accessLines = () =>
    lines
      .map((line) => JSON.parse(line) as { context?: string; level: string; message: Record<string, unknown> })
      .filter((entry) => entry.context === 'HTTP');

  it('writes each request as a JSON line with method, path, status, duration and request id', async () => {
    await t.http().get(`${PREFIX}/health?probe=1`).set('X-Request-Id', 'desk-log-1');
    await t.http().post(`${PREFIX}/auth/login`).send({ username: 'nobody', password: 'wrong-password' }).set('X-Request-Id', 'desk-log-2');
    await new Promise((resolve) => setImmediate(resolve));

    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const entries = accessLines();
    expect(entries).toEqual([
      expect.objectContaining({
        level: 'log',
        context: 'HTTP',
        message: { method: 'GET', path: `${PREFIX}/health?probe=1`, status: 200, durationMs: expect.any(Number), requestId: 'desk-log-1' },
      }),
      expect.objectContaining({
        message: { method: 'POST', path: `${PREFIX}/auth/login`, status: 401, durationMs: expect.any(Number), requestId: 'desk-log-2' },
      }),
    ]);
    expect(entries[0].message.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('logs a request id it made itself when the client sent none', async () => {
    const response = await t.http().get(`${PREFIX}/no-such-route`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(accessLines()).toEqual([
      expect.objectContaining({ message: expect.objectContaining({ status: 404, requestId: response.headers['x-request-id'] }) }),
    ]);
  });
});

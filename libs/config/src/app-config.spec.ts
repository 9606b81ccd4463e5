import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const secret = 'x'.repeat(40);

describe('loadConfig', () => {
  it('defaults to the embedded profile: SQLite under ./data and the sync queue', () => {
    const sut = loadConfig({ JWT_SECRET: secret }, { cwd: '/srv/app' });
    expect(sut.database).toEqual({ type: 'sqlite', path: '/srv/app/data/staffing.sqlite' });
    expect(sut.queue).toEqual({ driver: 'sync', prefix: 'staffing' });
    expect(sut.port).toBe(3000);
    expect(sut.embedded).toBe(true);
    expect(sut.timezone).toBe('Asia/Shanghai');
    expect(sut.logLevel).toBe('log');
    expect(sut.adminPassword).toBeNull();
    expect(sut.seedDemo).toBe('auto');
    expect(sut.outbox).toEqual({ pollMs: 1000 });
  });

  it('reads the outbox relay’s poll interval and refuses one outside 100 ms … 60 s', () => {
    expect(loadConfig({ JWT_SECRET: secret, OUTBOX_POLL_MS: '250' }).outbox.pollMs).toBe(250);
    expect(() => loadConfig({ JWT_SECRET: secret, OUTBOX_POLL_MS: '50' })).toThrow(/OUTBOX_POLL_MS: must not be less than 100/);
    expect(() => loadConfig({ JWT_SECRET: secret, OUTBOX_POLL_MS: '600000' })).toThrow(/OUTBOX_POLL_MS: must not be greater than 60000/);
    expect(() => loadConfig({ JWT_SECRET: secret, OUTBOX_POLL_MS: 'often' })).toThrow(/OUTBOX_POLL_MS: must be a whole number of milliseconds/);
  });

  it('switches to MySQL and BullMQ when their URLs are given', () => {
    const sut = loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'mysql://root:@127.0.0.1:3306/test', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(sut.database).toEqual({ type: 'mysql', url: 'mysql://root:@127.0.0.1:3306/test' });
    expect(sut.queue).toEqual({ driver: 'bullmq', redisUrl: 'redis://127.0.0.1:6379', prefix: 'staffing', lockMs: 30_000 });
    expect(sut.embedded).toBe(false);
  });

  it('lets QUEUE_DRIVER force the sync driver even with Redis configured', () => {
    expect(loadConfig({ JWT_SECRET: secret, REDIS_URL: 'redis://r:6379', QUEUE_DRIVER: 'sync' }).queue.driver).toBe('sync');
  });

  it('stops with a message naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y', QUEUE_DRIVER: 'kafka', LOG_LEVEL: 'loud', ADMIN_PASSWORD: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'QUEUE_DRIVER', 'LOG_LEVEL', 'ADMIN_PASSWORD']) expect(message).toContain(`${name}:`);
  });

  it('refuses bullmq without Redis, an unknown time zone, and a missing secret in production', () => {
    expect(() => loadConfig({ JWT_SECRET: secret, QUEUE_DRIVER: 'bullmq' })).toThrow(/QUEUE_DRIVER: bullmq needs REDIS_URL/);
    expect(() => loadConfig({ JWT_SECRET: secret, TIMEZONE: 'Mars/Olympus' })).toThrow(/TIMEZONE/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required/);
    expect(() => loadConfig({ JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET: must be at least 32/);
  });

  it('limits sign-ins by username and address, by username, and slows down busy addresses, with defaults tied to LOGIN_MAX_ATTEMPTS', () => {
    expect(loadConfig({ JWT_SECRET: secret }).login).toEqual({
      maxAttempts: 10,
      windowSeconds: 300,
      maxAttemptsPerUsername: 50,
      delayMs: 250,
      maxDelayMs: 4000,
    });
    expect(loadConfig({ JWT_SECRET: secret, LOGIN_MAX_ATTEMPTS: '4' }).login.maxAttemptsPerUsername).toBe(20);
    const sut = loadConfig({
      JWT_SECRET: secret,
      LOGIN_MAX_ATTEMPTS: '5',
      LOGIN_WINDOW_SECONDS: '60',
      LOGIN_MAX_ATTEMPTS_PER_USERNAME: '30',
      LOGIN_DELAY_MS: '100',
      LOGIN_MAX_DELAY_MS: '2000',
    });
    expect(sut.login).toEqual({ maxAttempts: 5, windowSeconds: 60, maxAttemptsPerUsername: 30, delayMs: 100, maxDelayMs: 2000 });
    expect(loadConfig({ JWT_SECRET: secret, LOGIN_DELAY_MS: '0' }).login.delayMs).toBe(0);
  });

  it('refuses sign-in limits that contradict each other or are not whole numbers', () => {
    expect(() => loadConfig({ JWT_SECRET: secret, LOGIN_MAX_ATTEMPTS: '10', LOGIN_MAX_ATTEMPTS_PER_USERNAME: '5' })).toThrow(
      /LOGIN_MAX_ATTEMPTS_PER_USERNAME: must be at least LOGIN_MAX_ATTEMPTS \(10\)/,
    );
    expect(() => loadConfig({ JWT_SECRET: secret, LOGIN_DELAY_MS: '500', LOGIN_MAX_DELAY_MS: '100' })).toThrow(
      /LOGIN_MAX_DELAY_MS: must be at least LOGIN_DELAY_MS \(500\)/,
    );
    for (const [name, value] of [
      ['LOGIN_DELAY_MS', '-1'],
      ['LOGIN_DELAY_MS', 'fast'],
      ['LOGIN_MAX_DELAY_MS', '60001'],
      ['LOGIN_MAX_ATTEMPTS_PER_USERNAME', '0'],
    ]) {
      expect(() => loadConfig({ JWT_SECRET: secret, [name]: value })).toThrow(new RegExp(`${name}:`));
    }
  });

  it('trusts no proxy by default, and takes TRUST_PROXY as Express does: true, a hop count, or addresses and subnets', () => {
    expect(loadConfig({ JWT_SECRET: secret }).trustProxy).toBe(false);
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.7, fd00::/8, 172.16.0.0/255.240.0.0' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      '172.16.0.0/255.240.0.0',
    ]);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.300', 'loopback,,', '10.0.0.0/255.0.255.0', 'fd00::/129', '1.2.3.4/8/9', '101']) {
      expect(() => loadConfig({ JWT_SECRET: secret, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY:/);
    }
  });

  it('generates a signing secret once in the embedded profile and keeps it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwt.secret).toBe(first.jwt.secret);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwt.secret);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o077).toBe(0);
  });
});

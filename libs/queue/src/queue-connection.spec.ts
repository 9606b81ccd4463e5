import { Logger } from '@nestjs/common';
import { eventually } from '../../../test/support/eventually';
import { PrivateRedis } from '../../../test/support/private-redis';
import { isConnectionError, QueueConnection, reconnectDelayMs } from './queue-connection';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the connection to Redis', () => {
  let redis: PrivateRedis;
  let log: jest.SpyInstance;
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(() => redis.dispose());

  beforeEach(() => {
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs one line when Redis drops and one when it is back, not one per reconnect attempt, and tells its listeners', async () => {
    await redis.start();
    const sut = new QueueConnection(redis.url);
    const reconnected = jest.fn();
    try {
      await eventually(() => expect(sut.isUp()).toBe(true));
      sut.onUp(reconnected);
      expect(log.mock.calls).toEqual([[`Connected to Redis at 127.0.0.1:${redis.port}`]]);

      await redis.stop();
      await pause(2000); // several reconnect attempts (after 250, 500, 1000 ms …)
      expect(sut.isUp()).toBe(false);
      expect(await sut.ping()).toBe(false);
      expect(warn.mock.calls).toEqual([
        [`Lost the connection to Redis at 127.0.0.1:${redis.port} (connection closed); requests go on, jobs wait in the outbox`],
      ]);
      expect(error).not.toHaveBeenCalled();

      await redis.start();
      await eventually(() => expect(sut.isUp()).toBe(true));
      expect(log.mock.calls[1]).toEqual([`Redis at 127.0.0.1:${redis.port} is reachable again; queued jobs are handed over`]);
      expect(reconnected).toHaveBeenCalledTimes(1);
      expect(await sut.ping()).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      sut.close();
    }
  }, 20_000);

  it('starts without Redis: one warning, then connected when Redis appears', async () => {
    await redis.stop();
    const sut = new QueueConnection(redis.url);
    const connected = jest.fn();
    sut.onUp(connected);
    try {
      await pause(1500);
      expect(sut.isUp()).toBe(false);
      expect(warn.mock.calls).toEqual([
        [expect.stringMatching(/^Cannot reach Redis at 127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\); requests go on, jobs wait in the outbox$/)],
      ]);
      await redis.start();
      await eventually(() => expect(connected).toHaveBeenCalledTimes(1));
      expect(log.mock.calls).toEqual([[`Redis at 127.0.0.1:${redis.port} is reachable again; queued jobs are handed over`]]);
    } finally {
      sut.close();
    }
  }, 20_000);

  it('says nothing when the process closes it', async () => {
    await redis.start();
    const sut = new QueueConnection(redis.url);
    await eventually(() => expect(sut.isUp()).toBe(true));
    sut.close();
    await pause(100);
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves connection errors of BullMQ objects to that one line, and logs any other error', async () => {
    await redis.start();
    const sut = new QueueConnection(redis.url);
    try {
      sut.reportError('worker', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
      sut.reportError('worker', new Error('Connection is closed.'));
      expect(error).not.toHaveBeenCalled();
      sut.reportError('worker', new Error('Missing lock for job 7'));
      expect(error).toHaveBeenCalledWith('worker: Missing lock for job 7', expect.any(String));
    } finally {
      sut.close();
    }
  });
});

describe('connection helpers', () => {
  it('retry quickly at first, then every 3 s', () => {
    expect([1, 2, 3, 4, 5, 20].map(reconnectDelayMs)).toEqual([250, 500, 1000, 2000, 3000, 3000]);
  });

  it('tell an unreachable Redis from other failures', () => {
    expect(isConnectionError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isConnectionError(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(isConnectionError(new Error('ERR unknown command'))).toBe(false);
    expect(isConnectionError('ECONNREFUSED')).toBe(false);
  });
});

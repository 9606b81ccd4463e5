import { Logger } from '@nestjs/common';
import type { RedisOptions } from 'bullmq';
import Redis from 'ioredis';

/**
 * Delay before the next attempt to reach Redis: quick at first, then every 3 s while it stays
 * away (BullMQ's own default backs off to 20 s, which would leave jobs waiting long after Redis
 * is back).
 */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(250 * 2 ** Math.max(0, attempt - 1), 3000);
}

/**
 * How long ioredis lets a closing socket linger. Its default (2 s) also applies to the dead socket
 * of a connection closed while Redis is away, keeping a stopping process alive for nothing.
 */
const DISCONNECT_TIMEOUT_MS = 200;

/** Options of the connections a BullMQ Worker opens: blocking reads need `maxRetriesPerRequest: null`. */
export function workerConnectionOptions(redisUrl: string): RedisOptions {
  return {
    url: redisUrl,
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelayMs,
    connectTimeout: 5000,
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  };
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Whether an error only says that Redis cannot be reached (as opposed to a failing command or job). */
export function isConnectionError(error: unknown): boolean {
  // Duck-typed: errors of Node's sockets may come from another realm than this module's Error.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return true;
  return (
    typeof message === 'string' &&
    /Connection is closed|Stream isn't writeable|connect ETIMEDOUT|ECONNREFUSED|ECONNRESET|max retries per request/i.test(message)
  );
}

/**
 * The producer's connection to Redis (BullMQ driver), and what the process says about it.
 *
 * - It fails fast: with Redis away a command is refused at once (no offline queue) instead of
 *   waiting for a reconnect, so nothing that calls it can hang; the outbox relay checks `isUp()`
 *   before it hands jobs over, and waits for `onUp` to try again.
 * - ioredis emits an error on every reconnect attempt; this turns them into ONE warning when the
 *   connection drops (or cannot be made at start) and one line when it is back.
 * - `onUp` listeners run on every (re)connection: the relay delivers the backlog, and the nightly
 *   schedule is registered again (a Redis that comes back empty has lost it).
 */
export class QueueConnection {
  readonly client: Redis;
  private readonly logger = new Logger('Redis');
  private readonly where: string;
  private state: 'connecting' | 'up' | 'down' = 'connecting';
  private closing = false;
  private readonly upListeners = new Set<() => void>();

  constructor(redisUrl: string) {
    this.where = safeHost(redisUrl);
    this.client = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: reconnectDelayMs,
      connectTimeout: 5000,
      disconnectTimeout: DISCONNECT_TIMEOUT_MS,
    });
    this.client.on('ready', () => this.becameUp());
    this.client.on('error', (error: Error) => this.becameDown(error.message));
    this.client.on('close', () => this.becameDown('connection closed'));
  }

  /** Whether Redis answers now, as far as the connection knows (no round trip). */
  isUp(): boolean {
    return this.client.status === 'ready';
  }

  /** Runs `listener` each time the connection is (re)established. */
  onUp(listener: () => void): () => void {
    this.upListeners.add(listener);
    return () => this.upListeners.delete(listener);
  }

  /** A round trip within `timeoutMs`: true when Redis answered. */
  async ping(timeoutMs = 1000): Promise<boolean> {
    if (!this.isUp()) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.client.ping().then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * What BullMQ objects (the queue, the worker) report on their 'error' event: connection errors
   * are already told by the one line about the connection; anything else is logged.
   */
  reportError(source: string, error: Error): void {
    if (this.closing || isConnectionError(error)) return;
    this.logger.error(`${source}: ${error.message}`, error.stack);
  }

  close(): void {
    this.closing = true;
    this.upListeners.clear();
    this.client.disconnect();
  }

  private becameUp(): void {
    const was = this.state;
    this.state = 'up';
    if (was === 'down') this.logger.log(`Redis at ${this.where} is reachable again; queued jobs are handed over`);
    else this.logger.log(`Connected to Redis at ${this.where}`);
    for (const listener of this.upListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.error(`reconnect listener failed: ${(error as Error).message}`, (error as Error).stack);
      }
    }
  }

  private becameDown(reason: string): void {
    if (this.closing || this.state === 'down') return;
    const was = this.state;
    this.state = 'down';
    if (was === 'up') this.logger.warn(`Lost the connection to Redis at ${this.where} (${reason}); requests go on, jobs wait in the outbox`);
    else this.logger.warn(`Cannot reach Redis at ${this.where} (${reason}); requests go on, jobs wait in the outbox`);
  }
}

/** host:port of a Redis URL, without credentials. */
function safeHost(redisUrl: string): string {
  try {
    return new URL(redisUrl).host;
  } catch {
    return 'the configured address';
  }
}

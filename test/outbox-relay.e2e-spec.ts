import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import type { DatabaseConfig } from '@app/config';
import { Clock } from '@app/core';
import { createScratchDatabase, DatabaseModule, OutboxEntryEntity, OutboxRepository, TransactionHost } from '@app/database';
import {
  EnqueueOptions,
  JobName,
  JobOutbox,
  JobQueue,
  OutboxModule,
  OutboxOutsideTransactionError,
  OutboxRelay,
  OutboxRelayOptions,
  QUEUE_DRIVER,
  QueueDriver,
  retryDelayMs,
} from '@app/queue';
import { eventually } from './support/eventually';

/** A clock the test moves by hand (leases and retry waits are measured on it). */
class MovableClock extends Clock {
  private at = Date.parse('2026-09-01T02:00:00.000Z');

  constructor() {
    super({ timezone: 'Asia/Shanghai' } as never);
  }

  override now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/** A queue driver that records what it is handed, can refuse, and can be down. */
class RecordingDriver implements QueueDriver {
  readonly handed: { name: JobName; payload: unknown; jobId?: string }[] = [];
  up = true;
  failures = 0;
  delayMs = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly kind: 'bullmq' | 'sync') {}

  async enqueue(name: JobName, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * this.delayMs));
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('Redis said no');
    }
    this.handed.push({ name, payload, jobId: options.jobId });
  }

  isUp(): boolean {
    return this.up;
  }

  onUp(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  comesBack(): void {
    this.up = true;
    for (const listener of this.listeners) listener();
  }

  async health(): Promise<'up' | 'down'> {
    return this.up ? 'up' : 'down';
  }

  async schedule(): Promise<void> {}

  async schedules(): Promise<[]> {
    return [];
  }
}

/** One "process": its own data source on the shared database, its own relay and driver. */
async function startProcess(database: DatabaseConfig, driver: RecordingDriver, clock: Clock, relay: Partial<OutboxRelayOptions> = {}) {
  @Global()
  @Module({ providers: [{ provide: Clock, useValue: clock }, { provide: QUEUE_DRIVER, useValue: driver }, JobQueue], exports: [Clock, JobQueue] })
  class FakeQueueModule {}

  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [FakeQueueModule, DatabaseModule.forRoot({ database }), OutboxModule.forRoot({ pollMs: 60_000, ...relay })],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    moduleRef,
    tx: moduleRef.get(TransactionHost),
    outbox: moduleRef.get(JobOutbox),
    relay: moduleRef.get(OutboxRelay),
    entries: moduleRef.get(OutboxRepository),
    rows: () => moduleRef.get(TransactionHost).manager.find(OutboxEntryEntity, { order: { id: 'ASC' } }),
  };
}

const onMariaDb = Boolean(process.env.DATABASE_URL);

describe(`outbox relay (${onMariaDb ? 'MariaDB/MySQL' : 'SQLite'})`, () => {
  let database: DatabaseConfig;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'relay');
      database = { type: 'mysql', url: scratch.url };
      cleanup = scratch.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'outbox-relay-'));
      database = { type: 'sqlite', path: join(dir, 'outbox.sqlite') };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
  });
  afterEach(() => cleanup());

  it('delivers what a committed write recorded under a job id per entry, then deletes it; a rolled-back write records nothing', async () => {
    const driver = new RecordingDriver('bullmq');
    const sut = await startProcess(database, driver, new MovableClock());
    try {
      await sut.tx.run(async () => {
        await sut.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId: 'school-a' });
        await sut.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId: 'school-b' });
      });
      await expect(
        sut.tx.run(async () => {
          await sut.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId: 'never' });
          throw new Error('the write failed');
        }),
      ).rejects.toThrow('the write failed');

      // Woken after the commit, in the background.
      await eventually(() => expect(driver.handed).toHaveLength(2));
      expect(driver.handed.map((job) => job.payload)).toEqual([{ schoolId: 'school-a' }, { schoolId: 'school-b' }]);
      expect(driver.handed.every((job) => job.name === JobName.RecomputeSchoolHeadcount && /^outbox-[0-9a-f-]{36}$/.test(job.jobId ?? ''))).toBe(
        true,
      );
      expect(new Set(driver.handed.map((job) => job.jobId)).size).toBe(2);
      await eventually(async () => expect(await sut.rows()).toEqual([]));
    } finally {
      await sut.moduleRef.close();
    }
  });

  it('refuses, loudly, a job recorded outside a transaction (it would belong to no write)', async () => {
    const sut = await startProcess(database, new RecordingDriver('bullmq'), new MovableClock());
    try {
      await expect(sut.outbox.add(JobName.RefreshHeadcounts, {})).rejects.toThrow(OutboxOutsideTransactionError);
      await expect(sut.outbox.add(JobName.RefreshHeadcounts, {})).rejects.toThrow(/inside tx.run/);
      expect(await sut.rows()).toEqual([]);
    } finally {
      await sut.moduleRef.close();
    }
  });

  it('with the sync driver, the jobs of a write have been handed over by the time the write returns, however many', async () => {
    const driver = new RecordingDriver('sync');
    const sut = await startProcess(database, driver, new MovableClock(), { batchSize: 2 });
    try {
      await sut.tx.run(() => sut.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId: 'school-a' }));
      expect(driver.handed.map((job) => job.payload)).toEqual([{ schoolId: 'school-a' }]);
      await sut.tx.run(async () => {
        for (const schoolId of ['b', 'c', 'd', 'e', 'f']) await sut.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId });
      });
      expect(driver.handed).toHaveLength(6);
      expect(await sut.rows()).toEqual([]);
    } finally {
      await sut.moduleRef.close();
    }
  });

  it('gives a failed hand-over back with its attempt and error, waits a doubling time before the next, and delivers it then', async () => {
    const driver = new RecordingDriver('bullmq');
    const clock = new MovableClock();
    const sut = await startProcess(database, driver, clock, { retryMs: 1000, maxRetryMs: 60_000 });
    try {
      driver.up = false; // keep the background wake-up out of the way while the entry is written
      await sut.tx.run(() => sut.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId: 'school-a' }));
      driver.up = true;
      driver.failures = 2;

      expect(await sut.relay.drain()).toBe(0);
      let [entry] = await sut.rows();
      expect(entry).toMatchObject({ attempts: 1, lastError: 'Redis said no', claimToken: null, claimedAt: null });
      expect(entry.availableAt.getTime()).toBe(clock.now().getTime() + 1000);

      expect(await sut.relay.drain()).toBe(0); // not due yet: not tried
      expect(driver.failures).toBe(1);

      clock.advance(1000);
      expect(await sut.relay.drain()).toBe(0);
      [entry] = await sut.rows();
      expect(entry).toMatchObject({ attempts: 2, lastError: 'Redis said no' });
      expect(entry.availableAt.getTime()).toBe(clock.now().getTime() + 2000);

      clock.advance(2000);
      expect(await sut.relay.drain()).toBe(1);
      expect(driver.handed).toEqual([{ name: JobName.RecomputeSchoolHeadcount, payload: { schoolId: 'school-a' }, jobId: `outbox-${entry.id}` }]);
      expect(await sut.rows()).toEqual([]);
    } finally {
      await sut.moduleRef.close();
    }
  });

  it('waits without trying while the queue is down (no attempt counted), and delivers the backlog when it comes back', async () => {
    const driver = new RecordingDriver('bullmq');
    driver.up = false;
    const sut = await startProcess(database, driver, new MovableClock());
    try {
      for (const schoolId of ['a', 'b', 'c']) await sut.tx.run(() => sut.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId }));
      expect(await sut.relay.drain()).toBe(0);
      expect((await sut.rows()).map((entry) => [entry.attempts, entry.claimToken])).toEqual([
        [0, null],
        [0, null],
        [0, null],
      ]);
      expect((await sut.entries.backlog()).pending).toBe(3);

      driver.comesBack();
      await eventually(() => expect(driver.handed.map((job) => job.payload)).toEqual([{ schoolId: 'a' }, { schoolId: 'b' }, { schoolId: 'c' }]));
      await eventually(async () => expect(await sut.entries.backlog()).toEqual({ pending: 0, oldestCreatedAt: null }));
    } finally {
      await sut.moduleRef.close();
    }
  });

  it('treats a claim as a lease: the entries of a relay that died while delivering go out once the lease has run out', async () => {
    const driver = new RecordingDriver('bullmq');
    driver.up = false;
    const clock = new MovableClock();
    const sut = await startProcess(database, driver, clock, { leaseMs: 30_000 });
    try {
      await sut.tx.run(() => sut.outbox.add(JobName.RefreshHeadcounts, {}));
      const now = clock.now();
      const claimed = await sut.tx.run(() => sut.entries.claim('a-relay-that-died', now, new Date(now.getTime() + 30_000), 10));
      expect(claimed).toHaveLength(1);
      driver.up = true;

      expect(await sut.relay.drain()).toBe(0);
      clock.advance(29_999);
      expect(await sut.relay.drain()).toBe(0);
      clock.advance(1);
      expect(await sut.relay.drain()).toBe(1);
      expect(driver.handed).toEqual([{ name: JobName.RefreshHeadcounts, payload: {}, jobId: `outbox-${claimed[0].id}` }]);
    } finally {
      await sut.moduleRef.close();
    }
  });

  it(
    onMariaDb
      ? 'two relays in two processes (FOR UPDATE SKIP LOCKED) deliver a shared outbox together and never one entry twice'
      : 'two relays on the one SQLite writer claim one after the other and never deliver one entry twice',
    async () => {
      const clock = new MovableClock();
      const drivers = [new RecordingDriver('bullmq'), new RecordingDriver('bullmq')];
      for (const driver of drivers) {
        driver.up = false;
        driver.delayMs = 2;
      }
      const first = await startProcess(database, drivers[0], clock, { batchSize: 10 });
      // MariaDB: a second process with its own connection pool. SQLite: the embedded profile is one
      // process whose transactions run one at a time, so the second relay shares its data source.
      const second = onMariaDb ? await startProcess(database, drivers[1], clock, { batchSize: 10 }) : null;
      const relays = [
        first.relay,
        second?.relay ?? new OutboxRelay(first.tx, first.entries, new JobQueue(drivers[1]), clock, { pollMs: 60_000, batchSize: 10 }),
      ];
      try {
        const schoolIds = Array.from({ length: 120 }, (_, i) => `school-${i}`);
        for (let i = 0; i < schoolIds.length; i += 20) {
          await first.tx.run(async () => {
            for (const schoolId of schoolIds.slice(i, i + 20)) await first.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId });
          });
        }
        for (const driver of drivers) driver.up = true;

        const delivered = await Promise.all([relays[0].drain(), relays[1].drain(), relays[0].drain(), relays[1].drain()]);
        expect(delivered.reduce((sum, n) => sum + n, 0)).toBe(schoolIds.length);

        const handed = [...drivers[0].handed, ...drivers[1].handed];
        expect(handed).toHaveLength(schoolIds.length);
        expect(new Set(handed.map((job) => job.jobId)).size).toBe(schoolIds.length);
        expect(handed.map((job) => (job.payload as { schoolId: string }).schoolId).sort()).toEqual([...schoolIds].sort());
        expect(await first.rows()).toEqual([]);
      } finally {
        await second?.moduleRef.close();
        await first.moduleRef.close();
      }
    },
  );
});

describe('retry waits', () => {
  it('double after each failed hand-over, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((attempts) => retryDelayMs(attempts, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

import { Logger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { eventually } from '../../../test/support/eventually';
import { PrivateRedis } from '../../../test/support/private-redis';
import { JobName } from './job-name';
import { JobQueue } from './job-queue';
import { JOB_QUEUE_NAME, QueueUnavailableError } from './queue-driver';
import { QueueModule } from './queue.module';

const NIGHTLY = { pattern: '30 2 * * *', timezone: 'Asia/Shanghai' };

/** The producer side of the BullMQ driver against a private Redis: no worker, so jobs stay waiting for inspection. */
describe('BullMQ driver', () => {
  let redis: PrivateRedis;
  let moduleRef: TestingModule;
  let sut: JobQueue;
  let inspect: Queue;
  let prefix: string;
  let sequence = 0;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await redis.dispose();
  });

  beforeEach(async () => {
    prefix = `driver${++sequence}`;
    moduleRef = await Test.createTestingModule({
      imports: [QueueModule.forRoot({ queue: { driver: 'bullmq', redisUrl: redis.url, prefix, lockMs: 30_000 }, consume: false, nightly: NIGHTLY })],
    }).compile();
  });
  afterEach(async () => {
    await moduleRef.close();
    await inspect?.close();
  });

  async function boot(): Promise<void> {
    await moduleRef.init();
    sut = moduleRef.get(JobQueue);
    inspect = new Queue(JOB_QUEUE_NAME, { connection: { url: redis.url, disconnectTimeout: 200 }, prefix });
    inspect.on('error', () => undefined); // its reconnect attempts while Redis is stopped
  }

  it('adds a job id once, lets a second entry for the same school join the waiting job, and keeps other schools apart', async () => {
    await redis.start();
    await boot();
    await eventually(() => expect(sut.isUp()).toBe(true));

    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 'a' }, { jobId: 'outbox-1' });
    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 'a' }, { jobId: 'outbox-1' }); // the same entry, handed over again
    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 'a' }, { jobId: 'outbox-2' }); // another write, same school
    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 'b' }, { jobId: 'outbox-3' });

    const waiting = await inspect.getWaiting();
    expect(waiting.map((job) => [job.id, job.data, job.opts.attempts])).toEqual(
      expect.arrayContaining([
        ['outbox-1', { schoolId: 'a' }, 5],
        ['outbox-3', { schoolId: 'b' }, 5],
      ]),
    );
    expect(waiting).toHaveLength(2);
    expect(await sut.health()).toBe('up');
  });

  it('starts while Redis is down, refuses hand-overs at once (never hangs), and registers the nightly jobs when Redis appears', async () => {
    await redis.stop();
    const started = Date.now();
    await boot();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sut.isUp()).toBe(false);
    expect(await sut.health()).toBe('down');

    const refused = Date.now();
    await expect(sut.enqueue(JobName.RefreshHeadcounts, {}, { jobId: 'outbox-9' })).rejects.toThrow(QueueUnavailableError);
    expect(Date.now() - refused).toBeLessThan(100);

    await redis.start();
    await eventually(async () =>
      expect((await inspect.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
        'nightly-headcounts',
        'nightly-rotation-completion',
        'nightly-shortage-scan',
      ]),
    );
    expect(await sut.health()).toBe('up');
    expect(Logger.prototype.error).not.toHaveBeenCalled(); // the outage was told in one warning, not an error per attempt
  }, 30_000);

  it('registers the nightly jobs again when Redis comes back empty (one scheduler, however often)', async () => {
    await redis.start();
    await boot();
    await eventually(async () =>
      expect((await sut.schedules()).map((s) => s.id).sort()).toEqual(['nightly-headcounts', 'nightly-rotation-completion', 'nightly-shortage-scan']),
    );

    const registered = () => (Logger.prototype.log as jest.Mock).mock.calls.filter(([message]) => /^Nightly jobs registered/.test(message)).length;
    const before = registered();

    await redis.stop();
    await redis.start(); // a fresh, empty Redis on the same address (no persistence)
    await eventually(() => expect(registered()).toBe(before + 1));
    expect((await sut.schedules()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'nightly-headcounts', name: JobName.RefreshHeadcounts, pattern: NIGHTLY.pattern, next: expect.any(Date) },
      { id: 'nightly-rotation-completion', name: JobName.CompleteRotationPlans, pattern: NIGHTLY.pattern, next: expect.any(Date) },
      { id: 'nightly-shortage-scan', name: JobName.NightlyShortageScan, pattern: NIGHTLY.pattern, next: expect.any(Date) },
    ]);
  }, 30_000);
});

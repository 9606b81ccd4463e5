import { Injectable, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { JobHandler, JobProcessor } from './job-handler.decorator';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';
import { JobQueue } from './job-queue';
import { JobHandlersIncompleteError, JobRegistry } from './job-registry';
import { QueueModule } from './queue.module';

const seen: string[] = [];

@Injectable()
@JobHandler(JobName.RecomputeSchoolHeadcount)
class HeadcountHandler implements JobProcessor<JobName.RecomputeSchoolHeadcount> {
  async process(payload: JobPayloads[JobName.RecomputeSchoolHeadcount]): Promise<void> {
    if (payload.schoolId === 'explode') throw new Error('boom');
    seen.push(payload.schoolId);
  }
}

@Injectable()
@JobHandler(JobName.RecomputeSchoolHeadcount)
class SecondHeadcountHandler extends HeadcountHandler {}

@Injectable()
@JobHandler(JobName.RefreshHeadcounts)
class RefreshHandler implements JobProcessor<JobName.RefreshHeadcounts> {
  async process(): Promise<void> {
    seen.push('all');
  }
}

/** Handlers of the shortage jobs, which every test here needs present (the cases are about the headcount jobs). */
@Injectable()
@JobHandler(JobName.ScanShortageBatch)
class ScanBatchHandler implements JobProcessor<JobName.ScanShortageBatch> {
  async process(payload: JobPayloads[JobName.ScanShortageBatch]): Promise<void> {
    seen.push(`batch:${payload.batchId}`);
  }
}

@Injectable()
@JobHandler(JobName.NightlyShortageScan)
class NightlyScanHandler implements JobProcessor<JobName.NightlyShortageScan> {
  async process(): Promise<void> {
    seen.push('nightly-scan');
  }
}

@Injectable()
@JobHandler(JobName.RescanSchoolShortages)
class RescanHandler implements JobProcessor<JobName.RescanSchoolShortages> {
  async process(payload: JobPayloads[JobName.RescanSchoolShortages]): Promise<void> {
    seen.push(`rescan:${payload.schoolId}`);
  }
}

@Injectable()
@JobHandler(JobName.CompleteRotationPlans)
class CompletionHandler implements JobProcessor<JobName.CompleteRotationPlans> {
  async process(): Promise<void> {
    seen.push('rotation-completion');
  }
}

@Injectable()
@JobHandler(JobName.PreviewImport)
class PreviewImportHandler implements JobProcessor<JobName.PreviewImport> {
  async process(): Promise<void> {
    seen.push('import-preview');
  }
}

const sync = { driver: 'sync' as const, prefix: 'test' };

async function boot(handlers: (new () => unknown)[], nightly?: { pattern: string; timezone: string }) {
  @Module({ providers: [...handlers, ScanBatchHandler, NightlyScanHandler, RescanHandler, CompletionHandler, PreviewImportHandler] })
  class Handlers {}
  const moduleRef = await Test.createTestingModule({ imports: [QueueModule.forRoot({ queue: sync, consume: true, nightly }), Handlers] }).compile();
  return moduleRef;
}

describe('queue layer', () => {
  beforeEach(() => seen.splice(0));

  it('starts when every job name has exactly one handler, and the sync driver runs jobs inline', async () => {
    const moduleRef = await boot([HeadcountHandler, RefreshHandler]);
    await moduleRef.init();
    const sut = moduleRef.get(JobQueue);
    expect(sut.driverKind).toBe('sync');
    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 's1' });
    expect(seen).toEqual(['s1']);
    expect(await sut.health()).toBe('up');
    await moduleRef.close();
  });

  it('refuses to start a consuming process when a job has no handler', async () => {
    const moduleRef = await boot([RefreshHandler]);
    await expect(moduleRef.init()).rejects.toThrow(JobHandlersIncompleteError);
    await expect(moduleRef.init()).rejects.toThrow(/school.recompute-headcount has no handler/);
  });

  it('refuses two handlers for one job', async () => {
    const moduleRef = await boot([HeadcountHandler, SecondHeadcountHandler, RefreshHandler]);
    await expect(moduleRef.init()).rejects.toThrow(/has 2 handlers/);
  });

  it('sync driver: a failing job is logged, not retried, and does not fail the caller', async () => {
    const moduleRef = await boot([HeadcountHandler, RefreshHandler]);
    await moduleRef.init();
    const sut = moduleRef.get(JobQueue);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await expect(sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 'explode' })).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^job school.recompute-headcount failed after \d+ ms: boom$/), expect.any(String));
    logged.mockRestore();
    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 's2' });
    expect(seen).toEqual(['s2']);
    await moduleRef.close();
  });

  it('sync driver: registers the nightly jobs as in-process timers in the bureau’s time zone, and stops them on close', async () => {
    const moduleRef = await boot([HeadcountHandler, RefreshHandler], { pattern: '30 2 * * *', timezone: 'Asia/Shanghai' });
    await moduleRef.init();
    const schedules = await moduleRef.get(JobQueue).schedules();
    expect(schedules).toEqual([
      { id: 'nightly-headcounts', name: JobName.RefreshHeadcounts, pattern: '30 2 * * *', next: expect.any(Date) },
      { id: 'nightly-shortage-scan', name: JobName.NightlyShortageScan, pattern: '30 2 * * *', next: expect.any(Date) },
      { id: 'nightly-rotation-completion', name: JobName.CompleteRotationPlans, pattern: '30 2 * * *', next: expect.any(Date) },
    ]);
    // 02:30 in Beijing is 18:30 UTC the day before.
    expect(schedules[0].next?.toISOString()).toMatch(/T18:30:00\.000Z$/);
    await moduleRef.close();
    expect(await moduleRef.get(JobQueue).schedules()).toEqual([]);
  });

  it('logs each job’s start, its end with the time taken, and a failure with the attempt and whether it is retried', async () => {
    const moduleRef = await boot([HeadcountHandler, RefreshHandler]);
    await moduleRef.init();
    const sut = moduleRef.get(JobRegistry);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await sut.run(JobName.RecomputeSchoolHeadcount, { schoolId: 's4' }, { id: '17', attempt: 1, attempts: 5 });
      expect(log.mock.calls.map(([message]) => message)).toEqual([
        'job school.recompute-headcount 17 started (attempt 1 of 5)',
        expect.stringMatching(/^job school.recompute-headcount 17 done in \d+ ms$/),
      ]);
      await expect(sut.run(JobName.RecomputeSchoolHeadcount, { schoolId: 'explode' }, { id: '18', attempt: 2, attempts: 5 })).rejects.toThrow('boom');
      await expect(sut.run(JobName.RecomputeSchoolHeadcount, { schoolId: 'explode' }, { id: '18', attempt: 5, attempts: 5 })).rejects.toThrow('boom');
      expect(error.mock.calls.map(([message]) => message)).toEqual([
        expect.stringMatching(/^job school.recompute-headcount 18 failed after \d+ ms \(attempt 2 of 5, will retry\): boom$/),
        expect.stringMatching(/^job school.recompute-headcount 18 failed after \d+ ms \(attempt 5 of 5, no attempts left\): boom$/),
      ]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    await moduleRef.close();
  });

  it('dispatch by name reaches the handler through the registry', async () => {
    const moduleRef = await boot([HeadcountHandler, RefreshHandler]);
    await moduleRef.init();
    await moduleRef.get(JobRegistry).dispatch(JobName.RecomputeSchoolHeadcount, { schoolId: 's3' });
    expect(seen).toEqual(['s3']);
    await moduleRef.close();
  });
});

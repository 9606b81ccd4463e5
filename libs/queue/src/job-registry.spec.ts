import { Injectable, Module } from '@nestjs/common';
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

const sync = { driver: 'sync' as const, prefix: 'test' };

async function boot(handlers: (new () => unknown)[]) {
  @Module({ providers: handlers })
  class Handlers {}
  const moduleRef = await Test.createTestingModule({ imports: [QueueModule.forRoot({ queue: sync, consume: true }), Handlers] }).compile();
  return moduleRef;
}

describe('queue layer', () => {
  beforeEach(() => seen.splice(0));

  it('starts when every job name has exactly one handler, and the sync driver runs jobs inline', async () => {
    const moduleRef = await boot([HeadcountHandler]);
    await moduleRef.init();
    const sut = moduleRef.get(JobQueue);
    expect(sut.driverKind).toBe('sync');
    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 's1' });
    expect(seen).toEqual(['s1']);
    expect(await sut.health()).toBe('up');
    await moduleRef.close();
  });

  it('refuses to start a consuming process when a job has no handler', async () => {
    const moduleRef = await boot([]);
    await expect(moduleRef.init()).rejects.toThrow(JobHandlersIncompleteError);
    await expect(moduleRef.init()).rejects.toThrow(/school.recompute-headcount has no handler/);
  });

  it('refuses two handlers for one job', async () => {
    const moduleRef = await boot([HeadcountHandler, SecondHeadcountHandler]);
    await expect(moduleRef.init()).rejects.toThrow(/has 2 handlers/);
  });

  it('sync driver: a failing job is logged, not retried, and does not fail the caller', async () => {
    const moduleRef = await boot([HeadcountHandler]);
    await moduleRef.init();
    const sut = moduleRef.get(JobQueue);
    await expect(sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 'explode' })).resolves.toBeUndefined();
    await sut.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId: 's2' });
    expect(seen).toEqual(['s2']);
    await moduleRef.close();
  });

  it('dispatch by name reaches the handler through the registry', async () => {
    const moduleRef = await boot([HeadcountHandler]);
    await moduleRef.init();
    await moduleRef.get(JobRegistry).dispatch(JobName.RecomputeSchoolHeadcount, { schoolId: 's3' });
    expect(seen).toEqual(['s3']);
    await moduleRef.close();
  });
});

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/database';
import { JobName, JobQueue } from '@app/queue';

/** Queues a recount of schools' cached headcounts once the write that changed them commits. */
@Injectable()
export class HeadcountRefresh {
  constructor(
    private readonly tx: TransactionHost,
    private readonly jobs: JobQueue,
  ) {}

  async afterCommit(schoolIds: string[]): Promise<void> {
    const unique = [...new Set(schoolIds)];
    if (unique.length === 0) return;
    await this.tx.afterCommit(async () => {
      for (const schoolId of unique) await this.jobs.enqueue(JobName.RecomputeSchoolHeadcount, { schoolId });
    });
  }
}

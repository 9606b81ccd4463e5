import { Injectable } from '@nestjs/common';
import { JobName, JobOutbox } from '@app/queue';

/** Records, in the transaction of the write that changed them, a recount of schools' cached headcounts. */
@Injectable()
export class HeadcountRefresh {
  constructor(private readonly outbox: JobOutbox) {}

  /** Call inside the write's `tx.run`: one job per school (the queue deduplicates them per school). */
  async recount(schoolIds: string[]): Promise<void> {
    for (const schoolId of new Set(schoolIds)) await this.outbox.add(JobName.RecomputeSchoolHeadcount, { schoolId });
  }
}

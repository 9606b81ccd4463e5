import { Injectable } from '@nestjs/common';
import { JobName, JobOutbox } from '@app/queue';

/** Records, in the transaction of the write that changed them, a recount of schools' cached headcounts. */
@Injectable()
export class HeadcountRefresh {
  constructor(private readonly outbox: JobOutbox) {}

  /** Call inside the write's `tx.run`: one job per school (the queue deduplicates them per school). */
  async recount(schoolIds: string[]): Promise<void> {
    await this.outbox.addMany(
      JobName.RecomputeSchoolHeadcount,
      [...new Set(schoolIds)].map((schoolId) => ({ payload: { schoolId } })),
    );
  }
}

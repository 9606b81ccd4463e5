import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { JobName, JobOutbox } from '@app/queue';

/**
 * Records, in the transaction of a write that changes what a school's shortages depend on (its
 * postings, enrolment, classification, stage, or what its teachers teach), a rescan of the
 * school after SHORTAGE_RESCAN_DELAY_MS. Debounced per school: while a rescan waits, further
 * changes join it (ten writes in a minute make one rescan), and it reads them all when it runs.
 */
@Injectable()
export class ShortageRescans {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly config: AppConfig,
  ) {}

  /** Call inside the write's `tx.run`. */
  async request(schoolIds: readonly string[]): Promise<void> {
    await this.outbox.addMany(
      JobName.RescanSchoolShortages,
      [...new Set(schoolIds)].map((schoolId) => ({
        payload: { schoolId },
        options: { delayMs: this.config.shortages.rescanDelayMs, dedupeKey: `shortage-rescan:${schoolId}` },
      })),
    );
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { ReferenceRepository, ShortageScanRepository, TransactionHost } from '@app/database';
import { PROVINCE_SCOPE } from '@app/domain';
import { JobName, JobOutbox } from '@app/queue';
import { ScanPlanner } from './scan-planner';

/** A unit of work untouched this long is taken to have lost its job (a process died with it, or the queue gave up). */
const STALLED_AFTER_MS = 60 * 60 * 1000;
const STALLED_PER_NIGHT = 10_000;

/**
 * The nightly scan of every county: filed once a night (the night's date is unique, so the job
 * running twice files one scan), and units of work left waiting by earlier scans are queued again.
 */
@Injectable()
export class NightlyShortageScanUseCase {
  private readonly logger = new Logger(NightlyShortageScanUseCase.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
    private readonly scans: ShortageScanRepository,
    private readonly planner: ScanPlanner,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ scanId: string; requeued: number }> {
    const night = this.clock.today();
    const requeued = await this.requeueStalled();
    const scanId = await this.tx.run(async () => {
      const filed = await this.scans.findNightly(night);
      if (filed) return filed.id;
      const countyIds = (await this.reference.countiesInScope(PROVINCE_SCOPE)).map((county) => county.id);
      const scan = await this.planner.plan({ trigger: 'NIGHTLY', countyIds, countyId: null, cityId: null, nightOf: night });
      return scan.id;
    });
    return { scanId, requeued };
  }

  private async requeueStalled(): Promise<number> {
    const now = this.clock.now();
    return this.tx.run(async () => {
      const stalled = await this.scans.stalledBatches(new Date(now.getTime() - STALLED_AFTER_MS), STALLED_PER_NIGHT);
      for (const batch of stalled) await this.outbox.add(JobName.ScanShortageBatch, { scanId: batch.scanId, batchId: batch.id });
      await this.scans.touchBatches(
        stalled.map((batch) => batch.id),
        now,
      );
      if (stalled.length > 0) this.logger.warn(`${stalled.length} unit(s) of shortage scans had been waiting over an hour: queued again`);
      return stalled.length;
    });
  }
}

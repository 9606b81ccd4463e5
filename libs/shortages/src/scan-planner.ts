import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock, newId } from '@app/core';
import { ScanTrigger, ShortageScanBatchEntity, ShortageScanEntity, ShortageScanRepository, TransactionHost } from '@app/database';
import { JobName, JobOutbox } from '@app/queue';

/** What a new scan covers and why it runs. */
export interface ScanRequest {
  readonly trigger: ScanTrigger;
  /** The counties whose schools it scans (all of them), unless `schoolId` narrows it to one school. */
  readonly countyIds: readonly string[];
  /** How it is filed for reading: one county, one city, or the province (both null). */
  readonly countyId: string | null;
  readonly cityId: string | null;
  readonly schoolId?: string | null;
  readonly requestedBy?: string | null;
  readonly nightOf?: string | null;
}

/**
 * Files a scan and its units of work, and queues a job per unit, in the caller's transaction
 * (docs/rules.md, "Shortages": scans). Units hold at most SHORTAGE_SCAN_BATCH schools of one
 * county. A scan with no school to scan is DONE at once.
 */
@Injectable()
export class ScanPlanner {
  constructor(
    private readonly tx: TransactionHost,
    private readonly scans: ShortageScanRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async plan(request: ScanRequest): Promise<ShortageScanEntity> {
    if (!this.tx.inTransaction) throw new Error('ScanPlanner.plan runs inside the transaction of the write that asks for the scan');
    const now = this.clock.now();
    const schools = await this.scans.schoolsOf(request.countyIds, request.schoolId ?? undefined);
    const scan = Object.assign(new ShortageScanEntity(), {
      id: newId(),
      trigger: request.trigger,
      countyId: request.countyId,
      cityId: request.cityId,
      schoolId: request.schoolId ?? null,
      requestedBy: request.requestedBy ?? null,
      asOf: this.clock.today(),
      nightOf: request.nightOf ?? null,
      status: schools.length === 0 ? 'DONE' : 'QUEUED',
      schoolsTotal: schools.length,
      schoolsScanned: 0,
      schoolsFailed: 0,
      flagsOpened: 0,
      flagsUpdated: 0,
      flagsResolved: 0,
      error: null,
      createdAt: now,
      startedAt: schools.length === 0 ? now : null,
      finishedAt: schools.length === 0 ? now : null,
    } satisfies ShortageScanEntity);
    await this.scans.insertScan(scan);

    const batches: ShortageScanBatchEntity[] = [];
    const size = this.config.shortages.batchSize;
    for (const countyId of new Set(schools.map((school) => school.countyId))) {
      const ids = schools.filter((school) => school.countyId === countyId).map((school) => school.id);
      for (let i = 0; i < ids.length; i += size) {
        batches.push(
          Object.assign(new ShortageScanBatchEntity(), {
            id: newId(),
            scanId: scan.id,
            countyId,
            pending: ids.slice(i, i + size),
            status: 'PENDING',
            failedTries: 0,
            lastError: null,
            updatedAt: now,
          } satisfies ShortageScanBatchEntity),
        );
      }
    }
    await this.scans.insertBatches(batches);
    for (const batch of batches) await this.outbox.add(JobName.ScanShortageBatch, { scanId: scan.id, batchId: batch.id });
    return scan;
  }
}

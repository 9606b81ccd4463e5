import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock, newId } from '@app/core';
import {
  ScanCounts,
  ShortageFactsRepository,
  ShortageFlagEntity,
  ShortageFlagRepository,
  ShortageSchool,
  ShortageScanRepository,
  TransactionHost,
} from '@app/database';
import {
  batchOutcome,
  FlagChanges,
  flagChanges,
  findShortages,
  FoundShortage,
  notifiesOfFlag,
  scanStatusOf,
  schoolYearOf,
  SchoolFailure,
  shortageFlagNotice,
  shortageFlagRecipients,
  StoredFlag,
} from '@app/domain';
import { Notifier } from '@app/notifications';
import { PolicyStore } from '@app/policy';
import { JobName, JobOutbox } from '@app/queue';

/** The first wait before a failing school is tried again (doubled each try). */
const FIRST_RETRY_MS = 2000;

const milli = (value: number) => Math.round(value * 1000);
const fromMilli = (value: number) => value / 1000;

export interface BatchResult {
  /** False when the unit was already finished (a job delivered twice): nothing was done. */
  readonly ran: boolean;
  readonly counts: ScanCounts;
}

/**
 * Scans one unit of work of a shortage scan, in one transaction (docs/rules.md, "Shortages"):
 * reads the facts of its schools set-based, runs findShortages and flagChanges for each school,
 * writes the flags, notifies the new and reopened HIGH and CRITICAL ones, and adds its counts to
 * the scan; the last unit to finish closes the scan (DONE, or FAILED when a school kept failing).
 *
 * Idempotent: the unit's row is locked and a finished unit is left alone, so a job delivered
 * twice, or run again after its worker died mid-way (its transaction rolled back), counts once.
 * A school whose scan throws does not stop the others: it is tried again later on its own, up to
 * SHORTAGE_SCAN_ATTEMPTS tries.
 */
@Injectable()
export class ScanShortageBatchUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly scans: ShortageScanRepository,
    private readonly flags: ShortageFlagRepository,
    private readonly facts: ShortageFactsRepository,
    private readonly policy: PolicyStore,
    private readonly notifier: Notifier,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute(command: { scanId: string; batchId: string }): Promise<BatchResult> {
    const none: ScanCounts = { schoolsScanned: 0, schoolsFailed: 0, flagsOpened: 0, flagsUpdated: 0, flagsResolved: 0 };
    return this.tx.run(async () => {
      const batch = await this.scans.lockBatch(command.batchId);
      if (!batch || batch.scanId !== command.scanId || batch.status !== 'PENDING') return { ran: false, counts: none };
      const scan = await this.scans.findScan(batch.scanId);
      if (!scan) return { ran: false, counts: none };
      const startedAt = this.clock.now();
      const { version, parameters } = await this.policy.inForce(scan.asOf);

      await this.flags.lockSchools(batch.pending);
      const schools = await this.facts.schoolFacts(batch.pending, scan.asOf, schoolYearOf(scan.asOf));
      const stored = groupBySchool(await this.flags.ofSchools(schools.map((school) => school.schoolId)));

      const counts: ScanCounts = { ...none };
      const failures: SchoolFailure[] = [];
      for (const school of schools) {
        let changes: FlagChanges;
        try {
          const found = findShortages(school, parameters.shortage, version);
          changes = flagChanges(found, (stored.get(school.schoolId) ?? []).map(storedFlag));
        } catch (error) {
          failures.push({ schoolId: school.schoolId, error: error instanceof Error ? error.message : String(error) });
          continue;
        }
        await this.write(school, changes, scan.id, startedAt);
        counts.schoolsScanned += 1;
        counts.flagsOpened += changes.open.length + changes.reopen.length;
        counts.flagsUpdated += changes.update.length;
        counts.flagsResolved += changes.resolve.length;
      }
      // Schools deleted since the scan was filed have nothing left to scan.
      counts.schoolsScanned += batch.pending.length - schools.length;

      const outcome = batchOutcome(failures, batch.failedTries, this.config.shortages.attempts, FIRST_RETRY_MS);
      // The scan's row first, before the unit's row changes: writing the unit checks its foreign key, which takes a
      // shared lock on the scan's row; units of one scan that held that shared lock and then both asked for the
      // exclusive one would deadlock. Taken here, units of one scan take turns only for these last statements.
      const locked = await this.scans.lockScan(scan.id);
      if (outcome.status === 'DONE') {
        await this.scans.saveBatch(batch.id, { status: 'DONE', pending: [], updatedAt: startedAt });
      } else {
        await this.scans.saveBatch(batch.id, {
          status: outcome.status,
          pending: [...outcome.pending],
          failedTries: outcome.failedTries,
          lastError: outcome.error,
          updatedAt: startedAt,
        });
        if (outcome.status === 'PENDING') {
          await this.outbox.add(JobName.ScanShortageBatch, { scanId: scan.id, batchId: batch.id }, { delayMs: outcome.retryInMs });
        } else {
          counts.schoolsFailed += outcome.pending.length;
        }
      }

      await this.scans.addCounts(scan.id, counts);
      const status = scanStatusOf(await this.scans.batchTally(scan.id));
      await this.scans.saveScan(scan.id, {
        status,
        startedAt: locked?.startedAt ?? startedAt,
        ...(status === 'RUNNING' ? {} : { finishedAt: this.clock.now() }),
        ...(outcome.status === 'FAILED' && !locked?.error ? { error: outcome.error } : {}),
      });
      return { ran: true, counts };
    });
  }

  /** Writes what one school's scan changed, and notifies the flags that call for it. */
  private async write(school: ShortageSchool, changes: FlagChanges, scanId: string, at: Date): Promise<void> {
    const opened = changes.open.map((found) =>
      Object.assign(new ShortageFlagEntity(), {
        id: newId(),
        schoolId: school.schoolId,
        countyId: school.countyId,
        kind: found.kind,
        subject: found.subject,
        subjectKey: found.subject ?? '',
        status: 'OPEN',
        openedAt: at,
        lastSeenAt: at,
        resolvedAt: null,
        lastScanId: scanId,
        updatedAt: at,
        ...figures(found),
      } satisfies Omit<ShortageFlagEntity, 'school'>),
    );
    await this.flags.insert(opened);
    for (const { flag, found } of changes.reopen) {
      await this.flags.update(flag.id, {
        status: 'OPEN',
        openedAt: at,
        lastSeenAt: at,
        resolvedAt: null,
        lastScanId: scanId,
        updatedAt: at,
        ...figures(found),
      });
    }
    for (const { flag, found } of changes.update) {
      await this.flags.update(flag.id, { lastSeenAt: at, lastScanId: scanId, updatedAt: at, ...figures(found) });
    }
    await this.flags.seen(
      changes.unchanged.map(({ flag }) => flag.id),
      at,
      scanId,
    );
    await this.flags.resolve(
      changes.resolve.map((flag) => flag.id),
      at,
      scanId,
    );

    const notices = [
      ...opened.map((flag, index) => ({ id: flag.id, found: changes.open[index], kind: 'SHORTAGE_FLAG_OPENED' as const })),
      ...changes.reopen.map(({ flag, found }) => ({ id: flag.id, found, kind: 'SHORTAGE_FLAG_REOPENED' as const })),
    ];
    for (const { id, found, kind } of notices) {
      if (!notifiesOfFlag(found.severity)) continue;
      await this.notifier.notify({
        kind,
        params: shortageFlagNotice(found, school.name),
        to: shortageFlagRecipients({ countyId: school.countyId, schoolId: school.schoolId }),
        about: { entity: 'shortage_flag', entityId: id, countyId: school.countyId, schoolId: school.schoolId },
        dedupeKey: `shortage_flag:${id}:opened:${at.toISOString()}`,
      });
    }
  }
}

function figures(found: FoundShortage) {
  return {
    severity: found.severity,
    requiredMilli: milli(found.requiredFte),
    actualMilli: milli(found.actualFte),
    gapMilli: milli(found.gap),
    policyVersion: found.explanation.policyVersion,
    explanation: found.explanation,
  };
}

function storedFlag(flag: ShortageFlagEntity): StoredFlag {
  return {
    id: flag.id,
    kind: flag.kind,
    subject: flag.subject,
    status: flag.status,
    severity: flag.severity,
    requiredFte: fromMilli(flag.requiredMilli),
    actualFte: fromMilli(flag.actualMilli),
    gap: fromMilli(flag.gapMilli),
  };
}

function groupBySchool(flags: ShortageFlagEntity[]): Map<string, ShortageFlagEntity[]> {
  const grouped = new Map<string, ShortageFlagEntity[]>();
  for (const flag of flags) {
    const ofSchool = grouped.get(flag.schoolId);
    if (ofSchool) ofSchool.push(flag);
    else grouped.set(flag.schoolId, [flag]);
  }
  return grouped;
}

import { Injectable } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import type { Scope } from '@app/domain';
import { ShortageScanBatchEntity, ShortageScanEntity } from '../entities';
import { TransactionHost } from '../transaction-host';

/** Increments of a scan's counters. */
export interface ScanCounts {
  schoolsScanned: number;
  schoolsFailed: number;
  flagsOpened: number;
  flagsUpdated: number;
  flagsResolved: number;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * Shortage scans and their units of work. A unit is locked (MySQL/MariaDB: FOR UPDATE) by the job
 * that scans it, so two deliveries of the same job take turns and the second finds it done; a
 * scan's row is locked by each unit that finishes, so the last one to finish knows it is the last.
 */
@Injectable()
export class ShortageScanRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insertScan(scan: ShortageScanEntity): Promise<void> {
    await this.tx.manager.insert(ShortageScanEntity, scan);
  }

  async insertBatches(batches: ShortageScanBatchEntity[]): Promise<void> {
    for (let i = 0; i < batches.length; i += 200) {
      await this.tx.manager.insert(ShortageScanBatchEntity, batches.slice(i, i + 200));
    }
  }

  /** The schools of the counties (only `schoolId` among them, when given), by county then id: what a scan of them covers. */
  async schoolsOf(countyIds: readonly string[], schoolId?: string): Promise<{ id: string; countyId: string }[]> {
    if (countyIds.length === 0) return [];
    const query = this.tx.manager
      .createQueryBuilder()
      .select(['s.id AS id', 's.county_id AS countyId'])
      .from('school', 's')
      .where('s.county_id IN (:...countyIds)', { countyIds: [...countyIds] });
    if (schoolId !== undefined) query.andWhere('s.id = :schoolId', { schoolId });
    return query.orderBy('s.county_id').addOrderBy('s.id').getRawMany<{ id: string; countyId: string }>();
  }

  async findScan(id: string): Promise<ShortageScanEntity | null> {
    return this.tx.manager.findOne(ShortageScanEntity, { where: { id } });
  }

  async findNightly(night: string): Promise<ShortageScanEntity | null> {
    return this.tx.manager.findOne(ShortageScanEntity, { where: { nightOf: night } });
  }

  /** The scan's row, locked for the rest of the transaction (MySQL/MariaDB). */
  async lockScan(id: string): Promise<ShortageScanEntity | null> {
    const query = this.tx.manager.createQueryBuilder(ShortageScanEntity, 'scan').where('scan.id = :id', { id });
    if (this.tx.dialect === 'mysql') query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** The unit's row, locked for the rest of the transaction (MySQL/MariaDB). */
  async lockBatch(id: string): Promise<ShortageScanBatchEntity | null> {
    const query = this.tx.manager.createQueryBuilder(ShortageScanBatchEntity, 'batch').where('batch.id = :id', { id });
    if (this.tx.dialect === 'mysql') query.setLock('pessimistic_write');
    return query.getOne();
  }

  async saveBatch(id: string, changes: Partial<ShortageScanBatchEntity>): Promise<void> {
    await this.tx.manager.update(ShortageScanBatchEntity, { id }, changes);
  }

  async saveScan(id: string, changes: Partial<ShortageScanEntity>): Promise<void> {
    await this.tx.manager.update(ShortageScanEntity, { id }, changes);
  }

  /** Adds to the scan's counters in one statement. */
  async addCounts(id: string, counts: ScanCounts): Promise<void> {
    const add = (column: string, value: number) => () => `${column} + ${Math.trunc(value)}`;
    await this.tx.manager
      .createQueryBuilder()
      .update(ShortageScanEntity)
      .set({
        schoolsScanned: add('schools_scanned', counts.schoolsScanned),
        schoolsFailed: add('schools_failed', counts.schoolsFailed),
        flagsOpened: add('flags_opened', counts.flagsOpened),
        flagsUpdated: add('flags_updated', counts.flagsUpdated),
        flagsResolved: add('flags_resolved', counts.flagsResolved),
      })
      .where('id = :id', { id })
      .execute();
  }

  /** How many of the scan's units are still PENDING and how many FAILED. */
  async batchTally(scanId: string): Promise<{ pending: number; failed: number }> {
    const rows = await this.tx.manager
      .createQueryBuilder(ShortageScanBatchEntity, 'b')
      .select('b.status', 'status')
      .addSelect('COUNT(*)', 'units')
      .where('b.scan_id = :scanId', { scanId })
      .andWhere("b.status IN ('PENDING', 'FAILED')")
      .groupBy('b.status')
      .getRawMany<{ status: string; units: unknown }>();
    const of = (status: string) => num(rows.find((row) => row.status === status)?.units);
    return { pending: of('PENDING'), failed: of('FAILED') };
  }

  /** Units still PENDING that nobody has touched since `before` (their job was lost with a process that died, or ran out of tries). */
  async stalledBatches(before: Date, limit: number): Promise<ShortageScanBatchEntity[]> {
    return this.tx.manager.find(ShortageScanBatchEntity, {
      where: { status: 'PENDING', updatedAt: LessThan(before) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
  }

  async touchBatches(ids: string[], at: Date): Promise<void> {
    if (ids.length > 0) await this.tx.manager.update(ShortageScanBatchEntity, { id: In(ids) }, { updatedAt: at });
  }

  /** A scan the scope may read: a county officer the scans that covered their county (its own, its city's, the province's); a city officer their city's and its counties'; the administrator all. */
  async findInScope(scope: Scope, id: string): Promise<ShortageScanEntity | null> {
    return this.visible(scope).andWhere('scan.id = :id', { id }).getOne();
  }

  /** Recent scans in the scope, newest first. */
  async list(scope: Scope, filter: { countyId?: string; status?: string }, offset: number, limit: number): Promise<[ShortageScanEntity[], number]> {
    const query = this.visible(scope);
    if (filter.countyId) query.andWhere('scan.county_id = :countyId', { countyId: filter.countyId });
    if (filter.status) query.andWhere('scan.status = :status', { status: filter.status });
    return query.orderBy('scan.created_at', 'DESC').addOrderBy('scan.id', 'DESC').offset(offset).limit(limit).getManyAndCount();
  }

  /** The newest scan that covered the whole county (its own, its city's or the province's). */
  async latestCovering(county: { id: string; cityId: string }): Promise<ShortageScanEntity | null> {
    return this.tx.manager
      .createQueryBuilder(ShortageScanEntity, 'scan')
      .where('scan.school_id IS NULL')
      .andWhere('(scan.county_id = :countyId OR (scan.county_id IS NULL AND (scan.city_id = :cityId OR scan.city_id IS NULL)))', {
        countyId: county.id,
        cityId: county.cityId,
      })
      .orderBy('scan.created_at', 'DESC')
      .addOrderBy('scan.id', 'DESC')
      .getOne();
  }

  private visible(scope: Scope) {
    const query = this.tx.manager.createQueryBuilder(ShortageScanEntity, 'scan');
    switch (scope.level) {
      case 'PROVINCE':
        return query.where('1 = 1');
      case 'CITY':
        return query.where('(scan.city_id = :cityId OR scan.county_id IN (SELECT c.id FROM county c WHERE c.city_id = :cityId))', {
          cityId: scope.cityId,
        });
      case 'COUNTY':
        // Its own scans and rescans, and the scans of its whole city or of the province, which covered it too.
        return query.where(
          '(scan.county_id = :countyId OR (scan.county_id IS NULL AND (scan.city_id IS NULL OR scan.city_id = (SELECT c.city_id FROM county c WHERE c.id = :countyId))))',
          { countyId: scope.countyId },
        );
      default:
        return query.where('1 = 0');
    }
  }
}

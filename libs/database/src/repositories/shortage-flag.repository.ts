import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Scope } from '@app/domain';
import { SchoolEntity, ShortageFlagEntity } from '../entities';
import { schoolCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';

export interface ShortageFlagFilter {
  countyId?: string;
  schoolId?: string;
  subject?: string;
  kind?: string;
  status?: string;
  severity?: string;
}

/** A flag read with the name and county of its school. */
export type ShortageFlagRow = ShortageFlagEntity & { school: Pick<SchoolEntity, 'id' | 'name' | 'code' | 'countyId'> };

/** Open flags counted by one grouping. */
export interface FlagCount {
  key: string | null;
  severity: string;
  flags: number;
}

/** A school with open flags: how many at each severity and its largest gap. */
export interface SchoolFlagTotals {
  schoolId: string;
  code: string;
  name: string;
  critical: number;
  high: number;
  medium: number;
  gapMilli: number;
}

/** Open flags of a county at one severity (for a city's or the province's roll-up). */
export interface CountyFlagTotals {
  countyId: string;
  severity: string;
  flags: number;
}

/** Rows a statement inserts at most (19 columns each: far below both dialects' placeholder limits). */
const ROWS_PER_INSERT = 200;

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * Shortage flags. Reads take the caller's scope (officers their counties, a principal their
 * school); the scan's writes are by id, inside its transaction. Queries only: which flags open,
 * change or resolve is decided by flagChanges in libs/domain.
 */
@Injectable()
export class ShortageFlagRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Locks the schools' rows (MySQL/MariaDB, in id order) for the rest of the transaction, so that
   * two scans of one school (the nightly one and a rescan after a change) take turns. SQLite runs
   * one write transaction at a time anyway.
   */
  async lockSchools(schoolIds: readonly string[]): Promise<void> {
    if (this.tx.dialect !== 'mysql' || schoolIds.length === 0) return;
    await this.tx.manager
      .createQueryBuilder(SchoolEntity, 's')
      .select('s.id', 'id')
      .where('s.id IN (:...ids)', { ids: [...schoolIds] })
      .orderBy('s.id')
      .setLock('pessimistic_write')
      .getRawMany();
  }

  /** Every flag (open or resolved) of the schools. */
  async ofSchools(schoolIds: readonly string[]): Promise<ShortageFlagEntity[]> {
    if (schoolIds.length === 0) return [];
    return this.tx.manager.find(ShortageFlagEntity, { where: { schoolId: In([...schoolIds]) }, order: { schoolId: 'ASC', id: 'ASC' } });
  }

  async insert(flags: ShortageFlagEntity[]): Promise<void> {
    for (let i = 0; i < flags.length; i += ROWS_PER_INSERT) {
      await this.tx.manager.insert(ShortageFlagEntity, flags.slice(i, i + ROWS_PER_INSERT));
    }
  }

  async update(id: string, changes: Partial<ShortageFlagEntity>): Promise<void> {
    await this.tx.manager.update(ShortageFlagEntity, { id }, changes);
  }

  /** Flags found again unchanged: only seen again, by this scan. */
  async seen(ids: readonly string[], seenAt: Date, scanId: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.tx.manager.update(ShortageFlagEntity, { id: In(ids.slice(i, i + 500)) }, { lastSeenAt: seenAt, lastScanId: scanId });
    }
  }

  /** Flags no longer found: resolved at `resolvedAt` by this scan. */
  async resolve(ids: readonly string[], resolvedAt: Date, scanId: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.tx.manager.update(
        ShortageFlagEntity,
        { id: In(ids.slice(i, i + 500)) },
        { status: 'RESOLVED', resolvedAt, lastScanId: scanId, updatedAt: resolvedAt },
      );
    }
  }

  async findInScope(scope: Scope, id: string): Promise<ShortageFlagRow | null> {
    const visible = schoolCondition(scope, 'school');
    return (await this.withSchool().where('f.id = :id', { id }).andWhere(visible.sql, visible.params).getOne()) as ShortageFlagRow | null;
  }

  /** Flags in the scope, filtered: most severe first, then the largest gap, then the school. */
  async list(scope: Scope, filter: ShortageFlagFilter, offset: number, limit: number): Promise<[ShortageFlagRow[], number]> {
    const visible = schoolCondition(scope, 'school');
    const query = this.withSchool().where(visible.sql, visible.params);
    if (filter.countyId) query.andWhere('f.county_id = :countyId', { countyId: filter.countyId });
    if (filter.schoolId) query.andWhere('f.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.subject) query.andWhere('f.subject = :subject', { subject: filter.subject });
    if (filter.kind) query.andWhere('f.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
    if (filter.severity) query.andWhere('f.severity = :severity', { severity: filter.severity });
    return query
      .orderBy(SEVERITY_RANK('f'), 'ASC')
      .addOrderBy('f.gap_milli', 'DESC')
      .addOrderBy('school.name', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount() as Promise<[ShortageFlagRow[], number]>;
  }

  /** A county's open flags counted by `by` (subject or kind) and severity. */
  async countOpen(countyId: string, by: 'subject' | 'kind'): Promise<FlagCount[]> {
    const rows = await this.tx.manager
      .createQueryBuilder(ShortageFlagEntity, 'f')
      .select(`f.${by}`, 'key')
      .addSelect('f.severity', 'severity')
      .addSelect('COUNT(*)', 'flags')
      .where('f.county_id = :countyId', { countyId })
      .andWhere("f.status = 'OPEN'")
      .groupBy(`f.${by}`)
      .addGroupBy('f.severity')
      .getRawMany<{ key: string | null; severity: string; flags: unknown }>();
    return rows.map((row) => ({ key: row.key, severity: row.severity, flags: num(row.flags) }));
  }

  /** A county's schools with open flags, the most severe gaps first: CRITICAL count, HIGH count, then the largest gap. */
  async schoolsWithOpenFlags(countyId: string, limit: number): Promise<[SchoolFlagTotals[], number]> {
    const base = this.tx.manager
      .createQueryBuilder(ShortageFlagEntity, 'f')
      .innerJoin('school', 's', 's.id = f.school_id')
      .where('f.county_id = :countyId', { countyId })
      .andWhere("f.status = 'OPEN'");
    const rows = await base
      .clone()
      .select('s.id', 'schoolId')
      .addSelect('s.code', 'code')
      .addSelect('s.name', 'name')
      .addSelect("SUM(CASE WHEN f.severity = 'CRITICAL' THEN 1 ELSE 0 END)", 'critical')
      .addSelect("SUM(CASE WHEN f.severity = 'HIGH' THEN 1 ELSE 0 END)", 'high')
      .addSelect("SUM(CASE WHEN f.severity = 'MEDIUM' THEN 1 ELSE 0 END)", 'medium')
      .addSelect('MAX(f.gap_milli)', 'gapMilli')
      .groupBy('s.id')
      .addGroupBy('s.code')
      .addGroupBy('s.name')
      .orderBy('critical', 'DESC')
      .addOrderBy('high', 'DESC')
      .addOrderBy('gapMilli', 'DESC')
      .addOrderBy('s.name', 'ASC')
      .limit(limit)
      .getRawMany<Record<string, unknown>>();
    const total = await base.clone().select('COUNT(DISTINCT f.school_id)', 'schools').getRawOne<{ schools: unknown }>();
    return [
      rows.map((row) => ({
        schoolId: String(row.schoolId),
        code: String(row.code),
        name: String(row.name),
        critical: num(row.critical),
        high: num(row.high),
        medium: num(row.medium),
        gapMilli: num(row.gapMilli),
      })),
      num(total?.schools),
    ];
  }

  /** Open flags of each county of the city (or of the province) by severity. */
  async countiesWithOpenFlags(cityId: string | null): Promise<CountyFlagTotals[]> {
    const rows = await this.openInCity(cityId)
      .select('f.county_id', 'countyId')
      .addSelect('f.severity', 'severity')
      .addSelect('COUNT(*)', 'flags')
      .groupBy('f.county_id')
      .addGroupBy('f.severity')
      .getRawMany<{ countyId: string; severity: string; flags: unknown }>();
    return rows.map((row) => ({ countyId: row.countyId, severity: row.severity, flags: num(row.flags) }));
  }

  /** Schools with open flags in each county of the city (or of the province). */
  async schoolsWithOpenFlagsByCounty(cityId: string | null): Promise<Map<string, number>> {
    const rows = await this.openInCity(cityId)
      .select('f.county_id', 'countyId')
      .addSelect('COUNT(DISTINCT f.school_id)', 'schools')
      .groupBy('f.county_id')
      .getRawMany<{ countyId: string; schools: unknown }>();
    return new Map(rows.map((row) => [row.countyId, num(row.schools)]));
  }

  private openInCity(cityId: string | null) {
    const query = this.tx.manager.createQueryBuilder(ShortageFlagEntity, 'f').where("f.status = 'OPEN'");
    if (cityId) query.andWhere('f.county_id IN (SELECT c.id FROM county c WHERE c.city_id = :cityId)', { cityId });
    return query;
  }

  private withSchool() {
    return this.tx.manager
      .createQueryBuilder(ShortageFlagEntity, 'f')
      .innerJoin('f.school', 'school')
      .addSelect(['school.id', 'school.name', 'school.code', 'school.countyId']);
  }
}

/** CRITICAL first, then HIGH, then MEDIUM. */
function SEVERITY_RANK(alias: string): string {
  return `CASE ${alias}.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END`;
}

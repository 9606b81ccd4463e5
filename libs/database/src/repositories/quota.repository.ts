import { Injectable } from '@nestjs/common';
import { CountyQuotaEntity, QuotaChangeEntity, SchoolEntity, SchoolQuotaAllocationEntity } from '../entities';
import { TransactionHost } from '../transaction-host';

/** A school of a county with its allocation for a year (null when none). */
export interface SchoolAllocationRow {
  schoolId: string;
  code: string;
  name: string;
  allocated: number | null;
}

/** A change of a school's quota with the name of the other school of a move. */
export type QuotaChangeRow = QuotaChangeEntity & { otherSchoolName: string | null };

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * The county quota pool: approved totals, allocations and their history. Writes run inside the caller's
 * transaction, after `lockCounty` (MySQL/MariaDB: the county's row for the year FOR UPDATE), so that every write
 * to one county's pool for one year takes its turn; SQLite runs one write transaction at a time anyway. Which
 * writes are allowed is decided in libs/domain (quota-pool.ts); county and school scope by the use cases.
 */
@Injectable()
export class QuotaRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The county's approved total for the year, locked until the transaction ends (MySQL/MariaDB); null when none is entered. */
  lockCounty(countyId: string, year: number): Promise<CountyQuotaEntity | null> {
    const query = this.tx.manager.createQueryBuilder(CountyQuotaEntity, 'q').where('q.county_id = :countyId AND q.year = :year', { countyId, year });
    if (this.tx.dialect === 'mysql') query.setLock('pessimistic_write');
    return query.getOne();
  }

  findCounty(countyId: string, year: number): Promise<CountyQuotaEntity | null> {
    return this.tx.manager.findOne(CountyQuotaEntity, { where: { countyId, year } });
  }

  /**
   * Enters a county's first approved total for the year; false when another writer entered one first (then lock and
   * update it). On MySQL/MariaDB an INSERT IGNORE waits for that writer's row and leaves it; SQLite write
   * transactions run one at a time, so the row cannot appear between the caller's read and this insert.
   */
  async insertCounty(row: CountyQuotaEntity): Promise<boolean> {
    if (this.tx.dialect === 'sqlite') {
      await this.tx.manager.insert(CountyQuotaEntity, { ...row });
      return true;
    }
    const result = await this.tx.manager.createQueryBuilder().insert().into(CountyQuotaEntity).values(row).orIgnore().execute();
    // MariaDB answers the row through INSERT … RETURNING (none when ignored); MySQL, which has no RETURNING, with affectedRows.
    const raw = result.raw as unknown[] | { affectedRows?: number };
    return Array.isArray(raw) ? raw.length === 1 : raw.affectedRows === 1;
  }

  async updateCounty(countyId: string, year: number, approvedTotal: number, updatedAt: Date): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(CountyQuotaEntity)
      .set({ approvedTotal, updatedAt, version: () => 'version + 1' })
      .where('county_id = :countyId AND year = :year', { countyId, year })
      .execute();
  }

  /** The sum of the county's allocations for the year. */
  async allocatedSum(countyId: string, year: number): Promise<number> {
    const row = await this.tx.manager
      .createQueryBuilder(SchoolQuotaAllocationEntity, 'a')
      .select('COALESCE(SUM(a.allocated), 0)', 'total')
      .where('a.county_id = :countyId AND a.year = :year', { countyId, year })
      .getRawOne<{ total: unknown }>();
    return num(row?.total);
  }

  /** The allocations of the given schools for the year (schools without one are left out). */
  allocationsOf(schoolIds: readonly string[], year: number): Promise<SchoolQuotaAllocationEntity[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder(SchoolQuotaAllocationEntity, 'a')
      .where('a.school_id IN (:...schoolIds) AND a.year = :year', { schoolIds: [...schoolIds], year })
      .getMany();
  }

  /** Writes a school's allocation for the year: a new row, or the existing one updated (its version bumped). */
  async saveAllocation(
    row: { schoolId: string; year: number; countyId: string; allocated: number; updatedAt: Date },
    exists: boolean,
  ): Promise<void> {
    if (!exists) {
      await this.tx.manager.insert(SchoolQuotaAllocationEntity, { ...row, version: 1 });
      return;
    }
    await this.tx.manager
      .createQueryBuilder()
      .update(SchoolQuotaAllocationEntity)
      .set({ allocated: row.allocated, updatedAt: row.updatedAt, version: () => 'version + 1' })
      .where('school_id = :schoolId AND year = :year', { schoolId: row.schoolId, year: row.year })
      .execute();
  }

  async insertChanges(changes: QuotaChangeEntity[]): Promise<void> {
    if (changes.length > 0) await this.tx.manager.insert(QuotaChangeEntity, changes);
  }

  /** Every school of the county with its allocation for the year, by school code: one query. */
  async countyAllocations(countyId: string, year: number): Promise<SchoolAllocationRow[]> {
    const rows = await this.tx.manager
      .createQueryBuilder(SchoolEntity, 's')
      .leftJoin(SchoolQuotaAllocationEntity, 'a', 'a.school_id = s.id AND a.year = :year', { year })
      .select(['s.id AS schoolId', 's.code AS code', 's.name AS name', 'a.allocated AS allocated'])
      .where('s.county_id = :countyId', { countyId })
      .orderBy('s.code')
      .getRawMany<{ schoolId: string; code: string; name: string; allocated: unknown }>();
    return rows.map((row) => ({
      schoolId: row.schoolId,
      code: row.code,
      name: row.name,
      allocated: row.allocated === null || row.allocated === undefined ? null : Number(row.allocated),
    }));
  }

  /** The schools of a county among the ids given (for a move between two of them). */
  schoolsOfCounty(countyId: string, schoolIds: readonly string[]): Promise<SchoolEntity[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder(SchoolEntity, 's')
      .where('s.county_id = :countyId AND s.id IN (:...schoolIds)', { countyId, schoolIds: [...schoolIds] })
      .getMany();
  }

  /** A school's quota changes (of one year, or all), newest first, with the other school of each move named: one query. */
  async historyOfSchool(schoolId: string, year?: number): Promise<QuotaChangeRow[]> {
    const query = this.tx.manager
      .createQueryBuilder(QuotaChangeEntity, 'c')
      .leftJoin(SchoolEntity, 'o', 'o.id = c.other_school_id')
      .addSelect('o.name', 'otherSchoolName')
      .where('c.school_id = :schoolId', { schoolId });
    if (year !== undefined) query.andWhere('c.year = :year', { year });
    const { entities, raw } = await query.orderBy('c.at', 'DESC').addOrderBy('c.id', 'DESC').getRawAndEntities<{ otherSchoolName: string | null }>();
    return entities.map((entity, index) => ({ ...entity, otherSchoolName: raw[index]?.otherSchoolName ?? null }));
  }
}

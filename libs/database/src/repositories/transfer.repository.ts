import { Injectable } from '@nestjs/common';
import type { Scope } from '@app/domain';
import { TransferEntity } from '../entities';
import { SqlCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';

export interface TransferFilter {
  /** Transfers from or to this county. */
  countyId?: string;
  status?: string;
}

/** A transfer read with the names of its teacher and of both schools. */
export type TransferRow = TransferEntity & { teacherName: string; staffNo: string; fromSchoolName: string; toSchoolName: string };

/**
 * Transfers a scope may read: an officer those from or to the counties of their reach (the sending
 * and the receiving county, the cities of either, the province); a teacher their own; a principal none.
 */
function transferCondition(scope: Scope, alias: string): SqlCondition {
  switch (scope.level) {
    case 'PROVINCE':
      return { sql: '1 = 1', params: {} };
    case 'CITY': {
      const inCity = (column: string) => `${alias}.${column} IN (SELECT c.id FROM county c WHERE c.city_id = :scope_cityId)`;
      return { sql: `(${inCity('from_county_id')} OR ${inCity('to_county_id')})`, params: { scope_cityId: scope.cityId } };
    }
    case 'COUNTY':
      return {
        sql: `(${alias}.from_county_id = :scope_countyId OR ${alias}.to_county_id = :scope_countyId)`,
        params: { scope_countyId: scope.countyId },
      };
    case 'TEACHER':
      return { sql: `${alias}.teacher_id = :scope_teacherId`, params: { scope_teacherId: scope.teacherId } };
    case 'SCHOOL':
      return { sql: '1 = 0', params: {} };
  }
}

/**
 * Transfers (调动). Reads take the caller's scope; writes are by id, inside the use case's transaction.
 * Queries only: what may happen to a transfer is decided in libs/domain/src/transfers.
 */
@Injectable()
export class TransferRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(transfer: TransferEntity): Promise<void> {
    await this.tx.manager.insert(TransferEntity, { ...transfer });
  }

  async findInScope(scope: Scope, id: string): Promise<TransferRow | null> {
    const visible = transferCondition(scope, 'tr');
    const row = await this.withNames().where('tr.id = :id', { id }).andWhere(visible.sql, visible.params).getRawAndEntities();
    return row.entities.length === 0 ? null : withNames(row.entities[0], row.raw[0] as RawNames);
  }

  /**
   * Holds the transfer's row until the transaction ends (MySQL/MariaDB; SQLite runs one write
   * transaction at a time), so that two officers acting on it take turns and the second sees what the first did.
   */
  async lock(id: string): Promise<void> {
    if (this.tx.dialect === 'mysql') await this.tx.manager.query('SELECT id FROM transfer WHERE id = ? FOR UPDATE', [id]);
  }

  /** Transfers in the scope, filtered, newest first. */
  async list(scope: Scope, filter: TransferFilter, offset: number, limit: number): Promise<[TransferRow[], number]> {
    const visible = transferCondition(scope, 'tr');
    const query = this.withNames().where(visible.sql, visible.params);
    if (filter.countyId) query.andWhere('(tr.from_county_id = :countyId OR tr.to_county_id = :countyId)', { countyId: filter.countyId });
    if (filter.status) query.andWhere('tr.status = :status', { status: filter.status });
    const total = await query.getCount();
    const rows = await query.orderBy('tr.created_at', 'DESC').addOrderBy('tr.id', 'ASC').offset(offset).limit(limit).getRawAndEntities();
    return [rows.entities.map((entity) => withNames(entity, (rows.raw as RawNames[]).find((raw) => raw.tr_id === entity.id) as RawNames)), total];
  }

  async update(id: string, changes: Partial<TransferEntity>): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(TransferEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  private withNames() {
    return this.tx.manager
      .createQueryBuilder(TransferEntity, 'tr')
      .innerJoin('teacher', 't', 't.id = tr.teacher_id')
      .innerJoin('school', 'fs', 'fs.id = tr.from_school_id')
      .innerJoin('school', 'ts', 'ts.id = tr.to_school_id')
      .addSelect('t.name', 'teacherName')
      .addSelect('t.staff_no', 'staffNo')
      .addSelect('fs.name', 'fromSchoolName')
      .addSelect('ts.name', 'toSchoolName');
  }
}

interface RawNames {
  tr_id: string;
  teacherName: string;
  staffNo: string;
  fromSchoolName: string;
  toSchoolName: string;
}

function withNames(entity: TransferEntity, raw: RawNames): TransferRow {
  return Object.assign(entity, {
    teacherName: raw.teacherName,
    staffNo: raw.staffNo,
    fromSchoolName: raw.fromSchoolName,
    toSchoolName: raw.toSchoolName,
  });
}

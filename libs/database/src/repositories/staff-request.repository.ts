import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { FlagStatus, Scope, ShortageKind, ShortageSeverity, Subject } from '@app/domain';
import {
  SchoolEntity,
  SchoolQuotaAllocationEntity,
  ShortageFlagEntity,
  StaffRequestEntity,
  StaffRequestEventEntity,
  StaffRequestFlagEntity,
  StaffRequestFulfilmentEntity,
  TeacherEntity,
} from '../entities';
import { schoolCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';

export interface StaffRequestFilter {
  countyId?: string;
  schoolId?: string;
  status?: string;
}

/** A request read with the name and code of its school. */
export type StaffRequestRow = StaffRequestEntity & { school: Pick<SchoolEntity, 'id' | 'name' | 'code'> };

/** A flag a request cites, as it stands now. */
export interface CitedFlagRow {
  id: string;
  subject: Subject | null;
  kind: ShortageKind;
  severity: ShortageSeverity;
  status: FlagStatus;
  gapMilli: number;
}

/** A fulfilment with the name and staff number of its teacher. */
export type FulfilmentRow = StaffRequestFulfilmentEntity & { teacherName: string; staffNo: string };

/**
 * Staff requests, their history, cited flags and fulfilments. Reads take the caller's scope (officers
 * their counties, a principal their school); writes are by id, inside the use case's transaction.
 * Queries only: what may happen to a request is decided in libs/domain/src/staff-requests.
 */
@Injectable()
export class StaffRequestRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(request: StaffRequestEntity, flagIds: readonly string[]): Promise<void> {
    await this.tx.manager.insert(StaffRequestEntity, { ...request });
    if (flagIds.length > 0) {
      await this.tx.manager.insert(
        StaffRequestFlagEntity,
        flagIds.map((flagId) => ({ requestId: request.id, flagId })),
      );
    }
  }

  findInScope(scope: Scope, id: string): Promise<StaffRequestRow | null> {
    const visible = schoolCondition(scope, 'school');
    return this.withSchool().where('r.id = :id', { id }).andWhere(visible.sql, visible.params).getOne() as Promise<StaffRequestRow | null>;
  }

  /**
   * Holds the request's row until the transaction ends (MySQL/MariaDB; SQLite runs one write transaction
   * at a time), so that two officers deciding, or recording fulfilments, take turns and the second sees
   * what the first wrote.
   */
  async lock(id: string): Promise<void> {
    if (this.tx.dialect === 'mysql') await this.tx.manager.query('SELECT id FROM staff_request WHERE id = ? FOR UPDATE', [id]);
  }

  /** Requests in the scope, filtered, newest first. */
  list(scope: Scope, filter: StaffRequestFilter, offset: number, limit: number): Promise<[StaffRequestRow[], number]> {
    const visible = schoolCondition(scope, 'school');
    const query = this.withSchool().where(visible.sql, visible.params);
    if (filter.countyId) query.andWhere('r.county_id = :countyId', { countyId: filter.countyId });
    if (filter.schoolId) query.andWhere('r.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    return query.orderBy('r.submitted_at', 'DESC').addOrderBy('r.id', 'ASC').offset(offset).limit(limit).getManyAndCount() as Promise<
      [StaffRequestRow[], number]
    >;
  }

  async update(id: string, changes: Partial<StaffRequestEntity>): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(StaffRequestEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async insertEvent(event: StaffRequestEventEntity): Promise<void> {
    await this.tx.manager.insert(StaffRequestEventEntity, { ...event });
  }

  /** A request's history, oldest first. */
  eventsOf(requestId: string): Promise<StaffRequestEventEntity[]> {
    return this.tx.manager.find(StaffRequestEventEntity, { where: { requestId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** The flags a request cites, as they stand now, most severe first. */
  async citedFlags(requestId: string): Promise<CitedFlagRow[]> {
    const rows = await this.tx.manager
      .createQueryBuilder(StaffRequestFlagEntity, 'c')
      .innerJoin(ShortageFlagEntity, 'f', 'f.id = c.flag_id')
      .select('f.id', 'id')
      .addSelect('f.subject', 'subject')
      .addSelect('f.kind', 'kind')
      .addSelect('f.severity', 'severity')
      .addSelect('f.status', 'status')
      .addSelect('f.gap_milli', 'gapMilli')
      .where('c.request_id = :requestId', { requestId })
      .orderBy(`CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getRawMany<Omit<CitedFlagRow, 'gapMilli'> & { gapMilli: number | string }>();
    return rows.map((row) => ({ ...row, gapMilli: Number(row.gapMilli) }));
  }

  /** Flags by id, wherever they are: what a citation is checked against. */
  async flagsByIds(ids: readonly string[]): Promise<{ id: string; schoolId: string; status: FlagStatus }[]> {
    if (ids.length === 0) return [];
    return this.tx.manager.find(ShortageFlagEntity, { select: { id: true, schoolId: true, status: true }, where: { id: In([...ids]) } });
  }

  /** The quota allocated to a school for a school year; null when none is recorded. */
  async allocationOf(schoolId: string, year: number): Promise<number | null> {
    const row = await this.tx.manager.findOne(SchoolQuotaAllocationEntity, { select: { allocated: true }, where: { schoolId, year } });
    return row ? Number(row.allocated) : null;
  }

  /** The request a posting is counted towards; null when none. */
  async requestCounting(postingId: string): Promise<string | null> {
    const row = await this.tx.manager.findOne(StaffRequestFulfilmentEntity, { select: { requestId: true }, where: { postingId } });
    return row?.requestId ?? null;
  }

  async insertFulfilment(fulfilment: StaffRequestFulfilmentEntity): Promise<void> {
    await this.tx.manager.insert(StaffRequestFulfilmentEntity, { ...fulfilment });
  }

  /** A request's fulfilments with their teachers' names, oldest first. */
  async fulfilmentsOf(requestId: string): Promise<FulfilmentRow[]> {
    const fulfilments = await this.tx.manager.find(StaffRequestFulfilmentEntity, { where: { requestId }, order: { recordedAt: 'ASC', id: 'ASC' } });
    if (fulfilments.length === 0) return [];
    const teachers = await this.tx.manager.find(TeacherEntity, {
      select: { id: true, name: true, staffNo: true },
      where: { id: In([...new Set(fulfilments.map((f) => f.teacherId))]) },
    });
    const byId = new Map(teachers.map((t) => [t.id, t]));
    return fulfilments.map((f) => ({ ...f, teacherName: byId.get(f.teacherId)?.name ?? '', staffNo: byId.get(f.teacherId)?.staffNo ?? '' }));
  }

  private withSchool() {
    return this.tx.manager
      .createQueryBuilder(StaffRequestEntity, 'r')
      .innerJoin('r.school', 'school')
      .addSelect(['school.id', 'school.name', 'school.code']);
  }
}

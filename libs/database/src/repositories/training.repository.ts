import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Scope } from '@app/domain';
import { TeacherEntity, TrainingRecordEntity } from '../entities';
import { countyCondition, teacherCondition } from '../scope-filter';
import { sqlDialect } from '../sql-dialect';
import { TransactionHost } from '../transaction-host';
import { postingCoversDay } from '../posting-sql';

export interface TrainingFilter {
  countyId?: string;
  /** Records of teachers posted at this school today. */
  schoolId?: string;
  teacherId?: string;
  status?: string;
  category?: string;
  /** Records starting within [from, to]. */
  from?: string;
  to?: string;
  /** Only records of these categories, and not of this teacher (the caller's decision reach). */
  reach?: { categories: readonly string[]; excludeTeacherId: string | null };
}

/** A ledger entry read with the name and staff number of its teacher. */
export type TrainingRecordRow = TrainingRecordEntity & { teacher: Pick<TeacherEntity, 'id' | 'name' | 'staffNo'> };

export interface TeacherHours {
  teacherId: string;
  staffNo: string;
  name: string;
  hireDate: string;
  approvedHours: number;
  pendingHours: number;
}

export interface CategoryHours {
  category: string;
  status: string;
  hours: number;
  records: number;
}

export interface CountyCompletion {
  countyId: string;
  owing: number;
  complete: number;
}

/** What the database needs to tell whether a teacher reached the pro-rated requirement of a cycle. */
export interface RequirementInUnits {
  cycleStart: string;
  cycleEnd: string;
  cycleDays: number;
  /** Hours per cycle in steps (360 h in 0.5 h steps = 720). */
  unitsPerCycle: number;
  /** Steps per hour (2 for half hours). */
  unitsPerHour: number;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** The training ledger. Reads take the caller's scope; bulk reads are one set-based query each. */
@Injectable()
export class TrainingRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(records: TrainingRecordEntity[]): Promise<void> {
    for (let i = 0; i < records.length; i += 500) {
      await this.tx.manager.insert(
        TrainingRecordEntity,
        records.slice(i, i + 500).map((r) => ({ ...r })),
      );
    }
  }

  findInScope(scope: Scope, id: string, today: string): Promise<TrainingRecordRow | null> {
    const visible = teacherCondition(scope, 'teacher', today);
    return this.withTeacher().where('r.id = :id', { id }).andWhere(visible.sql, visible.params).getOne() as Promise<TrainingRecordRow | null>;
  }

  /** Entries joined to their teacher (alias `teacher`), whose name and staff number come along. */
  private withTeacher() {
    return this.tx.manager
      .createQueryBuilder(TrainingRecordEntity, 'r')
      .innerJoin('r.teacher', 'teacher')
      .addSelect(['teacher.id', 'teacher.name', 'teacher.staffNo']);
  }

  reversalOf(recordId: string): Promise<TrainingRecordEntity | null> {
    return this.tx.manager.findOne(TrainingRecordEntity, { where: { reversesId: recordId } });
  }

  /** Moves a submitted record to its decision; false when it was decided by someone else first. */
  async decide(id: string, changes: Pick<TrainingRecordEntity, 'status' | 'decidedBy' | 'decidedAt' | 'reason' | 'updatedAt'>): Promise<boolean> {
    const result = await this.tx.manager
      .createQueryBuilder()
      .update(TrainingRecordEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND status = :submitted', { id, submitted: 'SUBMITTED' })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async list(scope: Scope, filter: TrainingFilter, today: string, offset: number, limit: number): Promise<[TrainingRecordRow[], number]> {
    const visible = teacherCondition(scope, 'teacher', today);
    const query = this.withTeacher().where(visible.sql, visible.params);
    if (filter.countyId) query.andWhere('teacher.county_id = :countyId', { countyId: filter.countyId });
    if (filter.teacherId) query.andWhere('r.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.category) query.andWhere('r.category = :category', { category: filter.category });
    if (filter.from) query.andWhere('r.start_date >= :from', { from: filter.from });
    if (filter.to) query.andWhere('r.start_date <= :to', { to: filter.to });
    if (filter.reach) {
      if (filter.reach.categories.length === 0) query.andWhere('1 = 0');
      else query.andWhere('r.category IN (:...reachCategories)', { reachCategories: filter.reach.categories });
      if (filter.reach.excludeTeacherId) query.andWhere('r.teacher_id <> :reachExcluded', { reachExcluded: filter.reach.excludeTeacherId });
    }
    if (filter.schoolId) {
      query.andWhere(`r.teacher_id IN (SELECT fp.teacher_id FROM posting fp WHERE fp.school_id = :schoolId AND ${postingCoversDay('fp', 'today')})`, {
        schoolId: filter.schoolId,
        today,
      });
    }
    return query
      .orderBy('r.start_date', 'ASC')
      .addOrderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount() as Promise<[TrainingRecordRow[], number]>;
  }

  /** Approved (reversals included) and pending hours of one teacher over records starting in [from, to]. */
  async totalsOfTeacher(
    scope: Scope,
    teacherId: string,
    today: string,
    from: string,
    to: string,
  ): Promise<{ approvedHours: number; pendingHours: number }> {
    const visible = teacherCondition(scope, 'teacher', today);
    const row = await this.tx.manager
      .createQueryBuilder(TrainingRecordEntity, 'r')
      .innerJoin('teacher', 'teacher', 'teacher.id = r.teacher_id')
      .select("COALESCE(SUM(CASE WHEN r.status = 'APPROVED' THEN r.hours END), 0)", 'approved')
      .addSelect("COALESCE(SUM(CASE WHEN r.status = 'SUBMITTED' THEN r.hours END), 0)", 'pending')
      .where('r.teacher_id = :teacherId AND r.start_date >= :from AND r.start_date <= :to', { teacherId, from, to })
      .andWhere(visible.sql, visible.params)
      .getRawOne<{ approved: unknown; pending: unknown }>();
    return { approvedHours: num(row?.approved), pendingHours: num(row?.pending) };
  }

  /** Every teacher of the county hired by `to`, with their approved and pending hours of records starting in [from, to]: one query. */
  async countyTeacherHours(scope: Scope, countyId: string, from: string, to: string): Promise<TeacherHours[]> {
    const inScope = countyCondition(scope, 't.county_id');
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select('t.id', 'teacherId')
      .addSelect('t.staff_no', 'staffNo')
      .addSelect('t.name', 'name')
      .addSelect('t.hire_date', 'hireDate')
      .addSelect("COALESCE(SUM(CASE WHEN r.status = 'APPROVED' THEN r.hours END), 0)", 'approved')
      .addSelect("COALESCE(SUM(CASE WHEN r.status = 'SUBMITTED' THEN r.hours END), 0)", 'pending')
      .from('teacher', 't')
      .leftJoin('training_record', 'r', 'r.teacher_id = t.id AND r.start_date >= :from AND r.start_date <= :to', { from, to })
      .where('t.county_id = :countyId AND t.hire_date <= :to', { countyId, to })
      .andWhere(inScope.sql, inScope.params)
      .groupBy('t.id')
      .addGroupBy('t.staff_no')
      .addGroupBy('t.name')
      .addGroupBy('t.hire_date')
      .getRawMany<{ teacherId: string; staffNo: string; name: string; hireDate: string; approved: unknown; pending: unknown }>();
    return rows.map((r) => ({
      teacherId: r.teacherId,
      staffNo: r.staffNo,
      name: r.name,
      hireDate: r.hireDate,
      approvedHours: num(r.approved),
      pendingHours: num(r.pending),
    }));
  }

  /**
   * Approved hours of records starting in [from, to], for each teacher of the county who has any:
   * one query, read from the teacher index and the ledger's covering index alone.
   */
  async countyApprovedHours(scope: Scope, countyId: string, from: string, to: string): Promise<{ teacherId: string; approvedHours: number }[]> {
    const inScope = countyCondition(scope, 't.county_id');
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select('r.teacher_id', 'teacherId')
      .addSelect('SUM(r.hours)', 'approved')
      .from('teacher', 't')
      .innerJoin('training_record', 'r', 'r.teacher_id = t.id')
      .where("t.county_id = :countyId AND r.status = 'APPROVED' AND r.start_date >= :from AND r.start_date <= :to", { countyId, from, to })
      .andWhere(inScope.sql, inScope.params)
      .groupBy('r.teacher_id')
      .getRawMany<{ teacherId: string; approved: unknown }>();
    return rows.map((r) => ({ teacherId: r.teacherId, approvedHours: num(r.approved) }));
  }

  /**
   * Hours and entries by category and status of the county's teachers' records starting in
   * [from, to]: one query, on the entries' own county (a teacher's county never changes: moving
   * to another county is a transfer), read from its covering index alone.
   */
  async countyCategoryHours(scope: Scope, countyId: string, from: string, to: string): Promise<CategoryHours[]> {
    const inScope = countyCondition(scope, 'r.county_id');
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select('r.category', 'category')
      .addSelect('r.status', 'status')
      .addSelect('SUM(r.hours)', 'hours')
      .addSelect('COUNT(*)', 'records')
      .from('training_record', 'r')
      .where('r.county_id = :countyId AND r.start_date >= :from AND r.start_date <= :to', { countyId, from, to })
      .andWhere(inScope.sql, inScope.params)
      .groupBy('r.category')
      .addGroupBy('r.status')
      .getRawMany<{ category: string; status: string; hours: unknown; records: unknown }>();
    return rows.map((r) => ({ category: r.category, status: r.status, hours: num(r.hours), records: num(r.records) }));
  }

  /**
   * For every county in scope: teachers owing hours in the cycle and those who reached their
   * pro-rated requirement, in one aggregate query. The requirement is the domain's
   * (libs/domain requiredHours) written in whole steps: ceil(unitsPerCycle × days employed ÷ days in cycle).
   */
  async completionByCounty(scope: Scope, requirement: RequirementInUnits): Promise<CountyCompletion[]> {
    const d = sqlDialect(this.tx.dialect);
    const employedDays = `(${d.dayNumber(':cycleEnd')} - ${d.greatest(d.dayNumber('t.hire_date'), d.dayNumber(':cycleStart'))} + 1)`;
    const requiredUnits = d.intDiv(`:unitsPerCycle * ${employedDays} + :cycleDays - 1`, ':cycleDays');
    const inScope = countyCondition(scope, 't.county_id');
    const sql =
      `SELECT t.county_id AS countyId, COUNT(*) AS owing, ` +
      `SUM(CASE WHEN COALESCE(a.hours, 0) * :unitsPerHour >= ${requiredUnits} THEN 1 ELSE 0 END) AS complete ` +
      `FROM teacher t LEFT JOIN (` +
      `SELECT r.teacher_id, SUM(r.hours) AS hours FROM training_record r ` +
      `WHERE r.status = 'APPROVED' AND r.start_date >= :cycleStart AND r.start_date <= :cycleEnd GROUP BY r.teacher_id` +
      `) a ON a.teacher_id = t.id ` +
      `WHERE t.hire_date <= :cycleEnd AND ${inScope.sql} GROUP BY t.county_id ORDER BY t.county_id`;
    const [query, parameters] = this.tx.manager.connection.driver.escapeQueryWithParameters(sql, { ...requirement, ...inScope.params });
    const rows = await this.tx.manager.query<{ countyId: string; owing: unknown; complete: unknown }[]>(query, parameters);
    return rows.map((r) => ({ countyId: r.countyId, owing: num(r.owing), complete: num(r.complete) }));
  }

  /** Records (not rejected) of these teachers starting in [from, to], to spot re-imported duplicates. */
  existing(teacherIds: string[], from: string, to: string): Promise<TrainingRecordEntity[]> {
    if (teacherIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder(TrainingRecordEntity, 'r')
      .where({ teacherId: In(teacherIds) })
      .andWhere("r.start_date >= :from AND r.start_date <= :to AND r.status <> 'REJECTED' AND r.kind = 'RECORD'", { from, to })
      .getMany();
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { PostingKind, RotationPlanStatus, Scope, ShortageKind, Subject } from '@app/domain';
import { PostingEntity, RotationAssignmentEntity, RotationPlanEntity, SchoolClassificationEntity } from '../entities';
import { countyCondition } from '../scope-filter';
import { BulkWriter } from '../bulk-writer';
import { TransactionHost } from '../transaction-host';

export interface RotationPlanFilter {
  countyId?: string;
  year?: number;
  status?: RotationPlanStatus;
}

/** A plan read with the name of its county and the count of its assignments. */
export type RotationPlanRow = RotationPlanEntity & { countyName: string; assignmentCount: number };

/** An assignment read with its teacher's name and staff number and the names of both schools. */
export type RotationAssignmentRow = RotationAssignmentEntity & {
  teacherName: string;
  staffNo: string;
  /** The teacher's hire date (no posting may start before it). */
  hireDate: string;
  fromSchoolName: string;
  toSchoolName: string;
};

/** A teacher's assignment in a plan not yet activated, as a posting to come. */
/** A recorded posting as the posting rules read it, with its teacher. */
export interface TeacherPostingRow {
  id: string;
  teacherId: string;
  schoolId: string;
  kind: PostingKind;
  startDate: string;
  endDate: string | null;
  fractionMilli: number;
}

export interface PendingAssignmentRow {
  planId: string;
  teacherId: string;
  toSchoolId: string;
  kind: PostingKind;
  startDate: string;
  endDate: string;
  fractionMilli: number;
}

/** A staff request still waiting for staff at a school (submitted, or approved and not yet covered). */
export interface OpenRequestRow {
  id: string;
  schoolId: string;
  subject: Subject;
  status: 'SUBMITTED' | 'APPROVED';
  submittedOn: string;
  neededFrom: string;
  headcount: number;
  coveredMilli: number;
}

/** An open shortage flag, as far as a plan's warnings read it. */
export interface OpenFlagRow {
  id: string;
  schoolId: string;
  kind: ShortageKind;
  subject: Subject | null;
}

/** The statuses in which a plan is shown to the principals and teachers it concerns: once approved. */
export const DECIDED_PLAN_STATUSES: readonly RotationPlanStatus[] = ['APPROVED', 'ACTIVE', 'COMPLETED'];

/**
 * Plans a scope may read: officers the plans of their counties; a principal the approved (active, completed) plans
 * with an assignment from or to their school; a teacher those with an assignment of their own.
 */
function planCondition(scope: Scope, alias: string): { sql: string; params: Record<string, unknown> } {
  const concerning = (match: string, params: Record<string, unknown>) => ({
    sql: `${alias}.status IN (:...scope_decided) AND EXISTS (SELECT 1 FROM rotation_assignment sx ` + `WHERE sx.plan_id = ${alias}.id AND ${match})`,
    params: { ...params, scope_decided: DECIDED_PLAN_STATUSES },
  });
  switch (scope.level) {
    case 'SCHOOL':
      return concerning('(sx.from_school_id = :scope_schoolId OR sx.to_school_id = :scope_schoolId)', { scope_schoolId: scope.schoolId });
    case 'TEACHER':
      return concerning('sx.teacher_id = :scope_teacherId', { scope_teacherId: scope.teacherId });
    default:
      return countyCondition(scope, `${alias}.county_id`);
  }
}

/** The statuses of a plan whose assignments are still to be written as postings. */
export const PENDING_PLAN_STATUSES: readonly RotationPlanStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED'];

/**
 * Rotation plans and their assignments. Reads take the caller's scope (the plan's county in reach);
 * writes are by id, inside the use case's transaction. Queries only: what may happen to a plan is
 * decided in libs/domain/src/rotation.
 */
@Injectable()
export class RotationPlanRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly bulk: BulkWriter,
  ) {}

  async insert(plan: RotationPlanEntity): Promise<void> {
    await this.tx.manager.insert(RotationPlanEntity, { ...plan });
  }

  async findInScope(scope: Scope, id: string): Promise<RotationPlanRow | null> {
    const visible = planCondition(scope, 'p');
    const plan = await this.tx.manager
      .createQueryBuilder(RotationPlanEntity, 'p')
      .where('p.id = :id', { id })
      .andWhere(visible.sql, visible.params)
      .getOne();
    if (!plan) return null;
    const [row] = await this.decorate([plan]);
    return row;
  }

  /**
   * Holds the plan's row until the transaction ends (MySQL/MariaDB; SQLite runs one write transaction at a
   * time), so that two officers changing or activating one plan take turns and the second sees what the first wrote.
   */
  async lock(id: string): Promise<void> {
    if (this.tx.dialect === 'mysql') await this.tx.manager.query('SELECT id FROM rotation_plan WHERE id = ? FOR UPDATE', [id]);
  }

  /** Plans in the scope, filtered, the latest year first, then the newest. */
  async list(scope: Scope, filter: RotationPlanFilter, offset: number, limit: number): Promise<[RotationPlanRow[], number]> {
    const visible = planCondition(scope, 'p');
    const query = this.tx.manager.createQueryBuilder(RotationPlanEntity, 'p').where(visible.sql, visible.params);
    if (filter.countyId) query.andWhere('p.county_id = :countyId', { countyId: filter.countyId });
    if (filter.year !== undefined) query.andWhere('p.year = :year', { year: filter.year });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    const [plans, total] = await query
      .orderBy('p.year', 'DESC')
      .addOrderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return [await this.decorate(plans), total];
  }

  /** Applies `changes` and bumps the version. */
  async update(id: string, changes: Partial<RotationPlanEntity>): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(RotationPlanEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** The plan's assignments, by first day, then school sent to, then staff number: one statement, rows read raw. */
  async assignmentsOf(planId: string): Promise<RotationAssignmentRow[]> {
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select(['a.id AS id', 'a.plan_id AS planId', 'a.county_id AS countyId', 'a.teacher_id AS teacherId'])
      .addSelect(['a.from_school_id AS fromSchoolId', 'a.to_school_id AS toSchoolId', 'a.start_date AS startDate', 'a.end_date AS endDate'])
      .addSelect(['a.mode AS mode', 'a.kind AS kind', 'a.team_id AS teamId', 'a.fraction_milli AS fractionMilli', 'a.subject AS subject'])
      .addSelect(['a.backbone AS backbone', 'a.posting_id AS postingId', 'a.created_by AS createdBy', 'a.created_at AS createdAt'])
      .addSelect([
        't.name AS teacherName',
        't.staff_no AS staffNo',
        't.hire_date AS hireDate',
        'fs.name AS fromSchoolName',
        'ts.name AS toSchoolName',
      ])
      .from('rotation_assignment', 'a')
      .innerJoin('teacher', 't', 't.id = a.teacher_id')
      .innerJoin('school', 'fs', 'fs.id = a.from_school_id')
      .innerJoin('school', 'ts', 'ts.id = a.to_school_id')
      .where('a.plan_id = :planId', { planId })
      .orderBy('a.start_date', 'ASC')
      .addOrderBy('ts.name', 'ASC')
      .addOrderBy('t.staff_no', 'ASC')
      .getRawMany<Omit<RotationAssignmentRow, 'fractionMilli' | 'createdAt'> & { fractionMilli: number | string; createdAt: Date | string }>();
    // Numbers and times in place (MySQL may read numbers back as strings, SQLite times as text).
    return rows.map((r) => ({
      ...r,
      fractionMilli: Number(r.fractionMilli),
      createdAt: r.createdAt instanceof Date ? r.createdAt : new Date(`${r.createdAt.replace(' ', 'T')}Z`),
    }));
  }

  findAssignment(planId: string, id: string): Promise<RotationAssignmentEntity | null> {
    return this.tx.manager.findOneBy(RotationAssignmentEntity, { planId, id });
  }

  async insertAssignment(assignment: RotationAssignmentEntity): Promise<void> {
    await this.tx.manager.insert(RotationAssignmentEntity, { ...assignment });
  }

  async deleteAssignment(id: string): Promise<void> {
    await this.tx.manager.delete(RotationAssignmentEntity, { id });
  }

  /** Records the postings written at the destinations: a few hundred assignments a statement (`CASE id WHEN … THEN …`). */
  async setPostings(postingIds: ReadonlyMap<string, string>): Promise<void> {
    const pairs = [...postingIds];
    for (let start = 0; start < pairs.length; start += 400) {
      const chunk = pairs.slice(start, start + 400);
      const cases = chunk.map(() => 'WHEN ? THEN ?').join(' ');
      const ids = chunk.map(([assignmentId]) => assignmentId);
      await this.tx.manager.query(`UPDATE rotation_assignment SET posting_id = CASE id ${cases} END WHERE id IN (${ids.map(() => '?').join(', ')})`, [
        ...chunk.flat(),
        ...ids,
      ]);
    }
  }

  /** The teachers' assignments in plans not yet activated, other than `exceptPlanId`: postings still to come. */
  async pendingOf(teacherIds: readonly string[], exceptPlanId: string): Promise<PendingAssignmentRow[]> {
    if (teacherIds.length === 0) return [];
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select(['a.plan_id AS planId', 'a.teacher_id AS teacherId', 'a.to_school_id AS toSchoolId', 'a.kind AS kind'])
      .addSelect(['a.start_date AS startDate', 'a.end_date AS endDate', 'a.fraction_milli AS fractionMilli'])
      .from('rotation_assignment', 'a')
      .innerJoin('rotation_plan', 'p', 'p.id = a.plan_id')
      .where('a.teacher_id IN (:...teacherIds)', { teacherIds: [...new Set(teacherIds)] })
      .andWhere('a.plan_id <> :exceptPlanId', { exceptPlanId })
      .andWhere('p.status IN (:...pending)', { pending: PENDING_PLAN_STATUSES })
      .orderBy('a.start_date', 'ASC')
      .getRawMany<PendingAssignmentRow & { fractionMilli: number | string }>();
    return rows.map((r) => ({ ...r, fractionMilli: Number(r.fractionMilli) }));
  }

  /** Every posting of the teachers, oldest first: what the posting rules read of them (a plan reads hundreds of teachers'). */
  async postingsOf(teacherIds: readonly string[]): Promise<TeacherPostingRow[]> {
    if (teacherIds.length === 0) return [];
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select(['p.id AS id', 'p.teacher_id AS teacherId', 'p.school_id AS schoolId', 'p.kind AS kind'])
      .addSelect(['p.start_date AS startDate', 'p.end_date AS endDate', 'p.fraction_milli AS fractionMilli'])
      .from('posting', 'p')
      .where('p.teacher_id IN (:...ids)', { ids: [...new Set(teacherIds)] })
      .orderBy('p.start_date', 'ASC')
      .addOrderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany<TeacherPostingRow>();
    // MySQL may read numbers back as strings.
    for (const row of rows) row.fractionMilli = Number(row.fractionMilli);
    return rows;
  }

  /**
   * Holds the teachers' rows until the transaction ends (MySQL/MariaDB), in one statement: recording a posting
   * for one of them waits until the plan's postings are written, and sees them.
   */
  async lockTeachers(ids: readonly string[]): Promise<void> {
    if (this.tx.dialect !== 'mysql' || ids.length === 0) return;
    const sorted = [...new Set(ids)].sort();
    for (let start = 0; start < sorted.length; start += 1000) {
      const chunk = sorted.slice(start, start + 1000);
      await this.tx.manager.query(`SELECT id FROM teacher WHERE id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`, chunk);
    }
  }

  /** Writes new postings, hundreds of rows a statement. */
  async insertPostings(rows: readonly PostingEntity[]): Promise<void> {
    await this.bulk.insert(
      'posting',
      rows.map((r) => ({
        id: r.id,
        teacher_id: r.teacherId,
        school_id: r.schoolId,
        start_date: r.startDate,
        end_date: r.endDate,
        kind: r.kind,
        fraction_milli: r.fractionMilli,
        version: r.version,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })),
    );
  }

  /** The teachers' extra subjects (一专多能). */
  extraSubjectsOf(teacherIds: readonly string[]): Promise<{ teacherId: string; subject: Subject }[]> {
    if (teacherIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder()
      .select(['e.teacher_id AS teacherId', 'e.subject AS subject'])
      .from('teacher_extra_subject', 'e')
      .where('e.teacher_id IN (:...ids)', { ids: [...new Set(teacherIds)] })
      .getRawMany<{ teacherId: string; subject: Subject }>();
  }

  /**
   * Changes postings' last day or share (activation closing or reducing home postings): one statement per distinct
   * (last day, share), a few hundred ids each — a plan's home postings mostly close on the same day.
   */
  async updatePostings(updates: readonly { postingId: string; endDate: string | null; fractionMilli: number }[], now: Date): Promise<void> {
    const groups = new Map<string, { endDate: string | null; fractionMilli: number; ids: string[] }>();
    for (const u of updates) {
      const key = `${u.endDate ?? ''}/${u.fractionMilli}`;
      const group = groups.get(key) ?? { endDate: u.endDate, fractionMilli: u.fractionMilli, ids: [] };
      group.ids.push(u.postingId);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      for (let start = 0; start < group.ids.length; start += 500) {
        await this.tx.manager
          .createQueryBuilder()
          .update(PostingEntity)
          .set({ endDate: group.endDate, fractionMilli: group.fractionMilli, updatedAt: now, version: () => 'version + 1' })
          .where('id IN (:...ids)', { ids: group.ids.slice(start, start + 500) })
          .execute();
      }
    }
  }

  /** The schools' classification changes, the earliest first (what the service rules read). */
  classificationsOf(schoolIds: readonly string[]): Promise<SchoolClassificationEntity[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder(SchoolClassificationEntity, 'c')
      .where('c.school_id IN (:...ids)', { ids: [...new Set(schoolIds)] })
      .orderBy('c.effective_from', 'ASC')
      .getMany();
  }

  /** The schools' staff requests still waiting for staff. */
  openRequestsAt(schoolIds: readonly string[]): Promise<OpenRequestRow[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder()
      .select(['r.id AS id', 'r.school_id AS schoolId', 'r.subject AS subject', 'r.status AS status', 'r.submitted_on AS submittedOn'])
      .addSelect(['r.needed_from AS neededFrom', 'r.headcount AS headcount', 'r.covered_milli AS coveredMilli'])
      .from('staff_request', 'r')
      .where('r.school_id IN (:...ids)', { ids: [...new Set(schoolIds)] })
      .andWhere('r.status IN (:...open)', { open: ['SUBMITTED', 'APPROVED'] })
      .orderBy('r.submitted_on', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawMany<OpenRequestRow & { headcount: number | string; coveredMilli: number | string }>()
      .then((rows) => rows.map((r) => ({ ...r, headcount: Number(r.headcount), coveredMilli: Number(r.coveredMilli) })));
  }

  /** The schools' open shortage flags. */
  openFlagsAt(schoolIds: readonly string[]): Promise<OpenFlagRow[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder()
      .select(['f.id AS id', 'f.school_id AS schoolId', 'f.kind AS kind', 'f.subject AS subject'])
      .from('shortage_flag', 'f')
      .where('f.school_id IN (:...ids)', { ids: [...new Set(schoolIds)] })
      .andWhere("f.status = 'OPEN'")
      .getRawMany<OpenFlagRow>();
  }

  /** Active plans whose every term ended before `today` (only `id`, when given): due to be completed. */
  dueForCompletion(today: string, limit: number, id?: string): Promise<RotationPlanEntity[]> {
    const query = this.tx.manager
      .createQueryBuilder(RotationPlanEntity, 'p')
      .where('p.status = :status', { status: 'ACTIVE' })
      .andWhere('p.last_day < :today', { today });
    if (id !== undefined) query.andWhere('p.id = :id', { id });
    return query.orderBy('p.last_day', 'ASC').addOrderBy('p.id', 'ASC').take(limit).getMany();
  }

  private async decorate(plans: RotationPlanEntity[]): Promise<RotationPlanRow[]> {
    if (plans.length === 0) return [];
    const ids = plans.map((p) => p.id);
    const countyIds = [...new Set(plans.map((p) => p.countyId))];
    const [counts, counties] = await Promise.all([
      this.tx.manager
        .createQueryBuilder()
        .select('a.plan_id', 'planId')
        .addSelect('COUNT(*)', 'n')
        .from('rotation_assignment', 'a')
        .where({ planId: In(ids) })
        .groupBy('a.plan_id')
        .getRawMany<{ planId: string; n: number | string }>(),
      this.tx.manager
        .createQueryBuilder()
        .select(['c.id AS id', 'c.name AS name'])
        .from('county', 'c')
        .where('c.id IN (:...countyIds)', { countyIds })
        .getRawMany<{ id: string; name: string }>(),
    ]);
    const countOf = new Map(counts.map((c) => [c.planId, Number(c.n)]));
    const nameOf = new Map(counties.map((c) => [c.id, c.name]));
    return plans.map((p) => ({ ...p, countyName: nameOf.get(p.countyId) ?? '', assignmentCount: countOf.get(p.id) ?? 0 }));
  }
}

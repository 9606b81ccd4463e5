import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { PostingEntity, PostingRepository, TeacherRepository, TransferEntity, UserRepository } from '@app/database';
import { NotFoundError, PROVINCE_SCOPE, transferPostings, VersionConflictError } from '@app/domain';
import { HeadcountRefresh, postingView, ShortageRescans, StaffNoTakenError } from '@app/registry';

/** What executing a transfer changed: the school the teacher left from, and the new home posting. */
export interface TransferExecuted {
  readonly fromSchoolId: string;
  readonly postingId: string;
}

/**
 * Executes a transfer inside the caller's transaction (docs/rules.md, "Transfers"): the teacher's row
 * is locked, their postings read as they now stand and checked by the posting rules (422
 * POSTING_BEFORE_HIRE, TRANSFER_NOT_AT_SCHOOL, TRANSFER_SAME_SCHOOL, POSTING_OVERLAP), the home posting
 * closed the day before the effective date and a REGULAR posting opened at the destination on it, even
 * when that day is ahead (the rows carry the dates). A teacher who moves to another county is held by it
 * from now on: their record's county, and their teacher account's, become the receiving county (409
 * STAFF_NO_TAKEN when it has a teacher with the same staff number). Both schools' headcounts are
 * recounted and their shortages rescanned through the outbox, in the same transaction.
 */
@Injectable()
export class TransferExecution {
  constructor(
    private readonly teachers: TeacherRepository,
    private readonly postings: PostingRepository,
    private readonly users: UserRepository,
    private readonly headcount: HeadcountRefresh,
    private readonly rescans: ShortageRescans,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The writes of the transfer's postings, checked without writing them (before a transfer is stored as pending). */
  async check(transfer: Pick<TransferEntity, 'teacherId' | 'toSchoolId' | 'effectiveDate'>): Promise<ReturnType<typeof transferPostings>> {
    const today = this.clock.today();
    const teacher = await this.teachers.findInScope(PROVINCE_SCOPE, transfer.teacherId, today);
    if (!teacher) throw new NotFoundError('teacher', transfer.teacherId);
    await this.teachers.lock(teacher.id);
    const recorded = await this.postings.ofTeacher(PROVINCE_SCOPE, teacher.id, today);
    return transferPostings({ hireDate: teacher.hireDate, postings: recorded }, transfer.toSchoolId, transfer.effectiveDate);
  }

  async execute(transfer: TransferEntity, schoolNames: { from: string; to: string }): Promise<TransferExecuted> {
    const today = this.clock.today();
    const teacher = await this.teachers.findInScope(PROVINCE_SCOPE, transfer.teacherId, today);
    if (!teacher) throw new NotFoundError('teacher', transfer.teacherId);
    await this.teachers.lock(teacher.id);
    const recorded = await this.postings.ofTeacher(PROVINCE_SCOPE, teacher.id, today);
    const writes = transferPostings({ hireDate: teacher.hireDate, postings: recorded }, transfer.toSchoolId, transfer.effectiveDate);
    const now = this.clock.now();

    const home = recorded.find((p) => p.id === writes.close.postingId) as PostingEntity;
    if (!(await this.postings.update(home.id, home.version, { endDate: writes.close.endDate, updatedAt: now }))) {
      throw new VersionConflictError('posting', home.id, home.version);
    }
    const closed = { ...home, endDate: writes.close.endDate, version: home.version + 1, updatedAt: now };
    await this.audit.record({
      action: 'posting.close',
      entity: 'posting',
      entityId: home.id,
      countyId: teacher.countyId,
      before: postingView(home, schoolNames.from),
      after: { ...postingView(closed, schoolNames.from), transferId: transfer.id },
    });
    const opened: PostingEntity = { id: newId(), teacherId: teacher.id, ...writes.open, version: 1, createdAt: now, updatedAt: now };
    await this.postings.insert(opened);
    await this.audit.record({
      action: 'posting.create',
      entity: 'posting',
      entityId: opened.id,
      countyId: transfer.toCountyId,
      after: { ...postingView(opened, schoolNames.to), transferId: transfer.id },
    });

    if (teacher.countyId !== transfer.toCountyId) {
      const namesake = await this.teachers.findByStaffNo(transfer.toCountyId, teacher.staffNo);
      if (namesake) throw new StaffNoTakenError(transfer.toCountyId, teacher.staffNo);
      if (!(await this.teachers.update(teacher.id, teacher.version, { countyId: transfer.toCountyId, updatedAt: now }))) {
        throw new VersionConflictError('teacher', teacher.id, teacher.version);
      }
      await this.users.moveTeacherAccounts(teacher.id, transfer.toCountyId);
      await this.audit.record({
        action: 'teacher.transfer',
        entity: 'teacher',
        entityId: teacher.id,
        countyId: transfer.toCountyId,
        before: { countyId: teacher.countyId },
        after: { countyId: transfer.toCountyId, transferId: transfer.id },
      });
    }

    await this.headcount.recount([writes.fromSchoolId, transfer.toSchoolId]);
    await this.rescans.request([writes.fromSchoolId, transfer.toSchoolId]);
    return { fromSchoolId: writes.fromSchoolId, postingId: opened.id };
  }
}

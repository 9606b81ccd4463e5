import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { TransferStatus } from '@app/domain';
import { BoolColumn, CodeColumn, DateColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { SchoolEntity } from './school.entity';
import { TeacherEntity } from './teacher.entity';

/**
 * A transfer (调动, docs/rules.md, "Transfers"): a teacher's home posting moved for good from one school
 * to another, maybe in another county; the anti-poaching check as it stood when it was asked for, the
 * province administrator's exception, the receiving county's decision, and when its postings were written.
 */
@Entity('transfer')
// Lists: the transfers from or to a county, by status, newest first; a teacher's transfers.
@Index(['fromCountyId', 'status', 'createdAt'])
@Index(['toCountyId', 'status', 'createdAt'])
@Index(['teacherId', 'createdAt'])
export class TransferEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  teacherId: string;

  @ManyToOne(() => TeacherEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<TeacherEntity>;

  /** The school of the teacher's home posting on the effective date. */
  @IdColumn()
  fromSchoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_school_id' })
  fromSchool?: Relation<SchoolEntity>;

  /** The county that held the teacher (县管) when the transfer was asked for. */
  @DivisionCodeColumn()
  fromCountyId: string;

  @IdColumn()
  toSchoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_school_id' })
  toSchool?: Relation<SchoolEntity>;

  /** The destination's county: the one that accepts a transfer from another county, and holds the teacher afterwards. */
  @DivisionCodeColumn()
  toCountyId: string;

  @DateColumn()
  effectiveDate: string;

  @CodeColumn(1000)
  reason: string;

  @CodeColumn(12)
  status: TransferStatus;

  /** The anti-poaching check as it stood when asked for: refused or not, why (both languages), under which policy version. */
  @BoolColumn()
  poachingBlocked: boolean;

  @CodeColumn(500)
  poachingReasonZh: string;

  @CodeColumn(500)
  poachingReasonEn: string;

  @CodeColumn(64)
  policyVersion: string;

  /** The province administrator's exception to the anti-poaching rule. */
  @IdColumn({ nullable: true })
  exceptionBy: string | null;

  @CodeColumn(64, { nullable: true })
  exceptionByUsername: string | null;

  @TimestampColumn({ nullable: true })
  exceptionAt: Date | null;

  @CodeColumn(1000, { nullable: true })
  exceptionReason: string | null;

  /** The receiving county's acceptance or rejection (a rejection says why). */
  @IdColumn({ nullable: true })
  decidedBy: string | null;

  @CodeColumn(64, { nullable: true })
  decidedByUsername: string | null;

  @TimestampColumn({ nullable: true })
  decidedAt: Date | null;

  @CodeColumn(1000, { nullable: true })
  decisionNote: string | null;

  /** When the postings were written, and the new home posting at the destination. */
  @TimestampColumn({ nullable: true })
  executedAt: Date | null;

  @IdColumn({ nullable: true })
  postingId: string | null;

  @TimestampColumn({ nullable: true })
  cancelledAt: Date | null;

  @IdColumn()
  createdBy: string;

  @CodeColumn(64)
  createdByUsername: string;

  @TimestampColumn()
  createdAt: Date;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  updatedAt: Date;
}

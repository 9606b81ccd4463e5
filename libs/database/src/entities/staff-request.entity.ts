import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { StaffRequestStatus, Subject } from '@app/domain';
import {
  BoolColumn,
  CodeColumn,
  DateColumn,
  DivisionCodeColumn,
  IdColumn,
  IdPrimaryColumn,
  IntColumn,
  TimestampColumn,
  VersionNumberColumn,
} from './columns';
import { SchoolEntity } from './school.entity';

/**
 * A principal's request to the county for staff (docs/rules.md, "Staff requests"): the subject, the
 * headcount and the day needed from; the justification rule's figures as they stood when it was
 * submitted; who decided it and how; how much of the headcount the postings recorded against it cover.
 */
@Entity('staff_request')
// Lists: a county's or a school's requests by status, newest first.
@Index(['countyId', 'status', 'submittedAt'])
@Index(['schoolId', 'status', 'submittedAt'])
export class StaffRequestEntity {
  @IdPrimaryColumn()
  id: string;

  /** The school's county, beside it for county-wide reads. */
  @DivisionCodeColumn()
  countyId: string;

  @IdColumn()
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity>;

  @CodeColumn(30)
  subject: Subject;

  /** Teachers asked for (whole posts). */
  @IntColumn()
  headcount: number;

  @DateColumn()
  neededFrom: string;

  /** Why, in the principal's words; null when none was given (a request within quota may give none). */
  @CodeColumn(1000, { nullable: true })
  reason: string | null;

  @CodeColumn(12)
  status: StaffRequestStatus;

  /** The justification rule as it stood when submitted: the school year of neededFrom, its allocation (null: none recorded) … */
  @IntColumn()
  quotaYear: number;

  @IntColumn({ nullable: true })
  allocatedQuota: number | null;

  /** … the on-quota headcount on neededFrom (fraction-weighted, thousandths) and whether the request went above the allocation. */
  @IntColumn()
  headcountMilli: number;

  @BoolColumn()
  overQuota: boolean;

  /** The fractions of the postings recorded against it, summed (thousandths). */
  @IntColumn({ default: 0 })
  coveredMilli: number;

  /** The day it was submitted (the bureau's calendar): postings from that day on are new supply. */
  @DateColumn()
  submittedOn: string;

  @TimestampColumn()
  submittedAt: Date;

  @IdColumn()
  submittedBy: string;

  @CodeColumn(64)
  submittedByUsername: string;

  @TimestampColumn({ nullable: true })
  decidedAt: Date | null;

  @IdColumn({ nullable: true })
  decidedBy: string | null;

  @CodeColumn(64, { nullable: true })
  decidedByUsername: string | null;

  /** The officer's note: why it was rejected (required), or a remark on an approval. */
  @CodeColumn(1000, { nullable: true })
  decisionNote: string | null;

  @TimestampColumn({ nullable: true })
  cancelledAt: Date | null;

  @TimestampColumn({ nullable: true })
  fulfilledAt: Date | null;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  updatedAt: Date;
}

import { Entity, Index } from 'typeorm';
import type { RotationPlanStatus } from '@app/domain';
import { CodeColumn, DateColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn, VersionNumberColumn } from './columns';

/**
 * A county's rotation plan (交流轮岗计划) for a plan year (docs/rules.md, "Rotation: plans"): its
 * status in the lifecycle DRAFT → SUBMITTED → APPROVED → ACTIVE → COMPLETED (or CANCELLED), and who
 * took each step when. Its assignments are rotation_assignment rows.
 */
@Entity('rotation_plan')
// A county's plans by year, and the nightly completion of active plans whose terms have ended.
@Index(['countyId', 'year'])
@Index(['status', 'lastDay'])
export class RotationPlanEntity {
  @IdPrimaryColumn()
  id: string;

  @DivisionCodeColumn()
  countyId: string;

  /** The plan year: its reference day (rotation.referenceMonthDay) decides who is eligible. */
  @IntColumn()
  year: number;

  /** The officer's name for it (e.g. 2026年度义务教育教师交流轮岗计划); null: none given. */
  @CodeColumn(200, { nullable: true })
  title: string | null;

  @CodeColumn(12)
  status: RotationPlanStatus;

  /** The last day of the latest term among its assignments (null: no assignment yet); completion waits for the day after. */
  @DateColumn({ nullable: true })
  lastDay: string | null;

  @IdColumn()
  createdBy: string;

  @CodeColumn(64)
  createdByUsername: string;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  submittedAt: Date | null;

  @IdColumn({ nullable: true })
  submittedBy: string | null;

  @TimestampColumn({ nullable: true })
  approvedAt: Date | null;

  @IdColumn({ nullable: true })
  approvedBy: string | null;

  @TimestampColumn({ nullable: true })
  activatedAt: Date | null;

  @IdColumn({ nullable: true })
  activatedBy: string | null;

  @TimestampColumn({ nullable: true })
  completedAt: Date | null;

  @TimestampColumn({ nullable: true })
  cancelledAt: Date | null;

  @IdColumn({ nullable: true })
  cancelledBy: string | null;

  /** Why it was cancelled (required to cancel). */
  @CodeColumn(1000, { nullable: true })
  cancelReason: string | null;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  updatedAt: Date;
}

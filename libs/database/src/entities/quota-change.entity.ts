import { Column, Entity, Index } from 'typeorm';
import { CodeColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn } from './columns';

export const QUOTA_CHANGE_KINDS = ['APPROVED_TOTAL', 'ALLOCATION', 'MOVE_OUT', 'MOVE_IN'] as const;
export type QuotaChangeKind = (typeof QUOTA_CHANGE_KINDS)[number];

/**
 * One change of a county's quota pool, kept for its history (动态管理 is audited): the approved total,
 * an allocation to a school, or the two sides of a move between schools (sharing `moveId`). The
 * audit log holds the same change with the request that made it; this table answers "what happened
 * to this school's quota" in one indexed query.
 */
@Entity('quota_change')
@Index(['schoolId', 'year', 'at'])
@Index(['countyId', 'year', 'at'])
export class QuotaChangeEntity {
  @IdPrimaryColumn()
  id: string;

  @DivisionCodeColumn()
  countyId: string;

  /** The school concerned; null for a change of the county's approved total. */
  @IdColumn({ nullable: true })
  schoolId: string | null;

  @IntColumn()
  year: number;

  @CodeColumn(20)
  kind: QuotaChangeKind;

  /** The figure before (null when there was none) and after the change. */
  @IntColumn({ nullable: true })
  previousValue: number | null;

  @IntColumn()
  newValue: number;

  /** The move this side belongs to (MOVE_OUT / MOVE_IN), and the other school. */
  @IdColumn({ nullable: true })
  moveId: string | null;

  @IdColumn({ nullable: true })
  otherSchoolId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @IdColumn({ nullable: true })
  actorId: string | null;

  @CodeColumn(64)
  actorUsername: string;

  @TimestampColumn()
  at: Date;
}

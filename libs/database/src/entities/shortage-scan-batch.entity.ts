import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { CodeColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, JsonTextColumn, TimestampColumn } from './columns';
import { ShortageScanEntity } from './shortage-scan.entity';

export const SCAN_BATCH_STATUSES = ['PENDING', 'DONE', 'FAILED'] as const;
export type ScanBatchStatus = (typeof SCAN_BATCH_STATUSES)[number];

/**
 * One unit of work of a shortage scan: some schools of one county, scanned in one transaction by
 * one job. `pending` lists the schools still to scan: all of them at first, then those that
 * failed, for the next try. A unit is DONE when none is left, FAILED when a school used up its
 * tries (the others were scanned).
 */
@Entity('shortage_scan_batch')
@Index(['scanId', 'status'])
@Index(['status', 'updatedAt'])
export class ShortageScanBatchEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  scanId: string;

  @ManyToOne(() => ShortageScanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scan_id' })
  scan?: Relation<ShortageScanEntity>;

  @DivisionCodeColumn()
  countyId: string;

  /** Schools still to scan (ids). */
  @JsonTextColumn({ nullable: false })
  pending: string[];

  @CodeColumn(10)
  status: ScanBatchStatus;

  /** Tries so far that left a school failing. */
  @IntColumn({ default: 0 })
  failedTries: number;

  /** The last school that failed and its error. */
  @CodeColumn(1000, { nullable: true })
  lastError: string | null;

  @TimestampColumn()
  updatedAt: Date;
}

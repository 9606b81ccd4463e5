import { Entity, Index } from 'typeorm';
import type { ScanStatus } from '@app/domain';
import { CodeColumn, DateColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn } from './columns';

export const SCAN_TRIGGERS = ['REQUEST', 'NIGHTLY', 'CHANGE'] as const;
export type ScanTrigger = (typeof SCAN_TRIGGERS)[number];

/**
 * A shortage scan of some schools on a day: an officer's request (a county, a city, the
 * province), the nightly scan of every county, or the rescan of one school after a change. Its
 * schools are split into units of work (ShortageScanBatchEntity); it is DONE when every unit is,
 * FAILED when every unit has finished and one could not. The counters add up the units'.
 */
@Entity('shortage_scan')
@Index(['countyId', 'createdAt'])
@Index(['cityId', 'createdAt'])
@Index(['createdAt'])
// One nightly scan per night, however many times the nightly job runs.
@Index(['nightOf'], { unique: true })
export class ShortageScanEntity {
  @IdPrimaryColumn()
  id: string;

  @CodeColumn(10)
  trigger: ScanTrigger;

  /** What it covers: one county (countyId), one city (cityId), or the province (both null). */
  @DivisionCodeColumn({ nullable: true })
  countyId: string | null;

  @DivisionCodeColumn({ nullable: true })
  cityId: string | null;

  /** The one school of a rescan after a change; null for a scan of whole counties. */
  @IdColumn({ nullable: true })
  schoolId: string | null;

  /** Who asked for it (null for the nightly scan and rescans). */
  @IdColumn({ nullable: true })
  requestedBy: string | null;

  /** The day whose postings, enrolment and classification it reads. */
  @DateColumn()
  asOf: string;

  /** The night of a nightly scan (its day); null for the others. */
  @DateColumn({ nullable: true })
  nightOf: string | null;

  @CodeColumn(10)
  status: ScanStatus;

  @IntColumn({ default: 0 })
  schoolsTotal: number;

  @IntColumn({ default: 0 })
  schoolsScanned: number;

  @IntColumn({ default: 0 })
  schoolsFailed: number;

  @IntColumn({ default: 0 })
  flagsOpened: number;

  @IntColumn({ default: 0 })
  flagsUpdated: number;

  @IntColumn({ default: 0 })
  flagsResolved: number;

  /** Why it FAILED: the first school that kept failing and its error. */
  @CodeColumn(1000, { nullable: true })
  error: string | null;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  startedAt: Date | null;

  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;
}

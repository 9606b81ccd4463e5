import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { FlagStatus, ShortageExplanation, ShortageKind, ShortageSeverity, Subject } from '@app/domain';
import { CodeColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, JsonTextColumn, TimestampColumn } from './columns';
import { SchoolEntity } from './school.entity';

/**
 * A shortage a scan found at a school (docs/rules.md, "Shortages"): one row per school, kind and
 * subject for good. A later scan that no longer finds it resolves it; one that finds it again
 * reopens the same row. Figures are stored in thousandths, as shown.
 */
@Entity('shortage_flag')
// One flag per (school, kind, subject): a scan never duplicates one, even two scans at once.
@Index(['schoolId', 'kind', 'subjectKey'], { unique: true })
// Listing and summaries: a county's open flags by severity; a city's through its counties.
@Index(['countyId', 'status', 'severity'])
@Index(['status', 'openedAt'])
export class ShortageFlagEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity>;

  /** The school's county, kept beside it for county-wide reads. */
  @DivisionCodeColumn()
  countyId: string;

  @CodeColumn(30)
  kind: ShortageKind;

  /** The subject short of teachers; null for the PE + music + fine arts ratio. */
  @CodeColumn(30, { nullable: true })
  subject: Subject | null;

  /** `subject`, or '' when there is none: what the unique key reads (a null would not be unique on MySQL). */
  @CodeColumn(30)
  subjectKey: string;

  @CodeColumn(10)
  severity: ShortageSeverity;

  @CodeColumn(10)
  status: FlagStatus;

  @IntColumn()
  requiredMilli: number;

  @IntColumn()
  actualMilli: number;

  @IntColumn()
  gapMilli: number;

  /** When the flag was opened, or last reopened. */
  @TimestampColumn()
  openedAt: Date;

  /** When a scan last found it. */
  @TimestampColumn()
  lastSeenAt: Date;

  @TimestampColumn({ nullable: true })
  resolvedAt: Date | null;

  @CodeColumn(40)
  policyVersion: string;

  /** Why it has its figures: grades, classes and periods; teachers and fractions; the policy numbers used. */
  @JsonTextColumn({ nullable: false })
  explanation: ShortageExplanation;

  /** The scan that last opened, updated, resolved or saw it. */
  @IdColumn()
  lastScanId: string;

  @TimestampColumn()
  updatedAt: Date;
}

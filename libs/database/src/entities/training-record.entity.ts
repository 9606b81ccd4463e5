import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { TrainingCategory, TrainingEntryKind, TrainingRecordStatus } from '@app/domain';
import { CodeColumn, DateColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { TeacherEntity } from './teacher.entity';

/** Hours as an exact decimal on MySQL (read back as a string) and a number on SQLite: always a number here. */
const hoursTransformer = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * One entry of a teacher's training ledger (继续教育学时): a record of training with its approval
 * status, or the reversal of an approved record (negative hours, linked to it, approved at once).
 * Approved entries are never edited or deleted.
 */
@Entity('training_record')
// Both cover the reports' reads (a teacher's or a county's entries of a cycle by status, category
// and hours), so that those never touch the table's rows.
@Index(['teacherId', 'startDate', 'status', 'hours'])
@Index(['countyId', 'startDate', 'category', 'status', 'hours'])
@Index(['reversesId'], { unique: true })
export class TrainingRecordEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  teacherId: string;

  @ManyToOne(() => TeacherEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<TeacherEntity>;

  /** The teacher's county when the entry was written (reports and scope). */
  @DivisionCodeColumn()
  countyId: string;

  @CodeColumn(200)
  title: string;

  @CodeColumn(200)
  provider: string;

  @CodeColumn(16)
  category: TrainingCategory;

  @Column({ type: 'decimal', precision: 7, scale: 2, transformer: hoursTransformer })
  hours: number;

  @DateColumn()
  startDate: string;

  @DateColumn()
  endDate: string;

  @CodeColumn(10)
  status: TrainingRecordStatus;

  @CodeColumn(10)
  kind: TrainingEntryKind;

  /** For a reversal: the approved record it cancels (at most one reversal per record). */
  @IdColumn({ nullable: true })
  reversesId: string | null;

  @ManyToOne(() => TrainingRecordEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reverses_id' })
  reverses?: Relation<TrainingRecordEntity> | null;

  /** Why it was rejected, or why it was reversed. */
  @CodeColumn(500, { nullable: true })
  reason: string | null;

  @IdColumn({ nullable: true })
  submittedBy: string | null;

  @TimestampColumn()
  submittedAt: Date;

  @IdColumn({ nullable: true })
  decidedBy: string | null;

  @TimestampColumn({ nullable: true })
  decidedAt: Date | null;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  updatedAt: Date;
}

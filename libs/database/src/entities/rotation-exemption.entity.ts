import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { ExemptionReason } from '@app/domain';
import { CodeColumn, DateColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, TimestampColumn } from './columns';
import { TeacherEntity } from './teacher.entity';

/**
 * An exemption from rotation an officer recorded for a teacher (illness, pregnancy, …), valid
 * from `validFrom` to `validTo` inclusive (null = until withdrawn). Withdrawing one deletes it;
 * the audit log keeps it.
 */
@Entity('rotation_exemption')
// The candidates of a county read the exemptions valid on a day; a teacher's own list reads theirs.
@Index(['countyId', 'validFrom'])
@Index(['teacherId', 'validFrom'])
export class RotationExemptionEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  teacherId: string;

  @ManyToOne(() => TeacherEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<TeacherEntity>;

  /** The teacher's county when the exemption was recorded. */
  @DivisionCodeColumn()
  countyId: string;

  @CodeColumn(20)
  reason: ExemptionReason;

  @CodeColumn(500, { nullable: true })
  note: string | null;

  @DateColumn()
  validFrom: string;

  @DateColumn({ nullable: true })
  validTo: string | null;

  /** The account that recorded it. */
  @IdColumn({ nullable: true })
  createdBy: string | null;

  @TimestampColumn()
  createdAt: Date;
}

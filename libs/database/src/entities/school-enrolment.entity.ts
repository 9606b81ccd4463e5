import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { SchoolEntity } from './school.entity';

/** A school's enrolment for one school year (2026 = the year starting in autumn 2026); grades in EnrolmentGradeEntity. */
@Entity('school_enrolment')
@Index(['schoolId', 'schoolYear'], { unique: true })
export class SchoolEnrolmentEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity>;

  @IntColumn()
  schoolYear: number;

  @IntColumn({ default: 0 })
  boarders: number;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  updatedAt: Date;
}

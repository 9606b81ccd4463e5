import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { IntColumn } from './columns';
import { SchoolEnrolmentEntity } from './school-enrolment.entity';

/** Students and classes of one grade (1–12) in one school's enrolment year. */
@Entity('enrolment_grade')
export class EnrolmentGradeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  enrolmentId: string;

  @ManyToOne(() => SchoolEnrolmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<SchoolEnrolmentEntity>;

  @PrimaryColumn({ type: 'int' })
  grade: number;

  @IntColumn()
  students: number;

  @IntColumn()
  classes: number;
}

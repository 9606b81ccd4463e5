import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { Subject } from '@app/domain';
import { IntColumn } from './columns';
import { TeacherEntity } from './teacher.entity';

/** 一专多能: part of a teacher's week given to a subject other than their main one (thousandths). */
@Entity('teacher_extra_subject')
export class TeacherExtraSubjectEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  teacherId: string;

  @ManyToOne(() => TeacherEntity, (teacher) => teacher.extraSubjects, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<TeacherEntity>;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  subject: Subject;

  @IntColumn()
  fractionMilli: number;
}

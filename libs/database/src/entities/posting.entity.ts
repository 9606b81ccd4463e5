import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { PostingKind } from '@app/domain';
import { CodeColumn, DateColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { SchoolEntity } from './school.entity';
import { TeacherEntity } from './teacher.entity';

/**
 * 任教经历: the single source of truth for where a teacher worked, from `startDate` to
 * `endDate` inclusive (null = open), at `fractionMilli` thousandths of a full post.
 */
@Entity('posting')
@Index(['teacherId', 'startDate'])
@Index(['schoolId', 'startDate'])
export class PostingEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  teacherId: string;

  @ManyToOne(() => TeacherEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<TeacherEntity>;

  @IdColumn()
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity>;

  @DateColumn()
  startDate: string;

  @DateColumn({ nullable: true })
  endDate: string | null;

  @CodeColumn(12)
  kind: PostingKind;

  @IntColumn()
  fractionMilli: number;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  updatedAt: Date;
}

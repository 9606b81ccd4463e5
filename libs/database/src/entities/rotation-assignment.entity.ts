import { Entity, Index, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import type { BackboneLevel, PostingKind, RotationMode, Subject } from '@app/domain';
import { CodeColumn, DateColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn } from './columns';
import { RotationPlanEntity } from './rotation-plan.entity';
import { SchoolEntity } from './school.entity';
import { TeacherEntity } from './teacher.entity';

/**
 * One teacher's assignment in a rotation plan (docs/rules.md, "Rotation: plans"): from the home school
 * to another school of the county, for a term, in a mode; at a share of the week for a `SHARED` one.
 * The teacher's subject and backbone level are kept as they were when the assignment was made (the
 * targets and the rewards count them so). Once the plan is activated, `postingId` is the posting it wrote
 * at the destination.
 */
@Entity('rotation_assignment')
@Unique(['planId', 'teacherId'])
// A county's assignments by term (other plans' assignments of a teacher; the rewards report), a school's received.
@Index(['countyId', 'startDate'])
@Index(['teacherId', 'startDate'])
@Index(['toSchoolId', 'startDate'])
export class RotationAssignmentEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  planId: string;

  @ManyToOne(() => RotationPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<RotationPlanEntity>;

  /** The plan's county. */
  @DivisionCodeColumn()
  countyId: string;

  @IdColumn()
  teacherId: string;

  @ManyToOne(() => TeacherEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<TeacherEntity>;

  /** The school of the teacher's regular posting on the first day. */
  @IdColumn()
  fromSchoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_school_id' })
  fromSchool?: Relation<SchoolEntity>;

  @IdColumn()
  toSchoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_school_id' })
  toSchool?: Relation<SchoolEntity>;

  @DateColumn()
  startDate: string;

  /** Always set: the end given, or the end of the default term. */
  @DateColumn()
  endDate: string;

  @CodeColumn(12)
  mode: RotationMode;

  /** The kind of posting it writes at the destination. */
  @CodeColumn(12)
  kind: PostingKind;

  /** Members of one team share it (TEAM only). */
  @CodeColumn(40, { nullable: true })
  teamId: string | null;

  /** Share of the week at the destination, in thousandths (1000 unless SHARED). */
  @IntColumn()
  fractionMilli: number;

  @CodeColumn(30)
  subject: Subject;

  @CodeColumn(12)
  backbone: BackboneLevel;

  /** The posting written at the destination on activation; null before. */
  @IdColumn({ nullable: true })
  postingId: string | null;

  @IdColumn()
  createdBy: string;

  @TimestampColumn()
  createdAt: Date;
}

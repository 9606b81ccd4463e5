import { Entity, Index, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import type { BackboneLevel, Gender, Post, PsychologyRole, Subject, TitleLevel } from '@app/domain';
import { BoolColumn, CodeColumn, DateColumn, DivisionCodeColumn, IdPrimaryColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { CountyEntity } from './county.entity';
import { TeacherExtraSubjectEntity } from './teacher-extra-subject.entity';

/** A teacher of a county (县管). Where they work is their postings, never a field here. */
@Entity('teacher')
@Index(['countyId', 'staffNo'], { unique: true })
@Index(['countyId', 'name'])
export class TeacherEntity {
  @IdPrimaryColumn()
  id: string;

  @DivisionCodeColumn()
  countyId: string;

  @ManyToOne(() => CountyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_id' })
  county?: Relation<CountyEntity>;

  @CodeColumn(32)
  staffNo: string;

  @CodeColumn(50)
  name: string;

  @CodeColumn(6)
  gender: Gender;

  @DateColumn()
  birthDate: string;

  @DateColumn()
  hireDate: string;

  @BoolColumn()
  onQuota: boolean;

  @CodeColumn(30)
  subject: Subject;

  @OneToMany(() => TeacherExtraSubjectEntity, (extra) => extra.teacher)
  extraSubjects?: Relation<TeacherExtraSubjectEntity[]>;

  @CodeColumn(20)
  titleLevel: TitleLevel;

  @DateColumn({ nullable: true })
  titleSince: string | null;

  @CodeColumn(10)
  backbone: BackboneLevel;

  @CodeColumn(10)
  psychology: PsychologyRole;

  @CodeColumn(20)
  post: Post;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  updatedAt: Date;
}

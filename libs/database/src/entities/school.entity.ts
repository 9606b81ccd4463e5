import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { Stage } from '@app/domain';
import {
  BoolColumn,
  CodeColumn,
  DateColumn,
  DivisionCodeColumn,
  IdColumn,
  IdPrimaryColumn,
  IntColumn,
  TimestampColumn,
  VersionNumberColumn,
} from './columns';
import { CountyEntity } from './county.entity';
import { SchoolClusterEntity } from './school-cluster.entity';

/** A school of a county. Its location and weak flag are effective-dated: see SchoolClassificationEntity. */
@Entity('school')
@Index(['countyId', 'code'], { unique: true })
@Index(['countyId', 'name'])
export class SchoolEntity {
  @IdPrimaryColumn()
  id: string;

  @DivisionCodeColumn()
  countyId: string;

  @ManyToOne(() => CountyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_id' })
  county?: Relation<CountyEntity>;

  @CodeColumn(32)
  code: string;

  @CodeColumn(100)
  name: string;

  @CodeColumn(20)
  stage: Stage;

  @BoolColumn({ default: false })
  townshipCentral: boolean;

  @BoolColumn({ default: false })
  boarding: boolean;

  /** Education group (教育集团), a school cluster of kind GROUP. */
  @IdColumn({ nullable: true })
  groupId: string | null;

  @ManyToOne(() => SchoolClusterEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<SchoolClusterEntity> | null;

  /** School district (学区), a school cluster of kind DISTRICT. */
  @IdColumn({ nullable: true })
  districtId: string | null;

  @ManyToOne(() => SchoolClusterEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<SchoolClusterEntity> | null;

  /** Cached on-quota headcount (fraction-weighted, thousandths) on `headcountAsOf`, kept by a queued job. */
  @IntColumn({ nullable: true })
  headcountMilli: number | null;

  @DateColumn({ nullable: true })
  headcountAsOf: string | null;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  updatedAt: Date;
}

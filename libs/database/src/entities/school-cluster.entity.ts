import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { ClusterKind } from '@app/domain';
import { CodeColumn, DivisionCodeColumn, IdPrimaryColumn, TimestampColumn } from './columns';
import { CountyEntity } from './county.entity';

/** Schools organised together: an education group (教育集团) or a school district (学区). */
@Entity('school_cluster')
@Index(['countyId', 'kind', 'name'], { unique: true })
export class SchoolClusterEntity {
  @IdPrimaryColumn()
  id: string;

  @DivisionCodeColumn()
  countyId: string;

  @ManyToOne(() => CountyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_id' })
  county?: Relation<CountyEntity>;

  @CodeColumn(10)
  kind: ClusterKind;

  @CodeColumn(100)
  name: string;

  @TimestampColumn()
  createdAt: Date;
}

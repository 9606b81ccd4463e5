import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { IntColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { CountyEntity } from './county.entity';

/** 核定编制总数: a county's approved staffing quota for one year, entered by its officers (the staffing quota rules in docs/rules.md). */
@Entity('county_quota')
export class CountyQuotaEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  countyId: string;

  @ManyToOne(() => CountyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_id' })
  county?: Relation<CountyEntity>;

  @PrimaryColumn({ type: 'int' })
  year: number;

  /** Staff posts approved for the county's schools that year. */
  @IntColumn()
  approvedTotal: number;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  updatedAt: Date;
}

import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { DivisionCodeColumn, IntColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { SchoolEntity } from './school.entity';

/**
 * The part of its county's approved quota allocated to a school for one year. The allocations of a
 * county's schools never add up to more than the county's approved total (the staffing quota rules in docs/rules.md).
 */
@Entity('school_quota_allocation')
@Index(['countyId', 'year'])
export class SchoolQuotaAllocationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity>;

  @PrimaryColumn({ type: 'int' })
  year: number;

  /** The school's county, beside it for county-wide sums. */
  @DivisionCodeColumn()
  countyId: string;

  @IntColumn()
  allocated: number;

  @VersionNumberColumn()
  version: number;

  @TimestampColumn()
  updatedAt: Date;
}

import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { Location } from '@app/domain';
import { BoolColumn, CodeColumn, DateColumn, IdColumn, IdPrimaryColumn, TimestampColumn } from './columns';
import { SchoolEntity } from './school.entity';

/** A change of a school's classification from `effectiveFrom` on; a null field is left as it was. */
@Entity('school_classification')
@Index(['schoolId', 'effectiveFrom'], { unique: true })
export class SchoolClassificationEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity>;

  @DateColumn()
  effectiveFrom: string;

  @CodeColumn(10, { nullable: true })
  location: Location | null;

  @BoolColumn({ nullable: true })
  weak: boolean | null;

  @TimestampColumn()
  createdAt: Date;
}

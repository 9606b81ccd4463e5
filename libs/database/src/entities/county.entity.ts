import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CityEntity } from './city.entity';
import { CodeColumn, DivisionCodeColumn } from './columns';

/** 县/市/区: a county-level unit, which holds its teachers' staffing; id = official division code. */
@Entity('county')
@Index(['cityId'])
export class CountyEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  id: string;

  @DivisionCodeColumn()
  cityId: string;

  @ManyToOne(() => CityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<CityEntity>;

  @CodeColumn(50)
  name: string;
}

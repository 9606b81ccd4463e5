import { Entity, PrimaryColumn } from 'typeorm';
import type { Zone } from '@app/domain';
import { CodeColumn } from './columns';

/** 设区市: one of Jiangsu's 13 cities; id = official 6-digit division code. */
@Entity('city')
export class CityEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  id: string;

  @CodeColumn(50)
  name: string;

  @CodeColumn(50)
  nameEn: string;

  @CodeColumn(10)
  zone: Zone;
}

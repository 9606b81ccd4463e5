import { Entity, Index, PrimaryColumn } from 'typeorm';
import type { PolicyDocument } from '@app/domain';
import { CodeColumn, DateColumn, IdColumn, JsonTextColumn, TimestampColumn } from './columns';

/** A published version of the policy set; the one in force on a day is the latest effective on or before it. */
@Entity('policy_version')
@Index(['effectiveFrom'])
export class PolicyVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @DateColumn()
  effectiveFrom: string;

  @CodeColumn(200)
  title: string;

  @JsonTextColumn({ nullable: false })
  document: PolicyDocument;

  @TimestampColumn()
  publishedAt: Date;

  @IdColumn({ nullable: true })
  publishedBy: string | null;
}

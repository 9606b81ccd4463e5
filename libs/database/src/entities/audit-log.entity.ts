import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, DivisionCodeColumn, IdColumn, JsonTextColumn, TimestampColumn } from './columns';

/** One write: who, what, on which entity, the state before and after, when, and in which request. */
@Entity('audit_log')
@Index(['entity', 'entityId'])
@Index(['countyId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'int' })
  id: number;

  @TimestampColumn()
  at: Date;

  @IdColumn({ nullable: true })
  actorId: string | null;

  @CodeColumn(64)
  actorUsername: string;

  @CodeColumn(20)
  actorRole: string;

  @CodeColumn(64)
  action: string;

  @CodeColumn(40)
  entity: string;

  @CodeColumn(64)
  entityId: string;

  /** The county the entity belongs to (null for province-level entities such as policy versions). */
  @DivisionCodeColumn({ nullable: true })
  countyId: string | null;

  @JsonTextColumn()
  before: Record<string, unknown> | null;

  @JsonTextColumn()
  after: Record<string, unknown> | null;

  @CodeColumn(64, { nullable: true })
  requestId: string | null;
}

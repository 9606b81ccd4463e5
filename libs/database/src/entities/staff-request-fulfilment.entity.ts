import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { PostingKind } from '@app/domain';
import { CodeColumn, DateColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn } from './columns';
import { StaffRequestEntity } from './staff-request.entity';

/**
 * A posting recorded against a staff request, as it stood when recorded: its teacher, kind, dates and
 * fraction. A posting counts towards one request only. The posting is not a foreign key: correcting or
 * deleting it later leaves what was counted (the audit log has both).
 */
@Entity('staff_request_fulfilment')
@Index(['requestId', 'recordedAt'])
@Index(['postingId'], { unique: true })
export class StaffRequestFulfilmentEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  requestId: string;

  @ManyToOne(() => StaffRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<StaffRequestEntity>;

  @IdColumn()
  postingId: string;

  @IdColumn()
  teacherId: string;

  @CodeColumn(12)
  kind: PostingKind;

  @DateColumn()
  startDate: string;

  @DateColumn({ nullable: true })
  endDate: string | null;

  @IntColumn()
  fractionMilli: number;

  @TimestampColumn()
  recordedAt: Date;

  @IdColumn({ nullable: true })
  recordedBy: string | null;

  @CodeColumn(64)
  recordedByUsername: string;
}

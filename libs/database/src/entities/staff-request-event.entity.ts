import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { StaffRequestEvent, StaffRequestStatus } from '@app/domain';
import { CodeColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn } from './columns';
import { StaffRequestEntity } from './staff-request.entity';

/** One step of a staff request's history: what happened, the status it left, who did it and when, what they wrote. */
@Entity('staff_request_event')
@Index(['requestId', 'at'])
export class StaffRequestEventEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  requestId: string;

  @ManyToOne(() => StaffRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<StaffRequestEntity>;

  @CodeColumn(24)
  event: StaffRequestEvent;

  @CodeColumn(12)
  statusAfter: StaffRequestStatus;

  @TimestampColumn()
  at: Date;

  @IdColumn({ nullable: true })
  actorId: string | null;

  @CodeColumn(64)
  actorUsername: string;

  @CodeColumn(20)
  actorRole: string;

  /** The reason (submitted), the decision's note, or nothing. */
  @CodeColumn(1000, { nullable: true })
  note: string | null;

  /** A fulfilment: the posting recorded and the fraction it counts. */
  @IdColumn({ nullable: true })
  postingId: string | null;

  @IntColumn({ nullable: true })
  fractionMilli: number | null;
}

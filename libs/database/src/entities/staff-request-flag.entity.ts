import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ShortageFlagEntity } from './shortage-flag.entity';
import { StaffRequestEntity } from './staff-request.entity';

/** A shortage flag a staff request cites as its evidence (an open flag of the request's school when cited). */
@Entity('staff_request_flag')
export class StaffRequestFlagEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  requestId: string;

  @ManyToOne(() => StaffRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<StaffRequestEntity>;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  flagId: string;

  @ManyToOne(() => ShortageFlagEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'flag_id' })
  flag?: Relation<ShortageFlagEntity>;
}

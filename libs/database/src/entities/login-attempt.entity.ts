import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CodeColumn, TimestampColumn } from './columns';

/** Every sign-in attempt: the trail officers can read and what the rate limit counts. */
@Entity('login_attempt')
@Index(['username', 'attemptedAt'])
@Index(['ip', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'int' })
  id: number;

  @CodeColumn(64)
  username: string;

  @CodeColumn(64)
  ip: string;

  @BoolColumn()
  succeeded: boolean;

  @TimestampColumn()
  attemptedAt: Date;
}

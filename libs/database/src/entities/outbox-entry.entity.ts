import { Entity, Index } from 'typeorm';
import { CodeColumn, IdColumn, IdPrimaryColumn, IntColumn, JsonTextColumn, TimestampColumn } from './columns';

/**
 * A job that a write caused, stored in the write's own transaction (the transactional outbox).
 * The relay hands it to the queue driver and deletes it once the driver has taken it, so the
 * table holds only what is still to be delivered. Ids are time-ordered: older entries go first.
 */
@Entity('outbox_entry')
@Index(['availableAt'])
@Index(['claimToken'])
// A debounced job (such as a school's rescan) waits under its key: while one waits, another is not added.
@Index(['dedupeKey'], { unique: true })
export class OutboxEntryEntity {
  @IdPrimaryColumn()
  id: string;

  @CodeColumn(64)
  jobName: string;

  @JsonTextColumn({ nullable: false })
  payload: Record<string, unknown>;

  @TimestampColumn()
  createdAt: Date;

  /**
   * When a relay may next take the entry: the write's time, later after a failed delivery
   * (backoff), or the end of a claim's lease while a relay is delivering it.
   */
  @TimestampColumn()
  availableAt: Date;

  /** Failed deliveries so far. */
  @IntColumn({ default: 0 })
  attempts: number;

  @CodeColumn(500, { nullable: true })
  lastError: string | null;

  /** The claim of the relay delivering the entry now (null when none is). */
  @IdColumn({ nullable: true })
  claimToken: string | null;

  @TimestampColumn({ nullable: true })
  claimedAt: Date | null;

  /**
   * Set for a debounced job: while this entry waits, adding another under the same key adds
   * nothing (the waiting one will read the latest data). Cleared when a relay claims the entry, so
   * a change made while it is being delivered queues a new one.
   */
  @CodeColumn(120, { nullable: true })
  dedupeKey: string | null;
}

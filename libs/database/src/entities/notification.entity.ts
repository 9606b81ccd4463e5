import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { NotificationKind } from '@app/domain';
import { CodeColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, JsonTextColumn, TimestampColumn } from './columns';
import { UserEntity } from './user.entity';

/**
 * A message to one person about something that happened (a shortage flag opened, later a staff
 * request decided …), written in the transaction of the change that caused it. The text is stored
 * as rendered in both languages, so it reads the same after the policy or a label changes; the
 * template's params are kept beside it as data. Ids are time-ordered.
 *
 * The county and school say where the thing it is about lies; they are a record of what was said,
 * not links (no foreign keys: a notification outlives a change to what it is about).
 */
@Entity('notification')
// Own notifications newest first; own unread ones (count, list) newest first.
@Index(['recipientUserId', 'createdAt', 'id'])
@Index(['recipientUserId', 'readAt', 'createdAt', 'id'])
// The same notification twice to one person is written once (an at-least-once job that notifies again).
@Index(['recipientUserId', 'dedupeKey'], { unique: true })
export class NotificationEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  recipientUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipient?: Relation<UserEntity>;

  @CodeColumn(40)
  kind: NotificationKind;

  @CodeColumn(200)
  titleZh: string;

  @CodeColumn(200)
  titleEn: string;

  @Column({ type: 'text' })
  bodyZh: string;

  @Column({ type: 'text' })
  bodyEn: string;

  /** The params the kind's template read (figures, names), as data for the console. */
  @JsonTextColumn({ nullable: false })
  params: Record<string, unknown>;

  /** What it is about: an entity name (`shortage_flag`) and its id. */
  @CodeColumn(40)
  entity: string;

  @CodeColumn(64)
  entityId: string;

  @DivisionCodeColumn({ nullable: true })
  countyId: string | null;

  @IdColumn({ nullable: true })
  schoolId: string | null;

  /** What makes two notifications the same one for a person (e.g. `shortage_flag:<id>:opened:<time>`). */
  @CodeColumn(200)
  dedupeKey: string;

  @TimestampColumn()
  createdAt: Date;

  /** When the recipient marked it read; null while unread. */
  @TimestampColumn({ nullable: true })
  readAt: Date | null;
}

import { Injectable } from '@nestjs/common';
import { Clock, newId } from '@app/core';
import { NotificationEntity, NotificationRepository, TransactionHost } from '@app/database';
import { namesNobody, NotificationMessage, Recipient, recipientQuery, renderNotification } from '@app/domain';

/** What a notification is about: an entity name and id, and the county and school where it lies (null when none applies). */
export interface NotificationSubject {
  /** snake_case entity name, as in the audit log: `shortage_flag`, `staff_request` … (at most 40 characters). */
  readonly entity: string;
  readonly entityId: string;
  readonly countyId: string | null;
  readonly schoolId: string | null;
}

/** A notification to send: the kind and its template's params, who receives it, what it is about, and what makes it the same one. */
export type NotifyCommand = NotificationMessage & {
  readonly to: readonly Recipient[];
  readonly about: NotificationSubject;
  /**
   * The same key to the same person is written once: a job that runs twice notifies nobody twice.
   * Name the event, not the moment of sending: `shortage_flag:<id>:opened:<openedAt>` (at most 200 characters).
   */
  readonly dedupeKey: string;
  /** Accounts left out whatever names them, e.g. the person whose change it is. */
  readonly except?: readonly string[];
};

const LIMITS = { entity: 40, entityId: 64, dedupeKey: 200 } as const;

/**
 * Sends notifications. A use case calls `notify` inside the transaction of the change that causes
 * it, so the notification exists exactly when the change does (none lost when the change commits,
 * none left behind when it rolls back). Recipients are found in one query; the text is rendered in
 * Chinese and English from the kind's template and stored as it reads.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly tx: TransactionHost,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  /** Writes the notification for each recipient not holding it under `dedupeKey` yet; answers who got it now (account ids, sorted). */
  async notify(command: NotifyCommand): Promise<string[]> {
    if (!this.tx.inTransaction) {
      throw new Error('Notifier.notify runs inside the transaction of the change that causes it (TransactionHost.run)');
    }
    for (const [field, value] of [
      ['entity', command.about.entity],
      ['entityId', command.about.entityId],
      ['dedupeKey', command.dedupeKey],
    ] as const) {
      if (value.trim() === '' || [...value].length > LIMITS[field])
        throw new Error(`Notifier.notify: ${field} must have 1 to ${LIMITS[field]} characters`);
    }
    const query = recipientQuery(command.to, command.except);
    if (namesNobody(query)) return [];
    const text = renderNotification(command);
    const recipients = await this.notifications.recipients(query, command.dedupeKey);
    const createdAt = this.clock.now();
    await this.notifications.insert(
      recipients.map((recipientUserId) =>
        Object.assign(new NotificationEntity(), {
          id: newId(),
          recipientUserId,
          kind: command.kind,
          titleZh: text.title.zh,
          titleEn: text.title.en,
          bodyZh: text.body.zh,
          bodyEn: text.body.en,
          params: { ...command.params },
          entity: command.about.entity,
          entityId: command.about.entityId,
          countyId: command.about.countyId,
          schoolId: command.about.schoolId,
          dedupeKey: command.dedupeKey,
          createdAt,
          readAt: null,
        }),
      ),
    );
    return recipients;
  }
}

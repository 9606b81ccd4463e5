import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RecipientQuery } from '@app/domain';
import { NotificationEntity } from '../entities';
import { TransactionHost } from '../transaction-host';

export interface NotificationFilter {
  /** true: only those read; false: only those unread; absent: all. */
  read?: boolean;
}

/** Rows a statement inserts at most (15 columns each: far below both dialects' placeholder limits). */
const ROWS_PER_INSERT = 500;

/**
 * Notifications. Every read and write takes the recipient: a person reaches only their own, and
 * another's id reads as absent. Listing, the unread count and marking all read run on the
 * recipient's indexes (recipient, created) and (recipient, read, created).
 */
@Injectable()
export class NotificationRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * The accounts a notification goes to, in one statement: active accounts named by id, the county
   * officers of the counties, the principals of the schools, the accounts of the teacher records and the province administrators,
   * less those left out and those that hold a notification under `dedupeKey` already. Each branch
   * runs on an index of app_user (id, role + county, school, teacher). Sorted by id.
   */
  async recipients(query: RecipientQuery, dedupeKey: string): Promise<string[]> {
    const branches: string[] = [];
    const parameters: string[] = [];
    const branch = (condition: string, keys: readonly string[]) => {
      if (keys.length === 0) return;
      branches.push(`SELECT u.id AS id FROM app_user u WHERE ${condition} IN (${keys.map(() => '?').join(', ')}) AND u.active = 1`);
      parameters.push(...keys);
    };
    branch('u.id', query.userIds);
    branch("u.role = 'COUNTY_OFFICER' AND u.county_id", query.officerCountyIds);
    branch("u.role = 'PRINCIPAL' AND u.school_id", query.principalSchoolIds);
    branch('u.teacher_id', query.teacherIds);
    if (query.provinceAdmins) branches.push("SELECT u.id AS id FROM app_user u WHERE u.role = 'PROVINCE_ADMIN' AND u.active = 1");
    if (branches.length === 0) return [];
    let sql =
      `SELECT r.id AS id FROM (${branches.join(' UNION ')}) r ` +
      'WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.recipient_user_id = r.id AND n.dedupe_key = ?)';
    parameters.push(dedupeKey);
    if (query.exceptUserIds.length > 0) {
      sql += ` AND r.id NOT IN (${query.exceptUserIds.map(() => '?').join(', ')})`;
      parameters.push(...query.exceptUserIds);
    }
    const rows: { id: string }[] = await this.tx.manager.query(sql, parameters);
    return rows.map((row) => row.id).sort();
  }

  /**
   * Writes notifications in the current transaction. One that its recipient holds under the same
   * dedupe key already (a concurrent writer got there first) is left as it is, not written twice.
   */
  async insert(notifications: NotificationEntity[]): Promise<void> {
    for (let start = 0; start < notifications.length; start += ROWS_PER_INSERT) {
      await this.tx.manager
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        // The JSON params go through their column transformer; the insert typing cannot see that.
        .values(notifications.slice(start, start + ROWS_PER_INSERT) as QueryDeepPartialEntity<NotificationEntity>[])
        // A no-op update on the unique (recipient, dedupe key): ON DUPLICATE KEY UPDATE on MySQL, ON CONFLICT … DO UPDATE on SQLite.
        .orUpdate(['dedupe_key'], ['recipient_user_id', 'dedupe_key'])
        .execute();
    }
  }

  /** The recipient's notifications, newest first, and how many there are. */
  listOwn(recipientUserId: string, filter: NotificationFilter, offset: number, limit: number): Promise<[NotificationEntity[], number]> {
    const query = this.tx.manager.createQueryBuilder(NotificationEntity, 'n').where('n.recipient_user_id = :recipientUserId', { recipientUserId });
    if (filter.read !== undefined) query.andWhere(filter.read ? 'n.read_at IS NOT NULL' : 'n.read_at IS NULL');
    return query.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').offset(offset).limit(limit).getManyAndCount();
  }

  countUnread(recipientUserId: string): Promise<number> {
    return this.tx.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.recipient_user_id = :recipientUserId AND n.read_at IS NULL', { recipientUserId })
      .getCount();
  }

  findOwn(recipientUserId: string, id: string): Promise<NotificationEntity | null> {
    return this.tx.manager.findOne(NotificationEntity, { where: { id, recipientUserId } });
  }

  /** Marks one of the recipient's notifications read at `at`, unless it is read already (the first reading stays). */
  async markRead(recipientUserId: string, id: string, at: Date): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: at })
      .where('id = :id AND recipient_user_id = :recipientUserId AND read_at IS NULL', { id, recipientUserId })
      .execute();
  }

  /** Marks every unread notification of the recipient read at `at`, in one statement; how many it marked. */
  async markAllRead(recipientUserId: string, at: Date): Promise<number> {
    const result = await this.tx.manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: at })
      .where('recipient_user_id = :recipientUserId AND read_at IS NULL', { recipientUserId })
      .execute();
    return result.affected ?? 0;
  }
}

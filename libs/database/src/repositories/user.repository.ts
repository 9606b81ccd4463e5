import { Injectable } from '@nestjs/common';
import type { Role, Scope } from '@app/domain';
import { LoginAttemptEntity, UserEntity } from '../entities';
import { SqlCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';
import { LIKE_ESCAPE, likeEscape } from './like';
import { versionedUpdate } from './versioned-update';

export interface UserFilter {
  role?: Role;
  /** Part of the username, or of the linked teacher's name. */
  q?: string;
  active?: boolean;
}

/** An account with the names of its teacher record and school, for lists. */
export type UserWithNames = UserEntity & { teacherName: string | null; schoolName: string | null };

/**
 * Accounts a scope may read: the administrator all, a city officer those of the city (its
 * counties' included: every account below the city carries its city), a county officer those
 * of the county; principals and teachers none.
 */
function userCondition(scope: Scope, alias: string): SqlCondition {
  switch (scope.level) {
    case 'PROVINCE':
      return { sql: '1 = 1', params: {} };
    case 'CITY':
      return { sql: `${alias}.city_id = :scope_cityId`, params: { scope_cityId: scope.cityId } };
    case 'COUNTY':
      return { sql: `${alias}.county_id = :scope_countyId`, params: { scope_countyId: scope.countyId } };
    default:
      return { sql: '1 = 0', params: {} };
  }
}

function withNames({ teacher, school, ...user }: UserEntity): UserWithNames {
  return { ...user, teacherName: teacher?.name ?? null, schoolName: school?.name ?? null };
}

/** Accounts and the sign-in trail. */
@Injectable()
export class UserRepository {
  constructor(private readonly tx: TransactionHost) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.tx.manager.findOne(UserEntity, { where: { username: username.toLowerCase() } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.tx.manager.findOne(UserEntity, { where: { id } });
  }

  /** One account, if the scope may read it. */
  findInScope(scope: Scope, id: string): Promise<UserEntity | null> {
    const visible = userCondition(scope, 'u');
    return this.tx.manager.createQueryBuilder(UserEntity, 'u').where('u.id = :id', { id }).andWhere(visible.sql, visible.params).getOne();
  }

  /** Accounts the scope may read, filtered, by username, with their teacher's and school's names. */
  async list(scope: Scope, filter: UserFilter, offset: number, limit: number): Promise<[UserWithNames[], number]> {
    const query = this.withNamesQuery(scope);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('u.active = :active', { active: filter.active });
    if (filter.q) {
      query.andWhere(`(u.username LIKE :q ${LIKE_ESCAPE} OR t.name LIKE :q ${LIKE_ESCAPE})`, { q: `%${likeEscape(filter.q.toLowerCase())}%` });
    }
    const [rows, total] = await query.orderBy('u.username').offset(offset).limit(limit).getManyAndCount();
    return [rows.map(withNames), total];
  }

  /** One account the scope may read, with its teacher's and school's names. */
  async findWithNames(scope: Scope, id: string): Promise<UserWithNames | null> {
    const row = await this.withNamesQuery(scope).andWhere('u.id = :id', { id }).getOne();
    return row ? withNames(row) : null;
  }

  private withNamesQuery(scope: Scope) {
    const visible = userCondition(scope, 'u');
    return this.tx.manager
      .createQueryBuilder(UserEntity, 'u')
      .leftJoin('u.teacher', 't')
      .leftJoin('u.school', 's')
      .addSelect(['t.id', 't.name', 's.id', 's.name'])
      .where(visible.sql, visible.params);
  }

  count(): Promise<number> {
    return this.tx.manager.count(UserEntity);
  }

  async insert(user: UserEntity): Promise<void> {
    await this.tx.manager.insert(UserEntity, { ...user, username: user.username.toLowerCase() });
  }

  /** The teacher accounts linked to a teacher record move with it to another county (a transfer); how many moved. */
  async moveTeacherAccounts(teacherId: string, countyId: string): Promise<number> {
    const result = await this.tx.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ countyId, version: () => 'version + 1' })
      .where("teacher_id = :teacherId AND role = 'TEACHER'", { teacherId })
      .execute();
    return result.affected ?? 0;
  }

  async touchLogin(id: string, at: Date): Promise<void> {
    await this.tx.manager.update(UserEntity, { id }, { lastLoginAt: at });
  }

  /**
   * Sets a new password hash and raises the token version (tokens issued before stop working);
   * false when the account changed since `expectedVersion` was read.
   */
  setPassword(id: string, expectedVersion: number, passwordHash: string): Promise<boolean> {
    return versionedUpdate(this.tx.manager, UserEntity, id, expectedVersion, { passwordHash, tokenVersion: () => 'token_version + 1' });
  }

  /** Enables or disables the account; disabling raises the token version, so that enabling it again revives no old token. */
  setActive(id: string, expectedVersion: number, active: boolean): Promise<boolean> {
    return versionedUpdate(
      this.tx.manager,
      UserEntity,
      id,
      expectedVersion,
      active ? { active } : { active, tokenVersion: () => 'token_version + 1' },
    );
  }

  async recordAttempt(attempt: Omit<LoginAttemptEntity, 'id'>): Promise<void> {
    await this.tx.manager.insert(LoginAttemptEntity, { ...attempt });
  }

  /** The username's newest failed sign-ins since `since` (at most `limit`), newest first, with their addresses. */
  async recentFailures(username: string, since: Date, limit: number): Promise<{ at: Date; ip: string }[]> {
    const rows = await this.tx.manager
      .createQueryBuilder(LoginAttemptEntity, 'a')
      .select(['a.id', 'a.attemptedAt', 'a.ip'])
      .where('a.username = :username AND a.attempted_at >= :since AND a.succeeded = :failed', {
        username: username.toLowerCase(),
        since,
        failed: false,
      })
      .orderBy('a.attempted_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map((row) => ({ at: row.attemptedAt, ip: row.ip }));
  }

  /** Failed sign-ins from an address since `since`, over all usernames. */
  failuresFromAddress(ip: string, since: Date): Promise<number> {
    return this.tx.manager
      .createQueryBuilder(LoginAttemptEntity, 'a')
      .where('a.ip = :ip AND a.attempted_at >= :since AND a.succeeded = :failed', { ip, since, failed: false })
      .getCount();
  }
}

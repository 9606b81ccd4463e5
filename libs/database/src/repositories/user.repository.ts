import { Injectable } from '@nestjs/common';
import { LoginAttemptEntity, UserEntity } from '../entities';
import { TransactionHost } from '../transaction-host';

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

  count(): Promise<number> {
    return this.tx.manager.count(UserEntity);
  }

  async insert(user: UserEntity): Promise<void> {
    await this.tx.manager.insert(UserEntity, { ...user, username: user.username.toLowerCase() });
  }

  async touchLogin(id: string, at: Date): Promise<void> {
    await this.tx.manager.update(UserEntity, { id }, { lastLoginAt: at });
  }

  async recordAttempt(attempt: Omit<LoginAttemptEntity, 'id'>): Promise<void> {
    await this.tx.manager.insert(LoginAttemptEntity, { ...attempt });
  }

  /** Failed sign-ins since `since`, for this username or from this address. */
  async failuresSince(username: string, ip: string, since: Date): Promise<{ byUsername: number; byIp: number }> {
    const row = await this.tx.manager
      .createQueryBuilder(LoginAttemptEntity, 'a')
      .select('SUM(CASE WHEN a.username = :username THEN 1 ELSE 0 END)', 'byUsername')
      .addSelect('SUM(CASE WHEN a.ip = :ip THEN 1 ELSE 0 END)', 'byIp')
      .where('a.attempted_at >= :since AND a.succeeded = :failed', { since, failed: false })
      .andWhere('(a.username = :username OR a.ip = :ip)', { username: username.toLowerCase(), ip })
      .getRawOne<{ byUsername: string | number | null; byIp: string | number | null }>();
    return { byUsername: Number(row?.byUsername ?? 0), byIp: Number(row?.byIp ?? 0) };
  }
}

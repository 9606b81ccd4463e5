import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock, newId } from '@app/core';
import { TransactionHost, UserRepository } from '@app/database';
import { PasswordHasher } from './password-hasher';

/**
 * First start with no accounts: creates the province administrator `admin`, with ADMIN_PASSWORD
 * or a random password printed once to the log.
 */
@Injectable()
export class BootstrapAdmin {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async ensureAdmin(): Promise<{ created: boolean; password?: string }> {
    const generated = this.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
    const password = this.config.adminPassword ?? (generated as string);
    const passwordHash = await this.hasher.hash(password);
    const created = await this.tx.run(async () => {
      if ((await this.users.count()) > 0) return false;
      await this.users.insert({
        id: newId(),
        username: 'admin',
        passwordHash,
        role: 'PROVINCE_ADMIN',
        cityId: null,
        countyId: null,
        schoolId: null,
        teacherId: null,
        active: true,
        version: 1,
        tokenVersion: 1,
        createdAt: this.clock.now(),
        lastLoginAt: null,
      });
      return true;
    });
    if (!created) return { created };
    if (generated) {
      this.logger.warn(`Created the province administrator "admin" with the password ${generated} (shown once; set ADMIN_PASSWORD to choose it)`);
    } else {
      this.logger.log('Created the province administrator "admin" with the password in ADMIN_PASSWORD');
    }
    return { created, password: generated };
  }
}

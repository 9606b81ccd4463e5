import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { TransactionHost, UserRepository } from '@app/database';
import { Actor, passwordProblems, RuleViolationError, ValidationFailedError, VersionConflictError } from '@app/domain';
import { accountAudit } from './account-view';
import { LoginResult } from './login.usecase';
import { PasswordHasher } from './password-hasher';
import { SignInLimiter } from './sign-in-limiter';
import { TokenService, UnauthenticatedError } from './token.service';
import { userView } from './user-view';

export interface ChangeOwnPasswordCommand {
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  ip: string;
}

export class WrongCurrentPasswordError extends RuleViolationError {
  constructor() {
    super('WRONG_CURRENT_PASSWORD', 'The current password is wrong; the password was not changed');
  }
}

/**
 * The signed-in person changes their own password, proving it with the current one. A wrong
 * current password answers 422 WRONG_CURRENT_PASSWORD (the token itself is fine, so not 401)
 * and counts as a failed sign-in, under the same limits. Every token issued before stops
 * working; the answer carries a fresh one, so the person stays signed in here only.
 */
@Injectable()
export class ChangeOwnPasswordUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: SignInLimiter,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangeOwnPasswordCommand): Promise<LoginResult> {
    const user = await this.users.findById(command.actor.userId);
    if (!user || !user.active) throw new UnauthenticatedError('The account no longer exists or is disabled');
    const problems = passwordProblems(command.newPassword, user.username);
    if (problems.length > 0) throw new ValidationFailedError({ newPassword: problems });

    const ip = command.ip.slice(0, 64);
    const delayMs = await this.limiter.delayOrRefuse(user.username, ip, this.clock.now());
    if (delayMs > 0) await sleep(delayMs);
    if (!(await this.hasher.verify(user.passwordHash, command.currentPassword))) {
      await this.limiter.record(user.username, ip, false, this.clock.now());
      throw new WrongCurrentPasswordError();
    }
    const passwordHash = await this.hasher.hash(command.newPassword);
    const changed = await this.tx.run(async () => {
      if (!(await this.users.setPassword(user.id, user.version, passwordHash))) throw new VersionConflictError('user', user.id, user.version);
      const after = await this.users.findById(user.id);
      if (!after) throw new VersionConflictError('user', user.id, user.version);
      await this.audit.record({
        action: 'user.password.change',
        entity: 'user',
        entityId: user.id,
        countyId: user.countyId,
        before: accountAudit(user),
        after: accountAudit(after),
      });
      return after;
    });
    return { accessToken: await this.tokens.issue(changed), tokenType: 'Bearer', expiresIn: this.tokens.expiresInSeconds, user: userView(changed) };
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UserRepository } from '@app/database';
import { DomainError, signInVerdict, SignInVerdict } from '@app/domain';

export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'TOO_MANY_REQUESTS',
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins for this username; try again in ${retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`}`,
      { retryAfterSeconds },
    );
  }
}

/**
 * Reads the sign-in trail (shared by every API process through the database) and applies the
 * sign-in limits of libs/domain to it.
 */
@Injectable()
export class SignInLimiter {
  constructor(
    private readonly users: UserRepository,
    private readonly config: AppConfig,
  ) {}

  async verdict(username: string, ip: string, now: Date): Promise<SignInVerdict> {
    const limits = this.config.login;
    const since = new Date(now.getTime() - limits.windowSeconds * 1000);
    const ofUsername = await this.users.recentFailures(username, since, limits.maxAttemptsPerUsername);
    const fromAddress = await this.users.failuresFromAddress(ip, since);
    return signInVerdict({ ofUsername: ofUsername.map((f) => ({ at: f.at, fromThisAddress: f.ip === ip })), fromAddress }, now, limits);
  }

  /** Refuses (429 with the seconds to wait) a username that is locked; otherwise the pause to make before checking the password. */
  async delayOrRefuse(username: string, ip: string, now: Date): Promise<number> {
    const verdict = await this.verdict(username, ip, now);
    if (!verdict.allowed) throw new TooManyAttemptsError(verdict.retryAfterSeconds);
    return verdict.delayMs;
  }

  async record(username: string, ip: string, succeeded: boolean, at: Date): Promise<void> {
    await this.users.recordAttempt({ username: username.slice(0, 64), ip: ip.slice(0, 64), succeeded, attemptedAt: at });
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock } from '@app/core';
import { TransactionHost, UserRepository } from '@app/database';
import { DomainError } from '@app/domain';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { userView, UserView } from './user-view';

export interface LoginCommand {
  username: string;
  password: string;
  ip: string;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('UNAUTHORIZED', 'INVALID_CREDENTIALS', 'Wrong username or password');
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(windowSeconds: number) {
    super('TOO_MANY_REQUESTS', 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins; wait ${Math.ceil(windowSeconds / 60)} minutes and try again`, {
      retryAfterSeconds: windowSeconds,
    });
  }
}

/** How many more failures an address may have than one username (an office shares one address). */
const IP_FACTOR = 5;

/**
 * Signs in with username and password. Failures are counted per username and per address
 * over a sliding window; past the limit the answer is 429 without checking the password.
 * An unknown username and a wrong password get the same answer in the same time.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tx: TransactionHost,
  ) {}

  async execute(command: LoginCommand): Promise<LoginResult> {
    const username = command.username.trim().toLowerCase();
    const now = this.clock.now();
    const { maxAttempts, windowSeconds } = this.config.login;
    const failures = await this.users.failuresSince(username, command.ip, new Date(now.getTime() - windowSeconds * 1000));
    if (failures.byUsername >= maxAttempts || failures.byIp >= maxAttempts * IP_FACTOR) throw new TooManyAttemptsError(windowSeconds);

    const user = await this.users.findByUsername(username);
    const valid =
      user && user.active ? await this.hasher.verify(user.passwordHash, command.password) : await this.hasher.verifyNothing(command.password);
    await this.tx.run(async () => {
      await this.users.recordAttempt({ username: username.slice(0, 64), ip: command.ip.slice(0, 64), succeeded: Boolean(valid), attemptedAt: now });
      if (valid && user) await this.users.touchLogin(user.id, now);
    });
    if (!valid || !user) throw new InvalidCredentialsError();
    return { accessToken: await this.tokens.issue(user), tokenType: 'Bearer', expiresIn: this.tokens.expiresInSeconds, user: userView(user) };
  }
}

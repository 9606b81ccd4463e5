import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { TransactionHost, UserRepository } from '@app/database';
import { DomainError } from '@app/domain';
import { PasswordHasher } from './password-hasher';
import { SignInLimiter } from './sign-in-limiter';
import { TokenService } from './token.service';
import { userView, UserView } from './user-view';

export interface LoginCommand {
  username: string;
  password: string;
  /** The client's address (the proxy's X-Forwarded-For only when TRUST_PROXY says to believe it). */
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

/**
 * Signs in with username and password. A username with too many recent failures (from this
 * address, or from anywhere) answers 429 with the seconds to wait, without checking the
 * password; an address with many failures over any usernames is slowed down, never locked out.
 * An unknown username, a disabled account and a wrong password get the same answer in the same time.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: SignInLimiter,
    private readonly clock: Clock,
    private readonly tx: TransactionHost,
  ) {}

  async execute(command: LoginCommand): Promise<LoginResult> {
    const username = command.username.trim().toLowerCase();
    const ip = command.ip.slice(0, 64);
    const delayMs = await this.limiter.delayOrRefuse(username, ip, this.clock.now());
    if (delayMs > 0) await sleep(delayMs);

    const user = await this.users.findByUsername(username);
    const valid =
      user && user.active ? await this.hasher.verify(user.passwordHash, command.password) : await this.hasher.verifyNothing(command.password);
    const now = this.clock.now();
    await this.tx.run(async () => {
      await this.limiter.record(username, ip, Boolean(valid), now);
      if (valid && user) await this.users.touchLogin(user.id, now);
    });
    if (!valid || !user) throw new InvalidCredentialsError();
    return { accessToken: await this.tokens.issue(user), tokenType: 'Bearer', expiresIn: this.tokens.expiresInSeconds, user: userView(user) };
  }
}

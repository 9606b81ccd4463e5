import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { UserRepository } from '@app/database';
import { Actor, DomainError } from '@app/domain';

interface AccessClaims {
  sub: string;
  role: string;
  /** The account's token version when the token was issued (see UserEntity.tokenVersion). */
  tv: number;
  iat?: number;
  exp?: number;
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: a valid bearer token is required') {
    super('UNAUTHORIZED', 'UNAUTHORIZED', message);
  }
}

/** Issues access tokens and turns a presented token back into the acting account. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly users: UserRepository,
  ) {}

  get expiresInSeconds(): number {
    return this.config.jwt.expiresInSeconds;
  }

  issue(user: { id: string; role: string; tokenVersion: number }): Promise<string> {
    const claims: AccessClaims = { sub: user.id, role: user.role, tv: user.tokenVersion };
    return this.jwt.signAsync(claims, { secret: this.config.jwt.secret, expiresIn: this.config.jwt.expiresInSeconds, algorithm: 'HS256' });
  }

  /**
   * The account behind a token. A token must say when it expires; the account is read afresh,
   * so a disabled account, or a token issued before the password changed, is refused at once.
   */
  async authenticate(token: string): Promise<Actor> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { secret: this.config.jwt.secret, algorithms: ['HS256'] });
    } catch {
      throw new UnauthenticatedError('The token is invalid or has expired');
    }
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.tv !== 'number') {
      throw new UnauthenticatedError('The token is invalid: it must name its account and expiry');
    }
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) throw new UnauthenticatedError('The account no longer exists or is disabled');
    if (claims.tv !== user.tokenVersion) throw new UnauthenticatedError('The token is no longer valid: the password was changed; sign in again');
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      cityId: user.cityId,
      countyId: user.countyId,
      schoolId: user.schoolId,
      teacherId: user.teacherId,
    };
  }
}

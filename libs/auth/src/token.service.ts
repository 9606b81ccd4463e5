import { createHmac, createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { UserEntity, UserRepository } from '@app/database';
import { Actor, DomainError } from '@app/domain';

interface AccessClaims {
  sub: string;
  role: string;
  /** The account's token version when the token was issued (see UserEntity.tokenVersion). */
  tv: number;
  /** Only queue dashboard sessions name an audience; a bearer token that names one is refused. */
  aud?: string | string[];
  iat?: number;
  exp?: number;
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: a valid bearer token is required') {
    super('UNAUTHORIZED', 'UNAUTHORIZED', message);
  }
}

/** The audience of a queue dashboard session token. */
const QUEUE_DASHBOARD_AUDIENCE = 'staffing-desk:queue-dashboard';

/** How long a queue dashboard session lasts, in seconds: short, since a cookie carries it. */
export const QUEUE_DASHBOARD_SESSION_SECONDS = 15 * 60;

/**
 * The key that signs queue dashboard sessions, derived from the signing secret of bearer tokens
 * (HMAC-SHA256 of a fixed label), so neither kind of token verifies as the other even if a check
 * of the audience were forgotten.
 */
export function queueDashboardSigningKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('staffing-desk queue-dashboard session v1').digest();
}

/**
 * An HMAC key made once. Handed a string or a Buffer, jsonwebtoken first tries to read it as a public key and makes a
 * secret key only when that fails, on every call: most of a verification's cost (≈ 0.6–0.9 ms against ≈ 0.02 ms with a
 * key object), on every request. @nestjs/jwt types `secret` as string | Buffer and hands it to jsonwebtoken as it is,
 * which takes a KeyObject.
 */
function hmacKey(material: string | Buffer): Buffer {
  return createSecretKey(typeof material === 'string' ? Buffer.from(material, 'utf8') : material) as unknown as Buffer;
}

/**
 * Issues tokens and turns a presented token back into the acting account: bearer tokens for
 * the API, and the province administrator's session of the queue dashboard (a cookie under
 * /queues). The two are signed with different keys, and a session names its own audience.
 */
@Injectable()
export class TokenService {
  private readonly bearerKey: Buffer;
  private readonly dashboardKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly users: UserRepository,
  ) {
    this.bearerKey = hmacKey(config.jwt.secret);
    this.dashboardKey = hmacKey(queueDashboardSigningKey(config.jwt.secret));
  }

  get expiresInSeconds(): number {
    return this.config.jwt.expiresInSeconds;
  }

  issue(user: { id: string; role: string; tokenVersion: number }): Promise<string> {
    const claims: AccessClaims = { sub: user.id, role: user.role, tv: user.tokenVersion };
    return this.jwt.signAsync(claims, { secret: this.bearerKey, expiresIn: this.config.jwt.expiresInSeconds, algorithm: 'HS256' });
  }

  /**
   * The account behind a bearer token. A token must say when it expires; the account is read
   * afresh, so a disabled account, or a token issued before the password changed, is refused at once.
   */
  async authenticate(token: string): Promise<Actor> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { secret: this.bearerKey, algorithms: ['HS256'] });
    } catch {
      throw new UnauthenticatedError('The token is invalid or has expired');
    }
    if (claims.aud !== undefined) throw new UnauthenticatedError('The token is not a bearer token of this API');
    return actorOf(await this.accountOf(claims));
  }

  /** A queue dashboard session for `user` (a province administrator, checked by the caller), valid for QUEUE_DASHBOARD_SESSION_SECONDS. */
  issueQueueDashboardSession(user: Pick<UserEntity, 'id' | 'role' | 'tokenVersion'>): Promise<string> {
    const claims: AccessClaims = { sub: user.id, role: user.role, tv: user.tokenVersion };
    return this.jwt.signAsync(claims, {
      secret: this.dashboardKey,
      expiresIn: QUEUE_DASHBOARD_SESSION_SECONDS,
      audience: QUEUE_DASHBOARD_AUDIENCE,
      algorithm: 'HS256',
    });
  }

  /**
   * The province administrator behind a queue dashboard session. Refused (401) like a bearer
   * token when forged, expired, of a disabled account or issued before the password changed; also
   * when it is not a dashboard session (a bearer token), or when the account is no longer a
   * province administrator.
   */
  async authenticateQueueDashboardSession(token: string): Promise<Actor> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        secret: this.dashboardKey,
        algorithms: ['HS256'],
        audience: QUEUE_DASHBOARD_AUDIENCE,
      });
    } catch {
      throw new UnauthenticatedError('The queue dashboard session is invalid or has expired: open a new one');
    }
    const user = await this.accountOf(claims);
    if (user.role !== 'PROVINCE_ADMIN') throw new UnauthenticatedError('Only a province administrator may use the queue dashboard');
    return actorOf(user);
  }

  private async accountOf(claims: AccessClaims): Promise<UserEntity> {
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.tv !== 'number') {
      throw new UnauthenticatedError('The token is invalid: it must name its account and expiry');
    }
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) throw new UnauthenticatedError('The account no longer exists or is disabled');
    if (claims.tv !== user.tokenVersion) throw new UnauthenticatedError('The token is no longer valid: the password was changed; sign in again');
    return user;
  }
}

function actorOf(user: UserEntity): Actor {
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

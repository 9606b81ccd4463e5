import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { AppConfig } from '@app/config';
import { Clock } from '@app/core';
import { UserRepository } from '@app/database';
import { Actor, DomainError, requireRole } from '@app/domain';
import { QUEUE_DASHBOARD_SESSION_SECONDS, TokenService, UnauthenticatedError } from './token.service';

export class QueueDashboardUnavailableError extends DomainError {
  constructor() {
    super(
      'CONFLICT',
      'QUEUE_DASHBOARD_UNAVAILABLE',
      'This service runs its jobs in process (no REDIS_URL), so it has no queue dashboard; GET /shortage-scans lists the recent scans',
    );
  }
}

export interface QueueDashboardSession {
  /** The signed session, for the dashboard's cookie only: it is never a bearer token. */
  token: string;
  expiresInSeconds: number;
}

/**
 * Opens a session of the queue dashboard (Bull Board under /queues) for the province
 * administrator: a browser cannot send a bearer header, so the API hands the browser a
 * short-lived session in a cookie. Other roles get 403. With the in-process (`sync`) queue driver
 * there is no dashboard: 409 QUEUE_DASHBOARD_UNAVAILABLE. The opening is audit-logged.
 */
@Injectable()
export class OpenQueueDashboardUseCase {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor }): Promise<QueueDashboardSession> {
    requireRole(command.actor, ['PROVINCE_ADMIN'], 'open the queue dashboard');
    if (this.config.queue.driver !== 'bullmq') throw new QueueDashboardUnavailableError();
    const user = await this.users.findById(command.actor.userId);
    if (!user || !user.active) throw new UnauthenticatedError('The account no longer exists or is disabled');
    const token = await this.tokens.issueQueueDashboardSession(user);
    const expiresAt = new Date(this.clock.now().getTime() + QUEUE_DASHBOARD_SESSION_SECONDS * 1000);
    await this.audit.record({
      action: 'queue-dashboard.open',
      entity: 'user',
      entityId: user.id,
      countyId: null,
      after: { expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresInSeconds: QUEUE_DASHBOARD_SESSION_SECONDS };
  }
}

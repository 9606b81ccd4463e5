import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { TokenService, UnauthenticatedError } from '@app/auth';
import { DomainExceptionFilter } from '@app/core';
import { Actor, ForbiddenError } from '@app/domain';
import { cookieValue, QUEUE_DASHBOARD_COOKIE } from './queue-dashboard-cookie';

/** Methods that change nothing: the board's page, its files and its reading API. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a request that changes something must not come from another site, or null when it comes from
 * the dashboard's own page. The browser's Sec-Fetch-Site says it when sent (every current browser
 * does); otherwise the Origin header must name this host. A request that says neither is refused.
 */
export function crossSiteProblem(headers: { secFetchSite?: string; origin?: string; host?: string }): string | null {
  if (headers.secFetchSite !== undefined) return headers.secFetchSite === 'same-origin' ? null : `Sec-Fetch-Site is ${headers.secFetchSite}`;
  if (headers.origin === undefined) return 'the request names no Origin';
  let host: string;
  try {
    host = new URL(headers.origin).host;
  } catch {
    return `Origin ${headers.origin} is not an origin`;
  }
  return headers.host !== undefined && host === headers.host ? null : `Origin ${headers.origin} is not this host`;
}

/**
 * Lets a request under /queues through to Bull Board only with a valid dashboard session cookie
 * of a province administrator, checked on every request (the page, its files and its API), and
 * writes only from the board's own page. Refusals are JSON error bodies like the API's: no
 * session, an expired, forged or other token, or an account no longer allowed → 401
 * UNAUTHORIZED; a write from another site → 403 FORBIDDEN. Each request gets a request id (the
 * X-Request-Id header, as on the API's routes); `proceed` runs the rest of it as `actor` under
 * that id, which the audit log records.
 */
export function queueDashboardGate(tokens: TokenService, proceed: (actor: Actor, requestId: string, next: NextFunction) => void): RequestHandler {
  const errors = new DomainExceptionFilter();
  const logger = new Logger('QueueDashboard');
  const refuse = (response: Response, error: unknown) => {
    const body = errors.toBody(error);
    if (body.statusCode >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(body.statusCode).json(body);
  };
  return (request: Request, response: Response, next: NextFunction) => {
    const requestId = randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const token = cookieValue(request.headers.cookie, QUEUE_DASHBOARD_COOKIE);
    if (!token) {
      refuse(
        response,
        new UnauthenticatedError(
          'Open a queue dashboard session first: POST /api/v1/queue-dashboard/session as the province administrator, then open /queues in the same browser',
        ),
      );
      return;
    }
    tokens.authenticateQueueDashboardSession(token).then(
      (actor) => {
        if (!SAFE_METHODS.has(request.method)) {
          const problem = crossSiteProblem({ secFetchSite: request.get('sec-fetch-site'), origin: request.get('origin'), host: request.get('host') });
          if (problem) {
            refuse(response, new ForbiddenError(`The queue dashboard takes changes only from its own page (${problem})`));
            return;
          }
        }
        proceed(actor, requestId, next);
      },
      (error: unknown) => refuse(response, error),
    );
  };
}

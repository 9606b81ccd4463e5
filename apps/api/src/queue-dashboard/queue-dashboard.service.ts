import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application, NextFunction } from 'express';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { AuditLog } from '@app/audit';
import { TokenService } from '@app/auth';
import { RequestContext } from '@app/core';
import type { Actor } from '@app/domain';
import { JobQueue } from '@app/queue';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard-cookie';
import { queueDashboardGate } from './queue-dashboard.gate';

type Params = Record<string, string | undefined>;

/**
 * The board's changes an administrator may make, by the route Bull Board matched, and how each is
 * audit-logged. Retrying a failed job (a school's shortage scan that kept failing, a headcount
 * recount) and running a delayed job now (one waiting out its backoff) are safe, since every
 * handler is idempotent; so is running one completed job again, which the page does not offer.
 * Everything else that changes the queue is refused (403): retrying every completed job at once
 * (a thousand jobs for nothing), adding or editing a job (it would bypass the API's validation and
 * audit), cleaning, emptying or obliterating (jobs a scan waits for would be lost), pausing (every
 * county's jobs stop), and changing schedules or limits (configuration: NIGHTLY_CRON, registered
 * again by every process that starts).
 */
const ALLOWED_CHANGES: Record<string, { allowed: (params: Params) => boolean; action: string; entity: 'queue' | 'queue-job' }> = {
  'put /api/queues/:queueName/:jobId/retry': { allowed: () => true, action: 'queue-job.retry', entity: 'queue-job' },
  'put /api/queues/:queueName/retry/:queueStatus': { allowed: (p) => p.queueStatus === 'failed', action: 'queue.retry-failed', entity: 'queue' },
  'put /api/queues/:queueName/:jobId/promote': { allowed: () => true, action: 'queue-job.promote', entity: 'queue-job' },
  'put /api/queues/:queueName/promote': { allowed: () => true, action: 'queue.promote-delayed', entity: 'queue' },
};

/** The page offers retries of failed jobs only (the adapter's type does not list the option it reads). */
const ADAPTER_OPTIONS = {
  description: 'The staffing desk’s jobs: headcount recounts, shortage scans, the nightly jobs',
  allowCompletedRetries: false,
};

/**
 * The queue dashboard: Bull Board on the job queue, served by the API process at /queues, only
 * with the BullMQ driver (with `sync` there is no queue to show, and /queues is an unknown path).
 * Every request passes the gate first (the province administrator's session cookie; writes only
 * from the board's own page); the board then allows only the changes above, and each one is
 * audit-logged with the administrator as the actor. Why this is safe, and how an administrator
 * opens it: docs/queue-dashboard.md.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly jobs: JobQueue,
    private readonly tokens: TokenService,
    private readonly cls: ClsService,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
  ) {}

  /** Mounted when the modules start: after the API's routes, before the answer to unknown paths. */
  onModuleInit(): void {
    const queue = this.jobs.bullmqQueue();
    const http = this.adapterHost.httpAdapter as { getInstance(): Application } | undefined;
    if (!queue || !http) return;

    // Bull Board is loaded only where it is mounted (with the BullMQ driver): the embedded profile never needs it.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { createBullBoard } = require('@bull-board/api') as typeof import('@bull-board/api');
    const { BullMQAdapter } = require('@bull-board/api/bullMQAdapter') as typeof import('@bull-board/api/bullMQAdapter');
    const { ExpressAdapter } = require('@bull-board/express') as typeof import('@bull-board/express');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const board = new ExpressAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queue, ADAPTER_OPTIONS)],
      serverAdapter: board,
      options: {
        uiConfig: { boardTitle: '任务队列 Staffing desk jobs', locale: { lng: 'zh-CN' }, hideDocsLink: true },
        handlerHooks: {
          before: ({ method, route, request }) => {
            if (method === 'get') return;
            const change = ALLOWED_CHANGES[`${method} ${route}`];
            if (change?.allowed(request.params as Params)) return;
            return {
              allow: false,
              status: 403,
              errorKey: 'ERRORS.FORBIDDEN',
              message: 'The queue dashboard retries failed jobs and runs delayed jobs now; other changes go through the API',
            };
          },
          after: async ({ method, route, request }, result) => {
            const change = ALLOWED_CHANGES[`${method} ${route}`];
            if (change && (result.status ?? 200) < 300) await this.record(change, request.params as Params);
            return result;
          },
        },
      },
    });
    // Bull Board's own answer to a failure: Redis being away is not a bug of the board (503).
    board.setErrorHandler((error: Error) => {
      const down = !this.jobs.isUp();
      if (!down) this.logger.error(error.message, error.stack);
      return {
        status: (down ? 503 : 500) as 500,
        body: {
          error: { key: down ? 'ERRORS.REDIS_UNAVAILABLE' : 'ERRORS.INTERNAL_SERVER_ERROR' },
          message: down ? 'Redis is not reachable' : 'Internal error',
        },
      };
    });
    const router = board.getRouter() as Application;
    router.disable('x-powered-by');
    http.getInstance().use(
      QUEUE_DASHBOARD_PATH,
      queueDashboardGate(this.tokens, (actor, requestId, next) => this.proceedAs(actor, requestId, next)),
      router,
    );
    this.logger.log(`Queue dashboard at ${QUEUE_DASHBOARD_PATH} (province administrator's session cookie)`);
  }

  /** Runs the rest of the request as `actor`, in a request context of its own (the API's is not set up outside its prefix). */
  private proceedAs(actor: Actor, requestId: string, next: NextFunction): void {
    this.cls.run(() => {
      this.cls.set(CLS_ID, requestId);
      this.context.setActor(actor);
      next();
    });
  }

  private async record(change: (typeof ALLOWED_CHANGES)[string], params: Params): Promise<void> {
    try {
      await this.audit.record({
        action: change.action,
        entity: change.entity,
        entityId: ((change.entity === 'queue-job' ? params.jobId : params.queueName) ?? '').slice(0, 64),
        countyId: null,
        after: {
          queue: params.queueName ?? null,
          ...(change.entity === 'queue-job' ? { jobId: params.jobId ?? null } : { status: params.queueStatus ?? null }),
        },
      });
    } catch (error) {
      // The change is made in Redis already; a failing audit write must not turn it into an error.
      this.logger.error(`Could not audit-log ${change.action}: ${(error as Error).message}`, (error as Error).stack);
    }
  }
}

import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { raw } from 'express';
import type { Application, NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@app/config';
import { createLogger } from '@app/core';
import { completeOpenApiDocument, OPENAPI_DOCUMENT_OPTIONS } from './common/openapi-document';
import { securityHeaders } from './security-headers';

/** Prefix, proxy trust, security headers, request id header, access log and the OpenAPI description: shared by main.ts and the e2e tests. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  app.setGlobalPrefix('api/v1');
  // Whose X-Forwarded-For names the client (request.ip, which the sign-in limits count): nobody's unless TRUST_PROXY says so.
  (app.getHttpAdapter().getInstance() as Application).set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  // Registry imports arrive as bytes too (XLSX or CSV), up to IMPORT_MAX_BYTES; the importer tells the formats apart.
  app.use(
    '/api/v1/counties/:id/imports',
    raw({
      type: ['text/csv', 'application/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
      limit: config.imports.maxBytes,
    }),
  );
  // CSV uploads (training imports) arrive as bytes, decoded by the importer (UTF-8 or GB18030); JSON stays the default body.
  app.use(raw({ type: ['text/csv', 'application/csv'], limit: '5mb' }));
  app.enableShutdownHooks();
  // The request log goes through the service's logger: JSON lines in production, one object per request.
  const access = createLogger(config);
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const requestId = String(response.getHeader('X-Request-Id') ?? '');
      const entry = { method: request.method, path: request.originalUrl, status: response.statusCode, durationMs, requestId };
      access.log(
        config.env === 'production' ? entry : `${entry.method} ${entry.path} ${entry.status} ${durationMs.toFixed(1)}ms ${requestId}`.trim(),
        'HTTP',
      );
    });
    next();
  });

  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Staffing desk for county education bureaus')
      .setDescription(
        'Teacher staffing quotas (编制), county-managed school-hired rotation (县管校聘, 交流轮岗), rural/weak service eligibility, ' +
          'training-hour ledgers and shortage flags, under Jiangsu Province’s 2024 plan for a high-quality, balanced basic public ' +
          'education system.\n\nErrors: `{statusCode, code, message, details}`. Codes: VALIDATION_FAILED (400, details.fields), ' +
          'UNAUTHORIZED / INVALID_CREDENTIALS (401), FORBIDDEN (403), NOT_FOUND (404, also outside your scope), VERSION_CONFLICT, ' +
          'SCHOOL_CODE_TAKEN, STAFF_NO_TAKEN, USERNAME_TAKEN, CLUSTER_NAME_TAKEN, DUPLICATE (409), POSTING_OVERLAP, ' +
          'POSTING_BEFORE_HIRE, POLICY_VERSION_EXISTS (422), TOO_MANY_ATTEMPTS (429).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    OPENAPI_DOCUMENT_OPTIONS,
  );
  const document = completeOpenApiDocument(generated);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind } from '@app/domain';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  TOO_MANY_REQUESTS: 429,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

const UNIQUE_VIOLATIONS = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * The one place errors become HTTP: domain errors by their kind and stable code, framework
 * errors by status, a unique-key race as 409; anything else is a bug and answers 500.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    // An error that says how long to wait (details.retryAfterSeconds) says it in the standard header too.
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number' && Number.isFinite(retryAfter)) response.setHeader('Retry-After', String(Math.max(0, Math.ceil(retryAfter))));
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS_OF_KIND[exception.kind],
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) return this.fromHttp(exception);
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      if (UNIQUE_VIOLATIONS.has(code)) {
        return { statusCode: 409, code: 'DUPLICATE', message: 'A record with the same unique key already exists' };
      }
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error' };
  }

  private fromHttp(exception: HttpException): ErrorBody {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
    if (statusCode === HttpStatus.BAD_REQUEST) {
      // Body-parser failures (malformed JSON) and other framework-level bad input.
      return { statusCode, code: 'VALIDATION_FAILED', message, details: { fields: { body: [message] } } };
    }
    return { statusCode, code: CODE_OF_STATUS[statusCode] ?? `HTTP_${statusCode}`, message };
  }
}

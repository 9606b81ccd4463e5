import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, STATUS_OF_KIND } from '@app/domain';

/** Every error answer: `details` is always present, an empty object when there is nothing to add. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * What body-parser and raw-body pass on (http-errors): a client error carries its own `status`
 * and, mostly, a `type` such as `entity.too.large`, `charset.unsupported`, `encoding.unsupported`
 * or `entity.parse.failed`; a body that does not decompress as its Content-Encoding says is the
 * zlib or brotli error with status 400.
 */
interface BodyReadError extends Error {
  status: number;
  expose?: boolean;
  type?: string;
  code?: string;
  limit?: number;
  charset?: string;
  encoding?: string;
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
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

/** True when a write failed because another row holds the same unique key (on either dialect). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && UNIQUE_VIOLATIONS.has((error.driverError as { code?: string } | undefined)?.code ?? '');
}

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
        details: exception.details ?? {},
      };
    }
    if (exception instanceof HttpException) return this.fromHttp(exception);
    if (isBodyReadError(exception)) return this.fromBodyRead(exception);
    if (isUniqueViolation(exception)) {
      return { statusCode: 409, code: 'DUPLICATE', message: 'A record with the same unique key already exists', details: {} };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error', details: {} };
  }

  private fromHttp(exception: HttpException): ErrorBody {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
    const message = Array.isArray(raw) ? raw.map(String).join('; ') : typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (statusCode === 400) {
      // Malformed JSON (mapped to BadRequestException by Nest), multipart errors and other framework-level bad input.
      return { statusCode, code: 'VALIDATION_FAILED', message, details: { fields: { body: [message] } } };
    }
    if (statusCode === 413) {
      // multer's file-size limit (the CSV upload).
      return { statusCode, code: 'PAYLOAD_TOO_LARGE', message: `The upload is too large: ${message}`, details: {} };
    }
    return { statusCode, code: codeOfStatus(statusCode), message, details: {} };
  }

  /** Errors of reading the body, by their own status and type: never a 500. */
  private fromBodyRead(error: BodyReadError): ErrorBody {
    const statusCode = error.status;
    if (statusCode === 413) {
      const limit = typeof error.limit === 'number' ? error.limit : undefined;
      return {
        statusCode,
        code: 'PAYLOAD_TOO_LARGE',
        message: limit === undefined ? 'The request body is too large' : `The request body is larger than the limit of ${limit} bytes`,
        details: limit === undefined ? {} : { limit },
      };
    }
    if (statusCode === 415) {
      if (error.type === 'charset.unsupported') {
        return {
          statusCode,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `Unsupported charset "${error.charset ?? ''}": send UTF-8`,
          details: { charset: error.charset ?? null },
        };
      }
      if (error.type === 'encoding.unsupported') {
        return {
          statusCode,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `Unsupported Content-Encoding "${error.encoding ?? ''}": send identity, gzip, deflate or br`,
          details: { encoding: error.encoding ?? null },
        };
      }
      return { statusCode, code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message, details: {} };
    }
    if (statusCode === 400) {
      // zlib's codes (Z_DATA_ERROR, …) for gzip and deflate, ERR__ERROR_… for brotli.
      const message = /^(Z_|ERR__ERROR_)/.test(error.code ?? '')
        ? 'The body does not decompress as its Content-Encoding says'
        : error.type === 'entity.parse.failed'
          ? `The body is not valid JSON: ${error.message}`
          : error.message;
      return { statusCode, code: 'VALIDATION_FAILED', message, details: { fields: { body: [message] } } };
    }
    return { statusCode, code: codeOfStatus(statusCode), message: error.message, details: {} };
  }
}

/** The stable code of a framework error by its status (REQUEST_REFUSED for a client error without one of its own). */
function codeOfStatus(status: number): ErrorCode {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_REFUSED');
}

/** A client error (4xx) raised while reading the request body, which Nest passes on as it is. */
function isBodyReadError(exception: unknown): exception is BodyReadError {
  if (!(exception instanceof Error)) return false;
  const status = (exception as Partial<BodyReadError>).status;
  return typeof status === 'number' && status >= 400 && status < 500 && (exception as Partial<BodyReadError>).expose === true;
}

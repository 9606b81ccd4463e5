import type { ErrorCode } from '../labels/error-labels';

/**
 * Errors that use cases and rules throw. Each carries a stable `code` and a `kind`; the one
 * exception filter answers with the status of the kind, and nothing else of HTTP is known here.
 */
export type DomainErrorKind =
  'VALIDATION' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNSUPPORTED_MEDIA_TYPE' | 'RULE' | 'TOO_MANY_REQUESTS';

/** The HTTP status each kind answers with (the one filter applies it; error labels must agree). */
export const STATUS_OF_KIND: { readonly [kind in DomainErrorKind]: number } = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE: 422,
  TOO_MANY_REQUESTS: 429,
};

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Only codes with a label (docs for people, GET /codes) exist: a new code starts in libs/domain/src/labels/error-labels.ts. */
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Field path → messages, e.g. `{ "grades.0.students": ["must be ≥ 0"] }`. */
export type FieldErrors = Record<string, string[]>;

export class ValidationFailedError extends DomainError {
  constructor(
    readonly fields: FieldErrors,
    message = 'The request is not valid',
  ) {
    super('VALIDATION', 'VALIDATION_FAILED', message, { fields });
  }

  static field(path: string, message: string): ValidationFailedError {
    return new ValidationFailedError({ [path]: [message] }, `${path}: ${message}`);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super('NOT_FOUND', 'NOT_FOUND', id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role may not do this') {
    super('FORBIDDEN', 'FORBIDDEN', message);
  }
}

export class VersionConflictError extends DomainError {
  /** `actual` is omitted when another writer changed the row at the same moment and its new version is not known yet. */
  constructor(entity: string, id: string, expected: number, actual?: number) {
    super(
      'CONFLICT',
      'VERSION_CONFLICT',
      `${entity} ${id} was changed by someone else (you sent version ${expected}${actual === undefined ? '' : `, it is now ${actual}`}); reload and retry`,
      actual === undefined ? { expectedVersion: expected } : { expectedVersion: expected, currentVersion: actual },
    );
  }
}

/** A business rule refused the write (HTTP 422) with its own stable code. */
export class RuleViolationError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super('RULE', code, message, details);
  }
}

/** The content cannot be read as sent (HTTP 415): a declared charset the desk does not read. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE', message, details);
  }
}

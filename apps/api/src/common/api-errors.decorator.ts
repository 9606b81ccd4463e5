import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

/** The error body of every non-2xx answer. */
export class ErrorResponse {
  @ApiProperty({ example: 422 })
  statusCode: number;

  @ApiProperty({ example: 'POSTING_OVERLAP', description: 'Stable code; see the list in the API description' })
  code: string;

  @ApiProperty()
  message: string;

  @ApiProperty({
    description: 'Always present, {} when there is nothing to add. For VALIDATION_FAILED: `fields` maps each bad field path to its messages',
    type: Object,
  })
  details: Record<string, unknown>;
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

/** Documents the error answers a route can give (401 is implied for signed-in routes). */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  const decorators = statuses.map((status) => {
    switch (status) {
      case 400:
        return ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: bad or unknown fields, named in details.fields' });
      case 401:
        return ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHORIZED or INVALID_CREDENTIALS' });
      case 403:
        return ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: the role may not do this' });
      case 404:
        return ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: absent or outside your scope' });
      case 409:
        return ApiConflictResponse({ type: ErrorResponse, description: 'VERSION_CONFLICT (stale version) or a taken unique key' });
      case 422:
        return ApiResponse({ status: 422, type: ErrorResponse, description: 'A rule refused the change; see code' });
      case 429:
        return ApiResponse({
          status: 429,
          type: ErrorResponse,
          description: 'TOO_MANY_ATTEMPTS: wait the seconds in details.retryAfterSeconds',
          headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } },
        });
    }
  });
  return applyDecorators(...decorators);
}

import { ForbiddenException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError, ForbiddenError, NotFoundError, ValidationFailedError, VersionConflictError } from '@app/domain';
import { DomainExceptionFilter } from './domain-exception.filter';

const sut = new DomainExceptionFilter();

/** An error as body-parser and raw-body raise it (http-errors): a client error with its status, `expose` and `type`. */
function createError(status: number, cause: string | Error, properties: Record<string, unknown> = {}): Error {
  const error = typeof cause === 'string' ? new Error(cause) : cause;
  return Object.assign(error, { status, statusCode: status, expose: status < 500 }, properties);
}

describe('error bodies', () => {
  it('always carry details, {} when there is nothing to add', () => {
    expect(sut.toBody(new NotFoundError('school', 'x'))).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'school x not found', details: {} });
    expect(sut.toBody(new ForbiddenError()).details).toEqual({});
    expect(sut.toBody(new DomainError('UNAUTHORIZED', 'UNAUTHORIZED', 'Sign in first')).details).toEqual({});
    expect(sut.toBody(new DomainError('TOO_MANY_REQUESTS', 'TOO_MANY_ATTEMPTS', 'Wait')).details).toEqual({});
    expect(sut.toBody(new VersionConflictError('school', 'x', 1, 2))).toMatchObject({ statusCode: 409, details: { expectedVersion: 1 } });
    expect(sut.toBody(new NotFoundException('Cannot GET /api/v1/nope'))).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/v1/nope',
      details: {},
    });
    expect(sut.toBody(new ForbiddenException()).details).toEqual({});
    expect(sut.toBody(new Error('boom'))).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error', details: {} });
    expect(sut.toBody(ValidationFailedError.field('name', 'is required')).details).toEqual({ fields: { name: ['is required'] } });
  });

  it('give a framework error without a code of its own a labelled one: REQUEST_REFUSED for a client error, INTERNAL_ERROR for a server error', () => {
    expect(sut.toBody(new HttpException('Not acceptable', 406))).toEqual({
      statusCode: 406,
      code: 'REQUEST_REFUSED',
      message: 'Not acceptable',
      details: {},
    });
    expect(sut.toBody(new HttpException('Gateway', 502))).toMatchObject({ statusCode: 502, code: 'INTERNAL_ERROR' });
  });

  describe('errors of reading the body, by their own status and type', () => {
    it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE and the limit', () => {
      const tooLarge = createError(413, 'request entity too large', { type: 'entity.too.large', limit: 102400, length: 200000 });
      expect(sut.toBody(tooLarge)).toEqual({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is larger than the limit of 102400 bytes',
        details: { limit: 102400 },
      });
      expect(sut.toBody(new PayloadTooLargeException('File too large'))).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', details: {} });
    });

    it('answers an unknown charset or content encoding with 415 UNSUPPORTED_MEDIA_TYPE, naming it', () => {
      const charset = createError(415, 'unsupported charset "KLINGON"', { type: 'charset.unsupported', charset: 'klingon' });
      expect(sut.toBody(charset)).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', details: { charset: 'klingon' } });
      const encoding = createError(415, 'unsupported content encoding "x"', { type: 'encoding.unsupported', encoding: 'x' });
      expect(sut.toBody(encoding)).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', details: { encoding: 'x' } });
    });

    it('answers a body that does not decompress, or does not parse, with 400 naming the body', () => {
      const zlib = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', errno: -3 });
      expect(sut.toBody(createError(400, zlib))).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The body does not decompress as its Content-Encoding says',
        details: { fields: { body: ['The body does not decompress as its Content-Encoding says'] } },
      });
      const brotli = Object.assign(new Error('Decompression failed'), { code: 'ERR__ERROR_FORMAT_PADDING_2', errno: -15 });
      expect(sut.toBody(createError(400, brotli)).message).toBe('The body does not decompress as its Content-Encoding says');
      const parse = createError(400, 'Unexpected token', { type: 'entity.parse.failed' });
      expect(sut.toBody(parse)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: { body: [expect.any(String)] } } });
    });

    it('leaves errors of the server itself at 500', () => {
      expect(sut.toBody(createError(503, 'down')).statusCode).toBe(500);
      expect(sut.toBody(Object.assign(new Error('odd'), { status: 404 })).statusCode).toBe(500);
    });
  });
});

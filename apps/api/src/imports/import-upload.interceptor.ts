import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { AppConfig } from '@app/config';

/** The multipart field `file` of an import, up to IMPORT_MAX_BYTES (413 above); file names read as UTF-8. */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor;

  constructor(config: AppConfig) {
    const Interceptor = FileInterceptor('file', { limits: { fileSize: config.imports.maxBytes, files: 1 }, defParamCharset: 'utf8' });
    this.inner = new Interceptor();
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    return this.inner.intercept(context, next);
  }
}

import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'staffing:public';

/** Marks a public operation in the generated document; completeOpenApiDocument turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-public';

/** The route needs no sign-in (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

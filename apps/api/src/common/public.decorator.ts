import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'staffing:public';

/** The route needs no sign-in (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

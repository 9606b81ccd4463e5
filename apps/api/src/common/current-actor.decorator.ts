import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/domain';

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The signed-in account, as set by the AuthGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

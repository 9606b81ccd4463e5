import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { Actor } from '@app/domain';

const ACTOR_KEY = 'actor';

/** Per-request facts that the audit log needs but use cases should not thread by hand. */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  requestId(): string | null {
    return this.cls.isActive() ? (this.cls.getId() ?? null) : null;
  }

  setActor(actor: Actor): void {
    if (this.cls.isActive()) this.cls.set(ACTOR_KEY, actor);
  }

  actor(): Actor | null {
    return this.cls.isActive() ? (this.cls.get<Actor | undefined>(ACTOR_KEY) ?? null) : null;
  }
}

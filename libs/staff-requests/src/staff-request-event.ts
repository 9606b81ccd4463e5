import { newId } from '@app/core';
import type { StaffRequestEventEntity } from '@app/database';
import type { Actor, StaffRequestEvent, StaffRequestStatus } from '@app/domain';

/** A row of a request's history: what happened, the status it left, who did it and when, what they wrote. */
export function staffRequestEvent(
  requestId: string,
  event: StaffRequestEvent,
  statusAfter: StaffRequestStatus,
  actor: Actor,
  at: Date,
  extra: { note?: string | null; postingId?: string; fractionMilli?: number } = {},
): StaffRequestEventEntity {
  return {
    id: newId(),
    requestId,
    event,
    statusAfter,
    at,
    actorId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    note: extra.note ?? null,
    postingId: extra.postingId ?? null,
    fractionMilli: extra.fractionMilli ?? null,
  };
}

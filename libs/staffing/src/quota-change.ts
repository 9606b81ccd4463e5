import { newId } from '@app/core';
import type { QuotaChangeEntity } from '@app/database';
import type { Actor } from '@app/domain';

/** One row of a county's quota history (quota_change), written beside the audit entry of the same change. */
export function quotaChange(
  actor: Actor,
  at: Date,
  change: Pick<QuotaChangeEntity, 'countyId' | 'schoolId' | 'year' | 'kind' | 'previousValue' | 'newValue'> &
    Partial<Pick<QuotaChangeEntity, 'moveId' | 'otherSchoolId' | 'reason'>>,
): QuotaChangeEntity {
  return {
    id: newId(),
    moveId: null,
    otherSchoolId: null,
    reason: null,
    ...change,
    actorId: actor.userId,
    actorUsername: actor.username,
    at,
  };
}

import { Injectable } from '@nestjs/common';
import { RotationPlanRepository, RotationPlanRow } from '@app/database';
import { Actor, NotFoundError, OFFICERS, REGISTRY_WRITERS, requireRole, Role, scopeOf } from '@app/domain';

/** Who reads plans: officers in reach, and the principals and teachers an approved plan concerns. */
export const PLAN_READERS: readonly Role[] = [...OFFICERS, 'PRINCIPAL', 'TEACHER'];

/**
 * Loads rotation plans within the caller's reach (404 outside it): officers read the plans of their counties
 * (county, city, the administrator), principals and teachers the approved plans that concern their school or
 * themselves; county officers and the administrator change them.
 */
@Injectable()
export class RotationPlanAccess {
  constructor(private readonly plans: RotationPlanRepository) {}

  async toRead(actor: Actor, id: string): Promise<RotationPlanRow> {
    requireRole(actor, PLAN_READERS, 'read rotation plans');
    return this.inScope(actor, id);
  }

  /** The plan for a change: its row locked first (two officers at once take turns), then read as it now stands. */
  async forChange(actor: Actor, id: string, what: string): Promise<RotationPlanRow> {
    requireRole(actor, REGISTRY_WRITERS, what);
    await this.plans.lock(id);
    return this.inScope(actor, id);
  }

  private async inScope(actor: Actor, id: string): Promise<RotationPlanRow> {
    const plan = await this.plans.findInScope(scopeOf(actor), id);
    if (!plan) throw new NotFoundError('rotation plan', id);
    return plan;
  }
}

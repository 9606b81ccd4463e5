import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { ReferenceRepository, RotationPlanEntity, RotationPlanRepository, TransactionHost } from '@app/database';
import { Actor, NotFoundError, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { RotationPlanReviewer } from './rotation-plan-reviewer';
import { RotationPlanDetailView } from './rotation-plan-view';

export interface CreateRotationPlanCommand {
  actor: Actor;
  countyId: string;
  year: number;
  title?: string | null;
}

/** A county officer starts the county's rotation plan for a year, as a draft (a county may hold several plans a year: a main one and later additions). */
@Injectable()
export class CreateRotationPlanUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
    private readonly plans: RotationPlanRepository,
    private readonly reviewer: RotationPlanReviewer,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateRotationPlanCommand): Promise<RotationPlanDetailView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'create rotation plans');
    return this.tx.run(async () => {
      const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
      if (!county) throw new NotFoundError('county', command.countyId);
      const now = this.clock.now();
      const title = command.title?.trim() ? command.title.trim() : null;
      const plan: RotationPlanEntity = {
        id: newId(),
        countyId: county.id,
        year: command.year,
        title,
        status: 'DRAFT',
        lastDay: null,
        createdBy: command.actor.userId,
        createdByUsername: command.actor.username,
        createdAt: now,
        submittedAt: null,
        submittedBy: null,
        approvedAt: null,
        approvedBy: null,
        activatedAt: null,
        activatedBy: null,
        completedAt: null,
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: null,
        version: 1,
        updatedAt: now,
      };
      await this.plans.insert(plan);
      await this.audit.record({
        action: 'rotation_plan.create',
        entity: 'rotation_plan',
        entityId: plan.id,
        countyId: county.id,
        after: { countyId: county.id, year: plan.year, title, status: plan.status },
      });
      return this.reviewer.review({ ...plan, countyName: county.name, assignmentCount: 0 });
    });
  }
}

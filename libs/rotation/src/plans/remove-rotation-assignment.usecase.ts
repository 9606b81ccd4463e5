import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { RotationPlanRepository, TransactionHost } from '@app/database';
import { Actor, assertPlanEditable, NotFoundError } from '@app/domain';
import { RotationPlanAccess } from './rotation-plan-access';

/** A county officer takes an assignment out of a draft plan. */
@Injectable()
export class RemoveRotationAssignmentUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly plans: RotationPlanRepository,
    private readonly access: RotationPlanAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; planId: string; assignmentId: string }): Promise<void> {
    await this.tx.run(async () => {
      const plan = await this.access.forChange(command.actor, command.planId, 'change rotation plans');
      const assignment = await this.plans.findAssignment(plan.id, command.assignmentId);
      if (!assignment) throw new NotFoundError('rotation assignment', command.assignmentId);
      assertPlanEditable(plan.status);
      await this.plans.deleteAssignment(assignment.id);
      const remaining = await this.plans.assignmentsOf(plan.id);
      const lastDay =
        remaining
          .map((a) => a.endDate)
          .sort()
          .at(-1) ?? null;
      await this.plans.update(plan.id, { lastDay, updatedAt: this.clock.now() });
      await this.audit.record({
        action: 'rotation_plan.assignment.remove',
        entity: 'rotation_plan',
        entityId: plan.id,
        countyId: plan.countyId,
        before: { ...assignment, createdAt: undefined },
      });
    });
  }
}

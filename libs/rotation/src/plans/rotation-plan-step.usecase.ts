import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { RotationPlanEntity, RotationPlanRepository, TransactionHost } from '@app/database';
import { Actor, assertPlanCompletable, planStatusAfter, RuleViolationError, ValidationFailedError } from '@app/domain';
import { RotationPlanAccess } from './rotation-plan-access';
import { RotationPlanNotices } from './rotation-plan-notices';
import { RotationPlanReviewer } from './rotation-plan-reviewer';
import { RotationPlanDetailView } from './rotation-plan-view';

/** The steps of a plan's life that write no postings (activation does: ActivateRotationPlanUseCase). */
export type RotationPlanStep = 'SUBMIT' | 'APPROVE' | 'CANCEL' | 'COMPLETE';

export interface RotationPlanStepCommand {
  actor: Actor;
  id: string;
  step: RotationPlanStep;
  /** Why a plan is cancelled (required to cancel). */
  reason?: string;
}

/**
 * A county officer submits a draft plan (it must hold an assignment), approves a submitted one, cancels one not yet
 * activated (with a reason), or completes an active one whose terms have all ended (docs/rules.md, "Rotation: plans").
 * Each refused step answers 422 with its code. Submitting tells the county's officers; approving, the teachers in
 * the plan and the principals of their schools.
 */
@Injectable()
export class RotationPlanStepUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly plans: RotationPlanRepository,
    private readonly access: RotationPlanAccess,
    private readonly reviewer: RotationPlanReviewer,
    private readonly notices: RotationPlanNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: RotationPlanStepCommand): Promise<RotationPlanDetailView> {
    const reason = command.reason?.trim() ?? '';
    if (command.step === 'CANCEL' && reason === '') throw ValidationFailedError.field('reason', 'is required to cancel a plan');
    return this.tx.run(async () => {
      const plan = await this.access.forChange(command.actor, command.id, 'change rotation plans');
      const status = planStatusAfter(plan.status, command.step);
      const assignments = await this.plans.assignmentsOf(plan.id);
      if (command.step === 'SUBMIT' && assignments.length === 0) {
        throw new RuleViolationError('ROTATION_PLAN_EMPTY', 'A plan without assignments cannot be submitted');
      }
      if (command.step === 'COMPLETE')
        assertPlanCompletable(
          plan.status,
          assignments.map((a) => a.endDate),
          this.clock.today(),
        );

      const now = this.clock.now();
      const by = command.actor.userId;
      const changes: Partial<RotationPlanEntity> = { status, updatedAt: now };
      if (command.step === 'SUBMIT') Object.assign(changes, { submittedAt: now, submittedBy: by });
      if (command.step === 'APPROVE') Object.assign(changes, { approvedAt: now, approvedBy: by });
      if (command.step === 'CANCEL') Object.assign(changes, { cancelledAt: now, cancelledBy: by, cancelReason: reason });
      if (command.step === 'COMPLETE') Object.assign(changes, { completedAt: now });
      await this.plans.update(plan.id, changes);
      const after = { ...plan, ...changes, version: plan.version + 1 };
      await this.audit.record({
        action: `rotation_plan.${command.step.toLowerCase()}`,
        entity: 'rotation_plan',
        entityId: plan.id,
        countyId: plan.countyId,
        before: { status: plan.status },
        after: { status, ...(command.step === 'CANCEL' ? { reason } : {}) },
      });
      const review = await this.reviewer.review(after);
      if (command.step === 'SUBMIT' || command.step === 'APPROVE') {
        await this.notices.send(command.step, after, assignments, review.compliance.meetsTargets, command.actor);
      }
      return review;
    });
  }
}

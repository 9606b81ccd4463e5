import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { RotationPlanRepository, TransactionHost } from '@app/database';
import { assertPlanCompletable } from '@app/domain';

/** Plans completed in one transaction each; the night goes on until none is left. */
const PLANS_PER_TURN = 100;

/**
 * Records completed every active plan whose terms have all ended before today (docs/rules.md, "Rotation: plans"),
 * as an officer's `complete` would, audit-logged as the system's. Each plan in its own transaction, its row locked
 * and read again first: a plan an officer completed meanwhile is left alone. Answers how many were completed.
 */
@Injectable()
export class CompleteEndedRotationPlansUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly plans: RotationPlanRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const today = this.clock.today();
    let completed = 0;
    for (;;) {
      const due = await this.plans.dueForCompletion(today, PLANS_PER_TURN);
      let changed = 0;
      for (const candidate of due) {
        const done = await this.tx.run(async () => {
          await this.plans.lock(candidate.id);
          const [plan] = await this.plans.dueForCompletion(today, 1, candidate.id);
          if (!plan) return false;
          const ends = (await this.plans.assignmentsOf(plan.id)).map((a) => a.endDate);
          assertPlanCompletable(plan.status, ends, today);
          const now = this.clock.now();
          await this.plans.update(plan.id, { status: 'COMPLETED', completedAt: now, updatedAt: now });
          await this.audit.record({
            action: 'rotation_plan.complete',
            entity: 'rotation_plan',
            entityId: plan.id,
            countyId: plan.countyId,
            before: { status: plan.status },
            after: { status: 'COMPLETED', lastDay: plan.lastDay },
          });
          return true;
        });
        if (done) changed += 1;
      }
      completed += changed;
      if (due.length < PLANS_PER_TURN || changed === 0) return completed;
    }
  }
}

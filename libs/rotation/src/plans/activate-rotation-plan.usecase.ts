import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { PostingEntity, RotationPlanRepository, StaffRequestRepository, TransactionHost } from '@app/database';
import { Actor, activationWrites, groupBy, planStatusAfter, requestCovers, RuleViolationError, scopeOf } from '@app/domain';
import { HeadcountRefresh, ShortageRescans } from '@app/registry';
import { FulfilmentRecorder } from '@app/staff-requests';
import { RotationPlanAccess } from './rotation-plan-access';
import { RotationPlanNotices } from './rotation-plan-notices';
import { ActivatedPlanView, rotationPlanView } from './rotation-plan-view';

/**
 * A county officer puts an approved plan in force (docs/rules.md, "Rotation: activation"), in one transaction:
 * every assignment's postings are written as activationWrites says (the home posting closed the day before, the
 * posting at the destination, the return home after the term; for a shared post, home at 1 − f beside it), each
 * assignment's posting is counted towards the approved staff request it covers, the schools' headcounts and
 * shortages are recomputed (outbox), the plan becomes ACTIVE, and the teachers and principals hear of it. The answer is
 * the plan with what was written (its review, GET /rotation-plans/:id, shows the postings now recorded).
 *
 * All or nothing: an assignment whose teacher's postings no longer leave room for it refuses the whole activation
 * with the posting rules' code (422 POSTING_OVERLAP, POSTING_BEFORE_HIRE), naming the assignment, and nothing is
 * written. Two officers activating at once take turns on the plan's row: the second finds it ACTIVE (422
 * ROTATION_PLAN_NOT_APPROVED) and writes nothing.
 */
@Injectable()
export class ActivateRotationPlanUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly plans: RotationPlanRepository,
    private readonly requests: StaffRequestRepository,
    private readonly access: RotationPlanAccess,
    private readonly notices: RotationPlanNotices,
    private readonly fulfilments: FulfilmentRecorder,
    private readonly headcount: HeadcountRefresh,
    private readonly rescans: ShortageRescans,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<ActivatedPlanView> {
    return this.tx.run(async () => {
      const plan = await this.access.forChange(command.actor, command.id, 'activate rotation plans');
      const status = planStatusAfter(plan.status, 'ACTIVATE');
      const assignments = await this.plans.assignmentsOf(plan.id);
      const teacherIds = assignments.map((a) => a.teacherId);
      await this.plans.lockTeachers(teacherIds);
      const postings = await this.plans.postingsOf(teacherIds);
      const postingsOf = groupBy(postings, (p) => p.teacherId);

      const now = this.clock.now();
      const updates: { postingId: string; endDate: string | null; fractionMilli: number }[] = [];
      const inserts: PostingEntity[] = [];
      const postingOf = new Map<string, string>();
      for (const a of assignments) {
        const recorded = postingsOf.get(a.teacherId) ?? [];
        let writes: ReturnType<typeof activationWrites>;
        try {
          writes = activationWrites(a, recorded, a.hireDate);
        } catch (error) {
          if (!(error instanceof RuleViolationError)) throw error;
          throw new RuleViolationError(error.code, `${a.teacherName} (${a.staffNo}): ${error.message}`, {
            ...error.details,
            assignmentId: a.id,
            teacherId: a.teacherId,
            staffNo: a.staffNo,
          });
        }
        updates.push(...writes.update);
        for (const row of writes.insert) {
          const id = newId();
          if (row.role === 'ASSIGNMENT') postingOf.set(a.id, id);
          inserts.push({
            id,
            teacherId: a.teacherId,
            schoolId: row.schoolId,
            startDate: row.startDate,
            endDate: row.endDate,
            kind: row.kind,
            fractionMilli: row.fractionMilli,
            version: 1,
            createdAt: now,
            updatedAt: now,
          });
        }
      }
      await this.plans.updatePostings(updates, now);
      await this.plans.insertPostings(inserts);
      await this.plans.setPostings(postingOf);
      await this.plans.update(plan.id, { status, activatedAt: now, activatedBy: command.actor.userId, updatedAt: now });
      const after = { ...plan, status, activatedAt: now, activatedBy: command.actor.userId, updatedAt: now, version: plan.version + 1 };

      const fulfilled = await this.fulfilRequests(command.actor, assignments, postingOf);
      const schoolIds = [...new Set(assignments.flatMap((a) => [a.fromSchoolId, a.toSchoolId]))];
      await this.headcount.recount(schoolIds);
      await this.rescans.request(schoolIds);
      await this.audit.record({
        action: 'rotation_plan.activate',
        entity: 'rotation_plan',
        entityId: plan.id,
        countyId: plan.countyId,
        before: { status: plan.status },
        after: {
          status,
          assignments: assignments.length,
          postingsChanged: updates.length,
          postingsWritten: inserts.length,
          staffRequestsCounted: fulfilled,
        },
      });
      await this.notices.send('ACTIVATE', after, assignments, null, command.actor);
      return {
        ...rotationPlanView(after),
        activation: {
          assignments: assignments.length,
          postingsChanged: updates.length,
          postingsWritten: inserts.length,
          staffRequestsCounted: fulfilled,
        },
      };
    });
  }

  /** Counts each assignment's posting towards the approved request it covers (requestCovers); answers how many were counted. */
  private async fulfilRequests(
    actor: Actor,
    assignments: Awaited<ReturnType<RotationPlanRepository['assignmentsOf']>>,
    postingOf: ReadonlyMap<string, string>,
  ): Promise<number> {
    const open = (await this.plans.openRequestsAt([...new Set(assignments.map((a) => a.toSchoolId))])).filter((r) => r.status === 'APPROVED');
    if (open.length === 0) return 0;
    const extras = await this.plans.extraSubjectsOf(assignments.map((a) => a.teacherId));
    const extrasOf = groupBy(extras, (e) => e.teacherId);
    const covers = requestCovers(
      assignments.map((a) => ({
        assignmentId: a.id,
        teacherId: a.teacherId,
        fromSchoolId: a.fromSchoolId,
        toSchoolId: a.toSchoolId,
        startDate: a.startDate,
        endDate: a.endDate,
        mode: a.mode,
        fractionMilli: a.fractionMilli,
        subjects: [a.subject, ...(extrasOf.get(a.teacherId) ?? []).map((e) => e.subject)],
      })),
      open,
    );
    const scope = scopeOf(actor);
    let counted = 0;
    for (const a of assignments) {
      const cover = covers.get(a.id);
      const postingId = postingOf.get(a.id);
      if (!cover || !postingId) continue;
      await this.requests.lock(cover.requestId);
      const request = await this.requests.findInScope(scope, cover.requestId);
      if (!request || request.status !== 'APPROVED') continue;
      await this.fulfilments.record(actor, request, {
        id: postingId,
        teacherId: a.teacherId,
        kind: a.kind,
        startDate: a.startDate,
        endDate: a.endDate,
        fractionMilli: a.fractionMilli,
      });
      counted += 1;
    }
    return counted;
  }
}

import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { RotationAssignmentEntity, RotationPlanRepository, TeacherRepository, TransactionHost } from '@app/database';
import { Actor, assertPlanEditable, AssignmentRequest, NotFoundError, scopeOf, validateAssignment } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { SchoolLookup, TeacherLookup } from '@app/registry';
import { RotationPlanAccess } from './rotation-plan-access';
import { RotationPlanReviewer } from './rotation-plan-reviewer';
import { AddedAssignmentView } from './rotation-plan-view';

export interface AddRotationAssignmentCommand extends AssignmentRequest {
  actor: Actor;
  planId: string;
}

/**
 * A county officer adds a teacher's assignment to a draft plan (docs/rules.md, "Rotation: plans"): checked by
 * the assignment rules against the plan and the teacher's postings, recorded and planned alike; answered with
 * the assignment's effects and the plan's compliance and warnings as they now stand.
 */
@Injectable()
export class AddRotationAssignmentUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly plans: RotationPlanRepository,
    private readonly teachers: TeacherRepository,
    private readonly access: RotationPlanAccess,
    private readonly teacherLookup: TeacherLookup,
    private readonly schoolLookup: SchoolLookup,
    private readonly reviewer: RotationPlanReviewer,
    private readonly policy: PolicyStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: AddRotationAssignmentCommand): Promise<AddedAssignmentView> {
    const { actor, planId, ...request } = command;
    return this.tx.run(async () => {
      const plan = await this.access.forChange(actor, planId, 'change rotation plans');
      assertPlanEditable(plan.status);
      const scope = scopeOf(actor);
      const teacher = await this.teacherLookup.inScope(scope, request.teacherId);
      const toSchool = await this.schoolLookup.inScope(scope, request.toSchoolId);
      await this.teachers.lock(teacher.id);

      const [postings, current, pending] = await Promise.all([
        this.plans.postingsOf([teacher.id]),
        this.plans.assignmentsOf(plan.id),
        this.plans.pendingOf([teacher.id], plan.id),
      ]);
      const policy = await this.policy.inForce(request.startDate);
      const valid = validateAssignment(
        request,
        {
          countyId: plan.countyId,
          teacher: { countyId: teacher.countyId, hireDate: teacher.hireDate, postings },
          toSchool: { schoolId: toSchool.id, countyId: toSchool.countyId },
          planAssignments: current,
          otherPlanned: pending.map((p) => ({
            schoolId: p.toSchoolId,
            kind: p.kind,
            startDate: p.startDate,
            endDate: p.endDate,
            fractionMilli: p.fractionMilli,
          })),
        },
        policy.parameters,
      );

      const now = this.clock.now();
      const assignment: RotationAssignmentEntity = {
        id: newId(),
        planId: plan.id,
        countyId: plan.countyId,
        teacherId: teacher.id,
        fromSchoolId: valid.fromSchoolId,
        toSchoolId: valid.toSchoolId,
        startDate: valid.startDate,
        endDate: valid.endDate,
        mode: valid.mode,
        kind: valid.kind,
        teamId: valid.teamId,
        fractionMilli: valid.fractionMilli,
        subject: teacher.subject,
        backbone: teacher.backbone,
        postingId: null,
        createdBy: actor.userId,
        createdAt: now,
      };
      await this.plans.insertAssignment(assignment);
      const lastDay =
        [plan.lastDay, valid.endDate]
          .filter((d): d is string => d !== null)
          .sort()
          .at(-1) ?? null;
      await this.plans.update(plan.id, { lastDay, updatedAt: now });
      await this.audit.record({
        action: 'rotation_plan.assignment.add',
        entity: 'rotation_plan',
        entityId: plan.id,
        countyId: plan.countyId,
        after: { ...assignment, createdAt: undefined },
      });

      const reviewed = await this.reviewer.review({ ...plan, lastDay, assignmentCount: plan.assignmentCount + 1, version: plan.version + 1 });
      const view = reviewed.assignments.find((a) => a.id === assignment.id);
      if (!view) throw new NotFoundError('rotation assignment', assignment.id);
      return {
        ...view,
        compliance: reviewed.compliance,
        warnings: reviewed.warnings.filter((w) => w.assignmentId === assignment.id),
        planWarnings: reviewed.warnings.length,
      };
    });
  }
}

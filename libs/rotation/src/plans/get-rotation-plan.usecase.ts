import { Injectable } from '@nestjs/common';
import { Actor, REGISTRY_WRITERS, Scope, scopeOf } from '@app/domain';
import { RotationPlanAccess } from './rotation-plan-access';
import { RotationPlanReviewer } from './rotation-plan-reviewer';
import { RotationPlanDetailView } from './rotation-plan-view';

/** A plan as an officer reviews it: its assignments with their effects, its compliance with the targets, its warnings. */
@Injectable()
export class GetRotationPlanUseCase {
  constructor(
    private readonly access: RotationPlanAccess,
    private readonly reviewer: RotationPlanReviewer,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<RotationPlanDetailView> {
    const review = await this.reviewer.review(await this.access.toRead(command.actor, command.id));
    const mayChange = REGISTRY_WRITERS.includes(command.actor.role);
    return narrowedTo(scopeOf(command.actor), mayChange ? review : { ...review, actions: [] });
  }
}

/**
 * What a principal or a teacher sees of a plan: the assignments from or to their school (their own, for a teacher),
 * their warnings, and the targets of the county and of their school; officers see it all.
 */
function narrowedTo(scope: Scope, review: RotationPlanDetailView): RotationPlanDetailView {
  if (scope.level !== 'SCHOOL' && scope.level !== 'TEACHER') return review;
  const concerns =
    scope.level === 'SCHOOL'
      ? (a: { fromSchoolId: string; toSchoolId: string }) => a.fromSchoolId === scope.schoolId || a.toSchoolId === scope.schoolId
      : (a: { teacherId: string }) => a.teacherId === scope.teacherId;
  const assignments = review.assignments.filter(concerns);
  const ids = new Set(assignments.map((a) => a.id));
  const schoolIds = new Set(assignments.flatMap((a) => [a.fromSchoolId]));
  return {
    ...review,
    assignments,
    warnings: review.warnings.filter((w) => ids.has(w.assignmentId)),
    compliance: { ...review.compliance, schools: review.compliance.schools.filter((s) => schoolIds.has(s.schoolId)) },
  };
}

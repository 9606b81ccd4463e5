import type { RotationPlanNoticeKind } from './notification-messages';
import type { Recipient } from './recipients';

/** What happened to a rotation plan that someone hears of. */
export type RotationPlanHappening = 'SUBMIT' | 'APPROVE' | 'ACTIVATE';

const KIND_OF: { readonly [H in RotationPlanHappening]: RotationPlanNoticeKind } = {
  SUBMIT: 'ROTATION_PLAN_SUBMITTED',
  APPROVE: 'ROTATION_PLAN_APPROVED',
  ACTIVATE: 'ROTATION_PLAN_ACTIVATED',
};

export function rotationPlanNoticeKind(happening: RotationPlanHappening): RotationPlanNoticeKind {
  return KIND_OF[happening];
}

/**
 * Who hears of it (docs/rules.md, "Rotation: plans"): a submitted plan, the county's officers, who approve
 * it; an approved or activated plan, every teacher in it and the principals of every school sending or
 * receiving one.
 */
export function rotationPlanRecipients(
  happening: RotationPlanHappening,
  plan: { readonly countyId: string },
  assignments: readonly { readonly teacherId: string; readonly fromSchoolId: string; readonly toSchoolId: string }[],
): Recipient[] {
  if (happening === 'SUBMIT') return [{ kind: 'COUNTY_OFFICERS', countyId: plan.countyId }];
  const schools = new Set(assignments.flatMap((a) => [a.fromSchoolId, a.toSchoolId]));
  return [
    ...assignments.map((a): Recipient => ({ kind: 'TEACHER', teacherId: a.teacherId })),
    ...[...schools].map((schoolId): Recipient => ({ kind: 'PRINCIPALS', schoolId })),
  ];
}

/** Each happens to a plan at most once (a plan submitted again after… never: a plan is not sent back), so the event names the notice. */
export function rotationPlanDedupeKey(happening: RotationPlanHappening, planId: string): string {
  return `rotation_plan:${planId}:${happening.toLowerCase()}`;
}

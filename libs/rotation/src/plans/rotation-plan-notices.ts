import { Injectable } from '@nestjs/common';
import type { RotationAssignmentRow, RotationPlanRow } from '@app/database';
import { Actor, RotationPlanHappening, rotationPlanDedupeKey, rotationPlanNoticeKind, rotationPlanRecipients } from '@app/domain';
import { Notifier } from '@app/notifications';

/**
 * Tells who should hear of what happened to a rotation plan (docs/rules.md, "Rotation: plans"), inside the
 * transaction of the change: a submitted plan, the county's officers who approve it; an approved or activated one,
 * the teachers in it and the principals of the schools they leave and join; never the person who acted.
 */
@Injectable()
export class RotationPlanNotices {
  constructor(private readonly notifier: Notifier) {}

  async send(
    happening: RotationPlanHappening,
    plan: RotationPlanRow,
    assignments: readonly RotationAssignmentRow[],
    meetsTargets: boolean | null,
    actor: Actor,
  ): Promise<void> {
    const firstDay = assignments.map((a) => a.startDate).sort()[0] ?? null;
    await this.notifier.notify({
      kind: rotationPlanNoticeKind(happening),
      params: { countyName: plan.countyName, year: plan.year, title: plan.title, assignmentCount: assignments.length, firstDay, meetsTargets },
      to: rotationPlanRecipients(happening, plan, assignments),
      about: { entity: 'rotation_plan', entityId: plan.id, countyId: plan.countyId, schoolId: null },
      dedupeKey: rotationPlanDedupeKey(happening, plan.id),
      except: [actor.userId],
    });
  }
}

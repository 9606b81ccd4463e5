import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { RotationExemptionEntity, RotationExemptionRepository, TransactionHost } from '@app/database';
import { Actor, ExemptionReason, requireRole, Role, scopeOf, validateRotationExemption } from '@app/domain';
import { TeacherLookup } from '@app/registry';
import { rotationExemptionView, RotationExemptionView } from './rotation-exemption-view';

/** Who records and withdraws exemptions: the county's officers (their own county) and the administrator. */
export const EXEMPTION_WRITERS: readonly Role[] = ['COUNTY_OFFICER', 'PROVINCE_ADMIN'];

export interface RecordRotationExemptionCommand {
  actor: Actor;
  teacherId: string;
  reason: ExemptionReason;
  note?: string | null;
  validFrom: string;
  validTo?: string | null;
}

/** An officer records why a teacher is exempt from rotation, and from when to when; audit-logged with it. */
@Injectable()
export class RecordRotationExemptionUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly exemptions: RotationExemptionRepository,
    private readonly teachers: TeacherLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordRotationExemptionCommand): Promise<RotationExemptionView> {
    requireRole(command.actor, EXEMPTION_WRITERS, 'record rotation exemptions');
    return this.tx.run(async () => {
      // A teacher of another county answers 404.
      const teacher = await this.teachers.inScope(scopeOf(command.actor), command.teacherId);
      validateRotationExemption(command);
      const note = command.note?.trim() ?? '';
      const exemption: RotationExemptionEntity = {
        id: newId(),
        teacherId: teacher.id,
        countyId: teacher.countyId,
        reason: command.reason,
        note: note === '' ? null : note,
        validFrom: command.validFrom,
        validTo: command.validTo ?? null,
        createdBy: command.actor.userId,
        createdAt: this.clock.now(),
      };
      await this.exemptions.insert(exemption);
      const view = rotationExemptionView(exemption);
      await this.audit.record({
        action: 'rotation-exemption.record',
        entity: 'rotation_exemption',
        entityId: exemption.id,
        countyId: teacher.countyId,
        after: view,
      });
      return view;
    });
  }
}

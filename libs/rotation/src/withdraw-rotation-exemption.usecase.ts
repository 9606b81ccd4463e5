import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { RotationExemptionRepository, TransactionHost } from '@app/database';
import { Actor, NotFoundError, requireRole, scopeOf } from '@app/domain';
import { EXEMPTION_WRITERS } from './record-rotation-exemption.usecase';
import { rotationExemptionView } from './rotation-exemption-view';

/** An officer withdraws an exemption recorded by mistake or no longer needed: deleted, and kept in the audit log. */
@Injectable()
export class WithdrawRotationExemptionUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly exemptions: RotationExemptionRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<void> {
    requireRole(command.actor, EXEMPTION_WRITERS, 'withdraw rotation exemptions');
    await this.tx.run(async () => {
      const exemption = await this.exemptions.findInScope(scopeOf(command.actor), command.id, this.clock.today());
      // Another county's exemption answers 404, as does one withdrawn a moment ago by someone else.
      if (!exemption || !(await this.exemptions.delete(exemption.id))) throw new NotFoundError('rotation exemption', command.id);
      await this.audit.record({
        action: 'rotation-exemption.withdraw',
        entity: 'rotation_exemption',
        entityId: exemption.id,
        countyId: exemption.countyId,
        before: rotationExemptionView(exemption),
      });
    });
  }
}

import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { ReferenceRepository, TransactionHost } from '@app/database';
import { Actor, NotFoundError, OFFICERS, requireRole, scopeOf } from '@app/domain';
import { ScanPlanner } from './scan-planner';

/**
 * An officer asks for a scan now: of one county in their reach, or of every county in it (a
 * county officer their county, a city officer their city, the administrator the province).
 * Answers at once with the scan's id; the scan runs on the queue.
 */
@Injectable()
export class RequestShortageScanUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
    private readonly planner: ScanPlanner,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: { actor: Actor; countyId?: string }): Promise<{ scanId: string }> {
    requireRole(command.actor, OFFICERS, 'start a shortage scan');
    const scope = scopeOf(command.actor);
    return this.tx.run(async () => {
      let countyIds: string[];
      let filed: { countyId: string | null; cityId: string | null };
      if (command.countyId !== undefined) {
        const county = await this.reference.findCountyInScope(scope, command.countyId);
        if (!county) throw new NotFoundError('county', command.countyId);
        countyIds = [county.id];
        filed = { countyId: county.id, cityId: county.cityId };
      } else {
        countyIds = (await this.reference.countiesInScope(scope)).map((county) => county.id);
        filed =
          scope.level === 'COUNTY'
            ? { countyId: scope.countyId, cityId: null }
            : scope.level === 'CITY'
              ? { countyId: null, cityId: scope.cityId }
              : { countyId: null, cityId: null };
      }
      const scan = await this.planner.plan({ trigger: 'REQUEST', countyIds, ...filed, requestedBy: command.actor.userId });
      await this.audit.record({
        action: 'shortage_scan.request',
        entity: 'shortage_scan',
        entityId: scan.id,
        countyId: filed.countyId,
        after: { counties: countyIds.length, schools: scan.schoolsTotal, asOf: scan.asOf },
      });
      return { scanId: scan.id };
    });
  }
}

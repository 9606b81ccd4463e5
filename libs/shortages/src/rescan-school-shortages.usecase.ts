import { Injectable } from '@nestjs/common';
import { SchoolRepository, TransactionHost } from '@app/database';
import { PROVINCE_SCOPE } from '@app/domain';
import { ScanPlanner } from './scan-planner';

/**
 * Rescans one school after its postings, enrolment or classification changed: a scan of that
 * school alone (trigger CHANGE), filed under its county. Changes made while the rescan waited
 * joined it (the job is debounced), so it reads them all. A school deleted since is skipped.
 */
@Injectable()
export class RescanSchoolShortagesUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly schools: SchoolRepository,
    private readonly planner: ScanPlanner,
  ) {}

  async execute(command: { schoolId: string }): Promise<{ scanId: string } | null> {
    return this.tx.run(async () => {
      const school = await this.schools.findInScope(PROVINCE_SCOPE, command.schoolId);
      if (!school) return null;
      const scan = await this.planner.plan({
        trigger: 'CHANGE',
        countyIds: [school.countyId],
        countyId: school.countyId,
        cityId: null,
        schoolId: school.id,
      });
      return { scanId: scan.id };
    });
  }
}

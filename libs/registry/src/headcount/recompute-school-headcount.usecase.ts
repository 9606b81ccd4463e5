import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { SchoolRepository, TransactionHost } from '@app/database';
import { PROVINCE_SCOPE } from '@app/domain';

export interface HeadcountResult {
  schoolId: string;
  asOf: string;
  headcountMilli: number;
}

/**
 * Counts a school's on-quota teachers posted there today (fraction-weighted) and caches the
 * figure on the school. Idempotent: the figure depends only on the data and the day.
 */
@Injectable()
export class RecomputeSchoolHeadcountUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { schoolId: string; asOf?: string }): Promise<HeadcountResult | null> {
    const asOf = command.asOf ?? this.clock.today();
    return this.tx.run(async () => {
      if (!(await this.schools.findInScope(PROVINCE_SCOPE, command.schoolId))) return null;
      const headcountMilli = await this.schools.onQuotaHeadcountMilli(command.schoolId, asOf);
      await this.schools.saveHeadcount(command.schoolId, headcountMilli, asOf);
      return { schoolId: command.schoolId, asOf, headcountMilli };
    });
  }
}

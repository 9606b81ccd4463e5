import { Injectable } from '@nestjs/common';
import { QuotaRepository } from '@app/database';
import { Actor } from '@app/domain';
import { QuotaAccess } from './quota-access';
import { quotaChangeView, QuotaChangeView } from './staffing-views';

/** A school's quota history (allocations and moves in and out), newest first: officers in reach, the school's principal. */
@Injectable()
export class SchoolQuotaHistoryUseCase {
  constructor(
    private readonly access: QuotaAccess,
    private readonly quotas: QuotaRepository,
  ) {}

  async execute(command: { actor: Actor; schoolId: string; year?: number }): Promise<QuotaChangeView[]> {
    const school = await this.access.schoolForRead(command.actor, command.schoolId);
    return (await this.quotas.historyOfSchool(school.id, command.year)).map(quotaChangeView);
  }
}

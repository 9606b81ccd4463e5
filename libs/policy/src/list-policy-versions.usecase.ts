import { Injectable } from '@nestjs/common';
import { Page, PageRequest, offsetOf } from '@app/core';
import { PolicyRepository } from '@app/database';
import { policyVersionView, PolicyVersionView } from './get-policy.usecase';

/** Every published version, by effective date (newest last), with which one is in force today. */
@Injectable()
export class ListPolicyVersionsUseCase {
  constructor(private readonly repository: PolicyRepository) {}

  async execute(command: { today: string; page: PageRequest }): Promise<Page<PolicyVersionView & { inForce: boolean }>> {
    const rows = await this.repository.list();
    const applicable = rows.filter((row) => row.effectiveFrom <= command.today);
    const current = (applicable.length > 0 ? applicable[applicable.length - 1] : rows[0])?.id;
    const all = rows.map((row) => ({ ...policyVersionView(row), inForce: row.id === current }));
    const start = offsetOf(command.page);
    return { items: all.slice(start, start + command.page.pageSize), total: all.length, ...command.page };
  }
}

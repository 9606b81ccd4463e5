import { Injectable } from '@nestjs/common';
import { PolicyRepository, PolicyVersionEntity } from '@app/database';
import type { PolicyDocument } from '@app/domain';
import { PolicyStore } from './policy-store';

export interface PolicyVersionView {
  version: string;
  effectiveFrom: string;
  title: string;
  source: string | null;
  publishedAt: string;
  publishedBy: string | null;
}

export interface PolicyView extends PolicyVersionView {
  parameters: PolicyDocument['parameters'];
}

export function policyVersionView(row: PolicyVersionEntity): PolicyVersionView {
  return {
    version: row.id,
    effectiveFrom: row.effectiveFrom,
    title: row.title,
    source: row.document.source ?? null,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}

/** The policy in force on a day (today by default), whole. */
@Injectable()
export class GetPolicyUseCase {
  constructor(
    private readonly store: PolicyStore,
    private readonly repository: PolicyRepository,
  ) {}

  async execute(command: { asOf: string }): Promise<PolicyView> {
    const inForce = await this.store.inForce(command.asOf);
    const row = (await this.repository.findById(inForce.version)) as PolicyVersionEntity;
    return { ...policyVersionView(row), parameters: inForce.parameters };
  }
}

import { Injectable } from '@nestjs/common';
import { PolicyVersionEntity } from '../entities';
import { TransactionHost } from '../transaction-host';

/** Published policy versions. Province-wide data: no scope. */
@Injectable()
export class PolicyRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** All versions, by effective date then publication, oldest first. */
  list(): Promise<PolicyVersionEntity[]> {
    return this.tx.manager.find(PolicyVersionEntity, { order: { effectiveFrom: 'ASC', publishedAt: 'ASC' } });
  }

  /** Which versions exist and from when, without their documents (cheap to ask on every computation). */
  async heads(): Promise<{ id: string; effectiveFrom: string }[]> {
    return this.tx.manager
      .createQueryBuilder(PolicyVersionEntity, 'v')
      .select(['v.id AS id', 'v.effective_from AS effectiveFrom'])
      .orderBy('v.effective_from', 'ASC')
      .addOrderBy('v.published_at', 'ASC')
      .getRawMany<{ id: string; effectiveFrom: string }>();
  }

  findById(id: string): Promise<PolicyVersionEntity | null> {
    return this.tx.manager.findOne(PolicyVersionEntity, { where: { id } });
  }

  async insert(version: PolicyVersionEntity): Promise<void> {
    await this.tx.manager.insert(PolicyVersionEntity, { ...version });
  }
}

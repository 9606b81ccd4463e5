import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Scope } from '@app/domain';
import { AuditLogEntity } from '../entities';
import { countyCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
}

/** The audit trail: written in the same transaction as the change it records. */
@Injectable()
export class AuditRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(entry: Omit<AuditLogEntity, 'id'>): Promise<void> {
    // JSON columns go through their transformer; the insert typing cannot see that.
    await this.tx.manager.insert(AuditLogEntity, { ...entry } as QueryDeepPartialEntity<AuditLogEntity>);
  }

  /**
   * Entries of the caller's counties, newest first. Province-level entries (no county, such as
   * policy versions) are for the province only.
   */
  list(scope: Scope, filter: AuditFilter, offset: number, limit: number): Promise<[AuditLogEntity[], number]> {
    const inScope = countyCondition(scope, 'a.county_id');
    const query = this.tx.manager.createQueryBuilder(AuditLogEntity, 'a').where(inScope.sql, inScope.params);
    if (filter.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    return query.orderBy('a.id', 'DESC').offset(offset).limit(limit).getManyAndCount();
  }
}

import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { ReferenceRepository, SchoolClusterEntity, SchoolRepository, TransactionHost } from '@app/database';
import { Actor, ClusterKind, DomainError, NotFoundError, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { clusterView, ClusterView } from '../views';

export class ClusterNameTakenError extends DomainError {
  constructor(name: string) {
    super('CONFLICT', 'CLUSTER_NAME_TAKEN', `The county already has a ${name}`);
  }
}

/** Creates an education group (教育集团) or school district (学区) in a county. */
@Injectable()
export class CreateClusterUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
    private readonly schools: SchoolRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; countyId: string; kind: ClusterKind; name: string }): Promise<ClusterView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'create education groups or school districts');
    return this.tx.run(async () => {
      const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
      if (!county) throw new NotFoundError('county', command.countyId);
      if (await this.schools.findClusterByName(county.id, command.kind, command.name)) {
        throw new ClusterNameTakenError(`${command.kind === 'GROUP' ? 'group' : 'district'} named ${command.name}`);
      }
      const cluster: SchoolClusterEntity = {
        id: newId(),
        countyId: county.id,
        kind: command.kind,
        name: command.name,
        createdAt: this.clock.now(),
      };
      await this.schools.insertCluster(cluster);
      const view = clusterView(cluster);
      await this.audit.record({ action: 'cluster.create', entity: 'school_cluster', entityId: cluster.id, countyId: county.id, after: view });
      return view;
    });
  }
}

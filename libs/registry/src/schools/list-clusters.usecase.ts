import { Injectable } from '@nestjs/common';
import { SchoolRepository } from '@app/database';
import { Actor, ClusterKind, scopeOf } from '@app/domain';
import { clusterView, ClusterView } from '../views';

@Injectable()
export class ListClustersUseCase {
  constructor(private readonly schools: SchoolRepository) {}

  async execute(command: { actor: Actor; countyId?: string; kind?: ClusterKind }): Promise<ClusterView[]> {
    const rows = await this.schools.listClusters(scopeOf(command.actor), { countyId: command.countyId, kind: command.kind });
    return rows.map(clusterView);
  }
}

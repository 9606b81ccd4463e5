import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { RotationPlanRepository } from '@app/database';
import { Actor, REGISTRY_WRITERS, requireRole, RotationPlanStatus, scopeOf } from '@app/domain';
import { PLAN_READERS } from './rotation-plan-access';
import { RotationPlanView, rotationPlanView } from './rotation-plan-view';

export interface ListRotationPlansCommand extends PageRequest {
  actor: Actor;
  countyId?: string;
  year?: number;
  status?: RotationPlanStatus;
}

/** The rotation plans in the caller's reach (officers: their counties'; principals and teachers: the approved ones concerning them), the latest year first. */
@Injectable()
export class ListRotationPlansUseCase {
  constructor(private readonly plans: RotationPlanRepository) {}

  async execute(command: ListRotationPlansCommand): Promise<Page<RotationPlanView>> {
    requireRole(command.actor, PLAN_READERS, 'read rotation plans');
    const [rows, total] = await this.plans.list(
      scopeOf(command.actor),
      { countyId: command.countyId, year: command.year, status: command.status },
      offsetOf(command),
      command.pageSize,
    );
    // What may be done is offered to those who may do it.
    const mayChange = REGISTRY_WRITERS.includes(command.actor.role);
    const items = rows.map(rotationPlanView).map((plan) => (mayChange ? plan : { ...plan, actions: [] }));
    return { items, page: command.page, pageSize: command.pageSize, total };
  }
}

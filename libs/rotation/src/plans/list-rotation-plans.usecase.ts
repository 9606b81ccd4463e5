import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { RotationPlanRepository } from '@app/database';
import { Actor, OFFICERS, requireRole, RotationPlanStatus, scopeOf } from '@app/domain';
import { RotationPlanView, rotationPlanView } from './rotation-plan-view';

export interface ListRotationPlansCommand extends PageRequest {
  actor: Actor;
  countyId?: string;
  year?: number;
  status?: RotationPlanStatus;
}

/** The rotation plans of the counties in the officer's reach, the latest year first. */
@Injectable()
export class ListRotationPlansUseCase {
  constructor(private readonly plans: RotationPlanRepository) {}

  async execute(command: ListRotationPlansCommand): Promise<Page<RotationPlanView>> {
    requireRole(command.actor, OFFICERS, 'read rotation plans');
    const [rows, total] = await this.plans.list(
      scopeOf(command.actor),
      { countyId: command.countyId, year: command.year, status: command.status },
      offsetOf(command),
      command.pageSize,
    );
    return { items: rows.map(rotationPlanView), page: command.page, pageSize: command.pageSize, total };
  }
}

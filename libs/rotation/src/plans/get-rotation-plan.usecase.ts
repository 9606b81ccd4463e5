import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/domain';
import { RotationPlanAccess } from './rotation-plan-access';
import { RotationPlanReviewer } from './rotation-plan-reviewer';
import { RotationPlanDetailView } from './rotation-plan-view';

/** A plan as an officer reviews it: its assignments with their effects, its compliance with the targets, its warnings. */
@Injectable()
export class GetRotationPlanUseCase {
  constructor(
    private readonly access: RotationPlanAccess,
    private readonly reviewer: RotationPlanReviewer,
  ) {}

  async execute(command: { actor: Actor; id: string }): Promise<RotationPlanDetailView> {
    return this.reviewer.review(await this.access.toRead(command.actor, command.id));
  }
}

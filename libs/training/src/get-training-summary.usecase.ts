import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { TrainingRepository } from '@app/database';
import { Actor, cycleOf, scopeOf, trainingSummary, TrainingStatus } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { TeacherLookup } from '@app/registry';

export interface TrainingSummaryView {
  teacherId: string;
  asOf: string;
  cycle: { start: string; end: string };
  requiredHours: number;
  approvedHours: number;
  pendingHours: number;
  remainingHours: number;
  expectedHoursToDate: number;
  status: TrainingStatus;
  policyVersion: string;
}

/** Where a teacher stands in the training cycle of a day: two indexed queries whatever the ledger's size. */
@Injectable()
export class GetTrainingSummaryUseCase {
  constructor(
    private readonly records: TrainingRepository,
    private readonly teachers: TeacherLookup,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; teacherId: string; asOf?: string }): Promise<TrainingSummaryView> {
    const today = this.clock.today();
    const asOf = command.asOf ?? today;
    const scope = scopeOf(command.actor);
    const teacher = await this.teachers.inScope(scope, command.teacherId);
    const policy = await this.policy.inForce(asOf);
    const cycle = cycleOf(asOf, policy.parameters.training);
    const totals = await this.records.totalsOfTeacher(scope, teacher.id, today, cycle.start, cycle.end);
    const summary = trainingSummary(teacher.hireDate, asOf, totals, policy.parameters.training);
    return {
      teacherId: teacher.id,
      asOf,
      cycle: { start: summary.cycle.start, end: summary.cycle.end },
      requiredHours: summary.requiredHours,
      approvedHours: summary.approvedHours,
      pendingHours: summary.pendingHours,
      remainingHours: summary.remainingHours,
      expectedHoursToDate: summary.expectedHoursToDate,
      status: summary.status,
      policyVersion: policy.version,
    };
  }
}

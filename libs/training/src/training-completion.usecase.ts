import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { ReferenceRepository, TrainingRepository } from '@app/database';
import { Actor, completionRate, cycleOf, cycleOfYear, OFFICERS, requireRole, scopeOf } from '@app/domain';
import { PolicyStore } from '@app/policy';

export interface CompletionRow {
  countyId: string;
  name: string;
  teachersOwing: number;
  teachersComplete: number;
  /** Null for a county (or a reach) without teachers owing hours in the cycle. */
  completionRate: number | null;
}

export interface TrainingCompletion {
  cycle: { startYear: number; start: string; end: string };
  counties: CompletionRow[];
  total: Omit<CompletionRow, 'countyId' | 'name'>;
  policyVersion: string;
}

/**
 * Completion rate of every county in the caller's reach (the province for its administrator),
 * in one aggregate query over all teachers and their approved hours.
 */
@Injectable()
export class TrainingCompletionUseCase {
  constructor(
    private readonly records: TrainingRepository,
    private readonly reference: ReferenceRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; cycle?: number }): Promise<TrainingCompletion> {
    requireRole(command.actor, OFFICERS, 'read training completion');
    const scope = scopeOf(command.actor);
    const today = this.clock.today();
    const policy = await this.policy.inForce(today);
    const training = policy.parameters.training;
    const cycle = command.cycle === undefined ? cycleOf(today, training) : cycleOfYear(command.cycle, training);
    const [rows, counties] = await Promise.all([
      this.records.completionByCounty(scope, {
        cycleStart: cycle.start,
        cycleEnd: cycle.end,
        cycleDays: cycle.days,
        unitsPerCycle: Math.round(training.hoursPerCycle / training.hourStep),
        unitsPerHour: 1 / training.hourStep,
      }),
      this.reference.countiesInScope(scope),
    ]);
    const byCounty = new Map(rows.map((r) => [r.countyId, r]));
    const list = counties.map((county) => {
      const row = byCounty.get(county.id);
      const owing = row?.owing ?? 0;
      const complete = row?.complete ?? 0;
      return {
        countyId: county.id,
        name: county.name,
        teachersOwing: owing,
        teachersComplete: complete,
        completionRate: completionRate(complete, owing),
      };
    });
    const owing = list.reduce((sum, r) => sum + r.teachersOwing, 0);
    const complete = list.reduce((sum, r) => sum + r.teachersComplete, 0);
    return {
      cycle: { startYear: cycle.startYear, start: cycle.start, end: cycle.end },
      counties: list,
      total: { teachersOwing: owing, teachersComplete: complete, completionRate: completionRate(complete, owing) },
      policyVersion: policy.version,
    };
  }
}

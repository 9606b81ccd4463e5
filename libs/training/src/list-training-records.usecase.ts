import { Injectable } from '@nestjs/common';
import { Clock, offsetOf, Page, PageRequest } from '@app/core';
import { ReferenceRepository, TrainingFilter, TrainingRepository } from '@app/database';
import { Actor, cycleOf, cycleOfYear, decisionReach, NotFoundError, scopeOf, ValidationFailedError } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { SchoolLookup, TeacherLookup } from '@app/registry';
import { trainingRecordViews, TrainingRecordView } from './training-view';

export interface TrainingSearch extends Omit<TrainingFilter, 'reach'> {
  /** Only what waits for the caller's decision: submitted records they may approve or reject. */
  decidable?: boolean;
}

export interface TeacherTrainingRecords {
  teacherId: string;
  cycle: { startYear: number; start: string; end: string };
  items: TrainingRecordView[];
  policyVersion: string;
}

/** Training records: one teacher's ledger for a cycle, or the records awaiting decision in the caller's reach. */
@Injectable()
export class ListTrainingRecordsUseCase {
  constructor(
    private readonly records: TrainingRepository,
    private readonly teachers: TeacherLookup,
    private readonly schools: SchoolLookup,
    private readonly reference: ReferenceRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  /** A teacher's entries (records and reversals) of one cycle (default: the current one), oldest first. */
  async ofTeacher(command: { actor: Actor; teacherId: string; cycle?: number }): Promise<TeacherTrainingRecords> {
    const today = this.clock.today();
    const scope = scopeOf(command.actor);
    const teacher = await this.teachers.inScope(scope, command.teacherId);
    const policy = await this.policy.inForce(today);
    const cycle = command.cycle === undefined ? cycleOf(today, policy.parameters.training) : cycleOfYear(command.cycle, policy.parameters.training);
    const [rows] = await this.records.list(scope, { teacherId: teacher.id, from: cycle.start, to: cycle.end }, today, 0, 100_000);
    return {
      teacherId: teacher.id,
      cycle: { startYear: cycle.startYear, start: cycle.start, end: cycle.end },
      items: trainingRecordViews(rows),
      policyVersion: policy.version,
    };
  }

  /**
   * Records in the caller's reach, filtered. `decidable` is a person's waiting list: submitted
   * records they may decide on (a principal: school-based training of their staff, never their
   * own record); `status=SUBMITTED` alone lists everything pending that they can see.
   */
  async search(command: { actor: Actor; filter: TrainingSearch; page: PageRequest }): Promise<Page<TrainingRecordView>> {
    const scope = scopeOf(command.actor);
    const today = this.clock.today();
    if (command.filter.countyId && !(await this.reference.findCountyInScope(scope, command.filter.countyId))) {
      throw new NotFoundError('county', command.filter.countyId);
    }
    if (command.filter.schoolId) await this.schools.inScope(scope, command.filter.schoolId);
    if (command.filter.teacherId) await this.teachers.inScope(scope, command.filter.teacherId);
    const { decidable, ...filter } = command.filter;
    if (decidable && filter.status !== undefined && filter.status !== 'SUBMITTED') {
      throw ValidationFailedError.field('decidable', 'lists submitted records: leave status out, or send status=SUBMITTED');
    }
    const query: TrainingFilter = decidable ? { ...filter, status: 'SUBMITTED', reach: decisionReach(command.actor) } : filter;
    const [rows, total] = await this.records.list(scope, query, today, offsetOf(command.page), command.page.pageSize);
    return { items: trainingRecordViews(rows), total, ...command.page };
  }
}

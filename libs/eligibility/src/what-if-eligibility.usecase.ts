import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository } from '@app/database';
import {
  addDays,
  Actor,
  findOverload,
  fractionToMilli,
  maxDate,
  milliToFraction,
  OFFICERS,
  PostingKind,
  requireRole,
  RuleViolationError,
  scopeOf,
  ServicePosting,
  ValidationFailedError,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { SchoolLookup, TeacherLookup } from '@app/registry';
import { EligibilityView } from './eligibility-view';
import { GetEligibilityUseCase } from './get-eligibility.usecase';

export interface HypotheticalPosting {
  schoolId: string;
  startDate: string;
  endDate?: string | null;
  kind: PostingKind;
  fraction?: number;
}

export interface WhatIfView extends EligibilityView {
  /** Recorded postings the plan would close the day before it starts (as activating a rotation does). */
  assumptions: { closedPostings: { postingId: string; schoolId: string; endDate: string }[] };
}

/**
 * The eligibility answer as if planned postings existed (a rotation to a rural school, a shared
 * post at a weak school): nothing is written. A full-time plan closes the recorded postings it
 * overlaps the day before it starts, as activating a rotation does; anything else that would
 * exceed one full post answers 422 POSTING_OVERLAP.
 */
@Injectable()
export class WhatIfEligibilityUseCase {
  constructor(
    private readonly teachers: TeacherLookup,
    private readonly schools: SchoolLookup,
    private readonly postings: PostingRepository,
    private readonly eligibility: GetEligibilityUseCase,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; teacherId: string; asOf?: string; postings: HypotheticalPosting[] }): Promise<WhatIfView> {
    requireRole(command.actor, OFFICERS, 'plan postings');
    const scope = scopeOf(command.actor);
    const teacher = await this.teachers.inScope(scope, command.teacherId);
    const plan = [...command.postings].sort((a, b) => a.startDate.localeCompare(b.startDate));
    const planned: ServicePosting[] = [];
    plan.forEach((p, i) => {
      const fractionMilli = fractionToMilli(p.fraction ?? 1);
      if (fractionMilli === null)
        throw ValidationFailedError.field(`postings.${i}.fraction`, 'must be above 0 and at most 1, with at most 3 decimals');
      if (p.endDate && p.endDate < p.startDate) throw ValidationFailedError.field(`postings.${i}.endDate`, 'cannot be before startDate');
      if (p.startDate < teacher.hireDate)
        throw ValidationFailedError.field(`postings.${i}.startDate`, `cannot be before the hire date (${teacher.hireDate})`);
      planned.push({ schoolId: p.schoolId, startDate: p.startDate, endDate: p.endDate ?? null, fractionMilli });
    });
    for (const schoolId of new Set(plan.map((p) => p.schoolId))) await this.schools.inScope(scope, schoolId);

    const today = this.clock.today();
    const recorded = await this.postings.ofTeacher(scope, teacher.id, today);
    const kept: { id?: string; schoolId: string; startDate: string; endDate: string | null; fractionMilli: number }[] = recorded.map((p) => ({
      id: p.id,
      schoolId: p.schoolId,
      startDate: p.startDate,
      endDate: p.endDate,
      fractionMilli: p.fractionMilli,
    }));
    const closed: WhatIfView['assumptions']['closedPostings'] = [];
    for (const next of planned) {
      if (next.fractionMilli === 1000) {
        for (const p of kept) {
          const overlaps = p.id && p.startDate < next.startDate && (p.endDate === null || p.endDate >= next.startDate);
          if (overlaps) {
            p.endDate = addDays(next.startDate, -1);
            closed.push({ postingId: p.id as string, schoolId: p.schoolId, endDate: p.endDate });
          }
        }
      }
      const overload = findOverload([...kept, next]);
      if (overload) {
        throw new RuleViolationError(
          'POSTING_OVERLAP',
          `With the plan, on ${overload.date} the teacher's postings would add up to ${milliToFraction(overload.totalMilli)} of a full post (at most 1)`,
          { date: overload.date, total: milliToFraction(overload.totalMilli) },
        );
      }
      kept.push(next);
    }

    // By default, judge the plan on the day it starts (so that the earliest service date shows when it pays off).
    const asOf = command.asOf ?? maxDate(today, plan[0].startDate);
    const answer = await this.eligibility.evaluate(scope, teacher, kept, asOf, await this.policy.inForce(asOf), [
      ...new Set(plan.map((p) => p.schoolId)),
    ]);
    return { ...answer, assumptions: { closedPostings: closed } };
  }
}

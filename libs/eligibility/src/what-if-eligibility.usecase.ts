import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingRepository } from '@app/database';
import {
  Actor,
  applyPlannedPostings,
  ContinuedPosting,
  fractionMilliOf,
  maxDate,
  milliToFraction,
  OFFICERS,
  PostingAt,
  PostingKind,
  requireRole,
  scopeOf,
  serviceRequirementMetOn,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { SchoolLookup, TeacherLookup } from '@app/registry';
import { EligibilityView } from './eligibility-view';
import { GetEligibilityUseCase } from './get-eligibility.usecase';

export interface PlannedPosting {
  schoolId: string;
  startDate: string;
  endDate?: string | null;
  kind: PostingKind;
  fraction?: number;
}

/** A recorded posting's stretch as the plan would leave it. */
export interface ContinuedPostingView {
  postingId: string;
  schoolId: string;
  schoolName: string | null;
  startDate: string;
  endDate: string | null;
  fraction: number;
}

export interface WhatIfView extends EligibilityView {
  /** The first day on which the service rule is met under the plan, past or future; null when the plan never gets there. */
  serviceRuleMetOn: string | null;
  /** What the plan does to the recorded postings, as activating a rotation plan would. */
  assumptions: {
    /** Recorded postings closed the day before a plan starts. */
    closedPostings: { postingId: string; schoolId: string; schoolName: string | null; endDate: string }[];
    /** Home postings at a smaller share beside a part-time plan, for its term. */
    reducedPostings: ContinuedPostingView[];
    /** Home postings resumed at their own share after a plan's term. */
    resumedPostings: ContinuedPostingView[];
  };
}

/**
 * The eligibility answer as if planned postings existed (a rotation to a rural school, a shared
 * post at a weak school): nothing is written. The plan goes through the same posting rules as
 * recording (400 for bad dates, 422 POSTING_BEFORE_HIRE, 422 POSTING_OVERLAP) and is put in place
 * as activating a rotation plan would: a full-time plan closes the home posting the day before and
 * resumes it after the term; a part-time plan at f keeps home at 1 − f for its term.
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

  async execute(command: { actor: Actor; teacherId: string; asOf?: string; postings: PlannedPosting[] }): Promise<WhatIfView> {
    requireRole(command.actor, OFFICERS, 'plan postings');
    const scope = scopeOf(command.actor);
    const teacher = await this.teachers.inScope(scope, command.teacherId);
    const planned: PostingAt[] = command.postings.map((p, i) => ({
      schoolId: p.schoolId,
      kind: p.kind,
      startDate: p.startDate,
      endDate: p.endDate ?? null,
      fractionMilli: fractionMilliOf(p.fraction, `postings.${i}.fraction`),
    }));
    const planSchoolIds = [...new Set(planned.map((p) => p.schoolId))];
    for (const schoolId of planSchoolIds) await this.schools.inScope(scope, schoolId);

    const today = this.clock.today();
    const recorded = await this.postings.ofTeacher(scope, teacher.id, today);
    const plan = applyPlannedPostings(recorded, planned, teacher.hireDate);

    // By default, judge the plan on the day it starts (or today, if later).
    const asOf = command.asOf ?? maxDate(today, planned.map((p) => p.startDate).sort()[0]);
    const policy = await this.policy.inForce(asOf);
    const { view, facts, schoolNames } = await this.eligibility.evaluate(scope, teacher, plan.postings, asOf, policy, planSchoolIds);
    const named = (schoolId: string) => schoolNames.get(schoolId) ?? null;
    const continued = (p: ContinuedPosting): ContinuedPostingView => ({
      postingId: p.postingId,
      schoolId: p.schoolId,
      schoolName: named(p.schoolId),
      startDate: p.startDate,
      endDate: p.endDate,
      fraction: milliToFraction(p.fractionMilli),
    });
    return {
      ...view,
      serviceRuleMetOn: serviceRequirementMetOn(facts, asOf, policy.parameters),
      assumptions: {
        closedPostings: plan.closed.map((p) => ({ postingId: p.postingId, schoolId: p.schoolId, schoolName: named(p.schoolId), endDate: p.endDate })),
        reducedPostings: plan.reduced.map(continued),
        resumedPostings: plan.resumed.map(continued),
      },
    };
  }
}

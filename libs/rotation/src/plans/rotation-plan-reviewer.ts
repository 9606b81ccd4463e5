import { Injectable } from '@nestjs/common';
import { RotationAssignmentRow, RotationPlanRepository, RotationPlanRow, ShortageFactsRepository } from '@app/database';
import {
  activationWrites,
  concernsTeacher,
  eligibilityEffect,
  groupBy,
  milliToFraction,
  OpenNeed,
  planCompliance,
  ServicePosting,
  RecordedPosting,
  RuleViolationError,
  PlanCompliance,
  planWarnings,
  qualifyingIntervalsBySchool,
  requestCovers,
  ReviewedAssignment,
  schoolYearOf,
  SchoolShortageEffect,
  shortageEffect,
  ShortageStaffMember,
  Subject,
  UncountedReason,
} from '@app/domain';
import { PolicyStore } from '@app/policy';
import { CountyRotationYearReader } from '../county-rotation-year';
import {
  AssignmentEffectsView,
  PlanComplianceView,
  PlanWarningView,
  ReviewedAssignmentView,
  rotationAssignmentView,
  RotationPlanDetailView,
  rotationPlanView,
  ScopeComplianceView,
} from './rotation-plan-view';

/** The compliance of a plan, with what the view needs to name the assignments that count toward no target. */
interface PlanComplianceReading {
  view: PlanComplianceView;
  uncounted: Map<string, UncountedReason>;
  referenceDate: string;
}

/**
 * Reads a plan as an officer reviews it (docs/rules.md, "Rotation: plan review"): its compliance with the year's
 * targets (the county's candidates judged on the reference day), and for each assignment its effect on the
 * teacher's service rules, the staff request it covers and the shortages it opens and closes, with the plan's
 * warnings. Set-based: a fixed number of statements whatever the plan's size; the rules are in libs/domain.
 */
@Injectable()
export class RotationPlanReviewer {
  constructor(
    private readonly plans: RotationPlanRepository,
    private readonly judged: CountyRotationYearReader,
    private readonly shortageFacts: ShortageFactsRepository,
    private readonly policy: PolicyStore,
  ) {}

  /** The plan's compliance with the targets of its county and year (the county's teachers judged as the candidates list judges them). */
  private async compliance(plan: { countyId: string; year: number }, assignments: readonly RotationAssignmentRow[]): Promise<PlanComplianceReading> {
    const { referenceDate, policy, facts, candidates } = await this.judged.read(plan.countyId, plan.year);
    const schools = facts.schools.map((s) => ({ schoolId: s.id, location: s.location }));
    const eligible = candidates.eligible.map((e) => ({ teacherId: e.teacherId, schoolId: e.schoolId as string, backbone: e.backbone }));
    const compliance = planCompliance(assignments, eligible, schools, policy.parameters);
    const names = new Map(facts.schools.map((s) => [s.id, s.name]));
    return {
      view: complianceView(compliance, referenceDate, policy.version, names),
      uncounted: new Map(compliance.uncounted.map((u) => [u.teacherId, u.reason])),
      referenceDate,
    };
  }

  /** The plan with its assignments, compliance, effects and warnings. */
  async review(plan: RotationPlanRow): Promise<RotationPlanDetailView> {
    const assignments = await this.plans.assignmentsOf(plan.id);
    const compliance = await this.compliance(plan, assignments);
    const policy = (await this.policy.inForce(compliance.referenceDate)).parameters;
    // Once in force, the plan's postings are recorded: its effects are what the review showed before (nothing more to apply).
    const inForce = plan.status === 'ACTIVE' || plan.status === 'COMPLETED';
    const teacherIds = assignments.map((a) => a.teacherId);
    const schoolIds = [...new Set(assignments.flatMap((a) => [a.fromSchoolId, a.toSchoolId]))];

    const [postings, requests, flags] = await Promise.all([
      this.plans.postingsOf(teacherIds),
      this.plans.openRequestsAt(schoolIds),
      this.plans.openFlagsAt(schoolIds),
    ]);
    const postingsOf = groupBy(postings, (p) => p.teacherId);

    // The staff of each school on each first day, as the shortage rules read it: who leaves, who arrives, with their subjects.
    const days = groupBy(inForce ? [] : assignments, (a) => a.startDate);
    const schoolDays: { day: string; facts: Awaited<ReturnType<ShortageFactsRepository['schoolFacts']>>[number] }[] = [];
    const staffOf = new Map<string, ShortageStaffMember>();
    for (const [day, onDay] of days) {
      const ids = [...new Set(onDay.flatMap((a) => [a.fromSchoolId, a.toSchoolId]))];
      for (const facts of await this.shortageFacts.schoolFacts(ids, day, schoolYearOf(day))) {
        schoolDays.push({ day, facts });
        for (const m of facts.staff)
          if (!staffOf.has(m.teacherId) || onDay.some((a) => a.teacherId === m.teacherId && a.fromSchoolId === facts.schoolId))
            staffOf.set(m.teacherId, m);
      }
    }
    const subjectsOf = (a: RotationAssignmentRow): Subject[] => {
      const member = staffOf.get(a.teacherId);
      return [a.subject, ...(member?.extraSubjects ?? []).map((e) => e.subject).filter((s) => s !== a.subject)];
    };
    const reviewed: ReviewedAssignment[] = assignments.map((a) => ({
      assignmentId: a.id,
      teacherId: a.teacherId,
      fromSchoolId: a.fromSchoolId,
      toSchoolId: a.toSchoolId,
      startDate: a.startDate,
      endDate: a.endDate,
      mode: a.mode,
      fractionMilli: a.fractionMilli,
      subjects: subjectsOf(a),
    }));

    const effects: SchoolShortageEffect[] = [];
    for (const schoolDay of schoolDays) {
      const inForce = await this.policy.inForce(schoolDay.day);
      try {
        effects.push(shortageEffect(schoolDay, reviewed, staffOf, inForce.parameters.shortage, inForce.version));
      } catch (error) {
        // Facts no rule can read (a damaged row: the school's scan fails on them too) leave that school without effects, not the plan unread.
        if (!(error instanceof RangeError)) throw error;
      }
    }
    const covers = inForce ? new Map<string, never>() : requestCovers(reviewed, requests);
    const needs: OpenNeed[] = [
      ...flags.map((f) => ({ schoolId: f.schoolId, kind: f.kind, subject: f.subject })),
      ...requests.map((r) => ({ schoolId: r.schoolId, kind: 'STAFF_REQUEST' as const, subject: r.subject })),
    ];
    const names = new Map(assignments.flatMap((a) => [[a.fromSchoolId, a.fromSchoolName] as const, [a.toSchoolId, a.toSchoolName] as const]));
    const peArts = policy.shortage.peArts.subjects;
    const warnings: PlanWarningView[] = inForce ? [] : planWarnings(reviewed, effects, needs, peArts, names);

    // Service rules: every school any of the teachers was, is or will be posted at.
    const classifications = await this.plans.classificationsOf([...new Set([...postings.map((p) => p.schoolId), ...schoolIds])]);
    const qualifying = qualifyingIntervalsBySchool(classifications, policy);

    const views = assignments.map((a, i): ReviewedAssignmentView => {
      const recorded = postingsOf.get(a.teacherId) ?? [];
      const planned = inForce ? recorded : plannedPostings(a, recorded);
      const cover = covers.get(a.id);
      const concerns = (e: SchoolShortageEffect) => e.day === a.startDate;
      const mine = reviewed[i];
      const matches = (c: { kind: string; subject: Subject | null }) => concernsTeacher(c, mine.subjects, peArts);
      const effect: AssignmentEffectsView = {
        eligibility: eligibilityEffect(recorded, planned, qualifying, a.startDate, policy),
        staffRequest: cover
          ? {
              requestId: cover.requestId,
              status: cover.status,
              subject: cover.subject,
              adds: milliToFraction(cover.addsMilli),
              covered: milliToFraction(cover.coveredMilli),
              headcount: cover.requiredMilli / 1000,
              coversAll: cover.covered,
            }
          : null,
        flagsOpened: effects.filter((e) => concerns(e) && e.schoolId === a.fromSchoolId).flatMap((e) => e.opens.filter(matches)),
        flagsClosed: effects.filter((e) => concerns(e) && e.schoolId === a.toSchoolId).flatMap((e) => e.closes.filter(matches)),
      };
      return { ...rotationAssignmentView(a, compliance.uncounted.get(a.teacherId) ?? null), effects: effect };
    });

    return {
      ...rotationPlanView(plan),
      referenceDate: compliance.referenceDate,
      assignments: views,
      compliance: compliance.view,
      warnings,
    };
  }
}

/**
 * The teacher's postings with the assignment in place as activation would write them; the recorded ones when
 * postings recorded since the assignment was made no longer leave room for it (activation will refuse it then).
 */
function plannedPostings(a: RotationAssignmentRow, recorded: readonly RecordedPosting[]): readonly ServicePosting[] {
  try {
    return activationWrites(a, recorded, a.hireDate).postings;
  } catch (error) {
    if (error instanceof RuleViolationError) return recorded;
    throw error;
  }
}

function scopeView(s: PlanCompliance['county']): ScopeComplianceView {
  return {
    applies: s.applies,
    eligibleCount: s.eligibleCount,
    rotatingCount: s.rotatingCount,
    backboneRotating: s.backboneRotating,
    minRotating: s.minRotating,
    minBackbone: s.minBackbone,
    rotatingMet: s.rotatingMet,
    backboneMet: s.backboneMet,
    meetsTargets: s.meetsTargets,
    summary: s.summary,
  };
}

function complianceView(c: PlanCompliance, referenceDate: string, policyVersion: string, names: ReadonlyMap<string, string>): PlanComplianceView {
  return {
    eligibleCount: c.county.eligibleCount,
    rotatingCount: c.county.rotatingCount,
    backboneRotating: c.county.backboneRotating,
    minRotating: c.county.minRotating,
    minBackbone: c.county.minBackbone,
    meetsTargets: c.meetsTargets,
    referenceDate,
    policyVersion,
    county: scopeView(c.county),
    schools: c.schools.map((s) => ({ ...scopeView(s), schoolId: s.schoolId, schoolName: names.get(s.schoolId) ?? '', location: s.location })),
  };
}

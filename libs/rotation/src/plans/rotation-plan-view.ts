import type { RotationAssignmentRow, RotationPlanRow } from '@app/database';
import {
  milliToFraction,
  type BackboneLevel,
  type Label,
  type PlanWarningCode,
  type PostingKind,
  type RotationMode,
  type RotationPlanAction,
  type RotationPlanStatus,
  type ShortageKind,
  type ShortageSeverity,
  type Subject,
  type UncountedReason,
  planActionsFrom,
} from '@app/domain';

export interface RotationPlanView {
  id: string;
  countyId: string;
  countyName: string;
  year: number;
  title: string | null;
  status: RotationPlanStatus;
  /** What may be done to it now, in order. */
  actions: RotationPlanAction[];
  assignmentCount: number;
  /** The last day of its latest term; null without assignments. */
  lastDay: string | null;
  createdBy: string;
  createdByUsername: string;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  activatedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  version: number;
}

export interface ServiceReachView {
  requiredDays: number;
  before: string | null;
  after: string | null;
  changed: boolean;
}

export interface ShortageChangeView {
  schoolId: string;
  day: string;
  kind: ShortageKind;
  subject: Subject | null;
  severity: ShortageSeverity;
  requiredFte: number;
  actualFte: number;
  gap: number;
  summary: Label;
}

export interface AssignmentEffectsView {
  /** The senior-title service rule and the principal priority: their days without and with this assignment. */
  eligibility: { seniorTitle: ServiceReachView; principalPriority: ServiceReachView; changes: boolean; summary: Label };
  /** The staff request it would count towards (fulfilled on activation when approved); null: none. */
  staffRequest: {
    requestId: string;
    status: 'SUBMITTED' | 'APPROVED';
    subject: Subject;
    adds: number;
    covered: number;
    headcount: number;
    coversAll: boolean;
  } | null;
  /** Shortages its move opens (at the school it leaves) and closes (at the school it joins) on its first day. */
  flagsOpened: ShortageChangeView[];
  flagsClosed: ShortageChangeView[];
}

export interface RotationAssignmentView {
  id: string;
  planId: string;
  teacherId: string;
  teacherName: string;
  staffNo: string;
  subject: Subject;
  backbone: BackboneLevel;
  fromSchoolId: string;
  fromSchoolName: string;
  toSchoolId: string;
  toSchoolName: string;
  startDate: string;
  endDate: string;
  mode: RotationMode;
  kind: PostingKind;
  teamId: string | null;
  fraction: number;
  /** The posting written at the destination once the plan is activated. */
  postingId: string | null;
  /** Why it counts toward no target (not eligible this year, or shadowing); null when it counts. */
  uncounted: UncountedReason | null;
}

export interface ReviewedAssignmentView extends RotationAssignmentView {
  effects: AssignmentEffectsView;
}

export interface ScopeComplianceView {
  applies: boolean;
  eligibleCount: number;
  rotatingCount: number;
  backboneRotating: number;
  minRotating: number;
  minBackbone: number;
  rotatingMet: boolean;
  backboneMet: boolean;
  meetsTargets: boolean;
  summary: Label;
}

export interface PlanComplianceView {
  /** The county's figures (api contract): eligible, rotating, backbone rotating, the minimums, and whether every applying scope meets them. */
  eligibleCount: number;
  rotatingCount: number;
  backboneRotating: number;
  minRotating: number;
  minBackbone: number;
  meetsTargets: boolean;
  referenceDate: string;
  policyVersion: string;
  county: ScopeComplianceView;
  schools: (ScopeComplianceView & { schoolId: string; schoolName: string; location: string | null })[];
}

export interface PlanWarningView {
  code: PlanWarningCode;
  assignmentId: string;
  teacherId: string;
  schoolId: string;
  subject: Subject;
  message: Label;
}

export interface RotationPlanDetailView extends RotationPlanView {
  referenceDate: string;
  assignments: ReviewedAssignmentView[];
  compliance: PlanComplianceView;
  warnings: PlanWarningView[];
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function rotationPlanView(plan: RotationPlanRow): RotationPlanView {
  return {
    id: plan.id,
    countyId: plan.countyId,
    countyName: plan.countyName,
    year: plan.year,
    title: plan.title,
    status: plan.status,
    actions: planActionsFrom(plan.status),
    assignmentCount: plan.assignmentCount,
    lastDay: plan.lastDay,
    createdBy: plan.createdBy,
    createdByUsername: plan.createdByUsername,
    createdAt: plan.createdAt.toISOString(),
    submittedAt: iso(plan.submittedAt),
    approvedAt: iso(plan.approvedAt),
    approvedBy: plan.approvedBy,
    activatedAt: iso(plan.activatedAt),
    completedAt: iso(plan.completedAt),
    cancelledAt: iso(plan.cancelledAt),
    cancelReason: plan.cancelReason,
    version: plan.version,
  };
}

export function rotationAssignmentView(a: RotationAssignmentRow, uncounted: UncountedReason | null): RotationAssignmentView {
  return {
    id: a.id,
    planId: a.planId,
    teacherId: a.teacherId,
    teacherName: a.teacherName,
    staffNo: a.staffNo,
    subject: a.subject,
    backbone: a.backbone,
    fromSchoolId: a.fromSchoolId,
    fromSchoolName: a.fromSchoolName,
    toSchoolId: a.toSchoolId,
    toSchoolName: a.toSchoolName,
    startDate: a.startDate,
    endDate: a.endDate,
    mode: a.mode,
    kind: a.kind,
    teamId: a.teamId,
    fraction: milliToFraction(a.fractionMilli),
    postingId: a.postingId,
    uncounted,
  };
}

/** An assignment just added: its effects, its own warnings, and the plan's compliance as it now stands. */
export interface AddedAssignmentView extends ReviewedAssignmentView {
  compliance: PlanComplianceView;
  warnings: PlanWarningView[];
  /** How many warnings the whole plan has now. */
  planWarnings: number;
}

/** A plan just activated, with what activation wrote. */
export interface ActivatedPlanView extends RotationPlanView {
  activation: {
    assignments: number;
    /** Recorded postings closed or reduced. */
    postingsChanged: number;
    /** Postings written: at the destinations, at home beside shared posts, and the returns home. */
    postingsWritten: number;
    /** Approved staff requests the assignments were counted towards. */
    staffRequestsCounted: number;
  };
}

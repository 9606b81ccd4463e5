import type { BackboneDenominator, BackboneLevel, ExemptionKind, ExemptionReason, Label, Location, Post, Subject } from '@app/domain';

/** A teacher due to rotate (or exempt from it), with what an officer needs to plan. */
export interface CandidateView {
  teacherId: string;
  staffNo: string;
  name: string;
  subject: Subject;
  post: Post;
  /** The current school: that of the main REGULAR posting on the reference day. */
  schoolId: string;
  /** Null only for a school outside the county. */
  schoolName: string | null;
  /** Continuous years at the school on the reference day, to 0.1 rounded down. */
  yearsAtSchool: number;
  fullYears: number;
  /** First day of the unbroken stretch at the school. */
  since: string;
  backbone: BackboneLevel;
  /** Backbone level at least the policy's backboneMinLevel: counts toward the backbone target. */
  countsAsBackbone: boolean;
  age: number;
  summary: Label;
}

export interface ExemptionGroundView {
  kind: ExemptionKind;
  /** For a recorded exemption: its id, reason code, note and validity; null for the age. */
  exemptionId: string | null;
  reason: ExemptionReason | null;
  note: string | null;
  validFrom: string | null;
  validTo: string | null;
  summary: Label;
}

export interface ExemptCandidateView extends CandidateView {
  /** The first ground: AGE before RECORDED. */
  reason: ExemptionKind;
  exemptions: ExemptionGroundView[];
}

export interface TargetsView {
  eligibleCount: number;
  minRotating: number;
  minBackbone: number;
  backboneDenominator: { kind: BackboneDenominator; count: number };
  applies: boolean;
  summary: Label;
}

export interface SchoolTargetsView extends TargetsView {
  schoolId: string;
  schoolName: string;
  location: Location | null;
}

export interface RotationCandidatesView {
  countyId: string;
  countyName: string;
  year: number;
  referenceDate: string;
  policyVersion: string;
  eligible: CandidateView[];
  exempt: ExemptCandidateView[];
  notEligibleCount: number;
  targets: TargetsView & { schools: SchoolTargetsView[] };
}

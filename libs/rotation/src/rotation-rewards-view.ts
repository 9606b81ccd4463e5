import type { BackboneDenominator, BackboneLevel, Location, RewardTargets, RotationPlanStatus, TargetScope } from '@app/domain';

/** A school's line of the rewards report. */
export interface SchoolRewardView {
  schoolId: string;
  code: string;
  name: string;
  location: Location | null;
  /** Teachers sent in a counted mode (every one but shadowing). */
  sent: number;
  /** Of them, backbone teachers (level ≥ rotation.backboneMinLevel, as the assignment recorded it). */
  backboneSent: number;
  /** Of them, shared part of the week (走教). */
  sharedSent: number;
  /** New teachers sent to shadow (跟岗): counted apart. */
  shadowingSent: number;
  received: number;
  shadowingReceived: number;
  /** The school's targets and whether they are met; null for a school without targets of its own. */
  targets: RewardTargets | null;
  /** Rank by backbone teachers sent, then teachers sent, then code, among the schools that sent; null when none sent. */
  rank: number | null;
}

export interface RotationRewardsView {
  countyId: string;
  countyName: string;
  year: number;
  referenceDate: string;
  policyVersion: string;
  /** The plans counted: the county's plans of the year in these statuses; how many of them hold assignments, and how many assignments. */
  plans: { statuses: RotationPlanStatus[]; count: number; assignments: number };
  parameters: {
    minRotatingShare: number;
    minBackboneShare: number;
    backboneMinLevel: BackboneLevel;
    backboneDenominator: BackboneDenominator;
    targetScopes: TargetScope[];
    schoolTargetLocations: Location[];
  };
  totals: {
    schools: number;
    ranked: number;
    sent: number;
    backboneSent: number;
    sharedSent: number;
    shadowingSent: number;
    received: number;
    shadowingReceived: number;
    schoolsWithTargets: number;
    schoolsMeetingTargets: number;
    targets: RewardTargets;
    meetsTargets: boolean;
  };
  /** The ranked schools by rank, then the others by code. */
  schools: SchoolRewardView[];
}

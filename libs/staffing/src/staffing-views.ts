import type { QuotaChangeKind, QuotaChangeRow, SchoolAllocationRow } from '@app/database';
import type { QuotaPart, SmallSchoolJudgement, Stage, Location, StaffingStatus } from '@app/domain';

/** A county's pool for a year: approved, allocated and what is left. */
export interface PoolTotals {
  approvedTotal: number | null;
  allocated: number;
  /** approvedTotal − allocated; null while no total is approved. */
  unallocated: number | null;
}

/** GET/PUT /counties/:id/quota. */
export interface CountyQuotaView extends PoolTotals {
  countyId: string;
  countyName: string;
  year: number;
  /** The version of the county's approved total (null while none is entered). */
  version: number | null;
  updatedAt: string | null;
  schools: SchoolAllocationRow[];
}

/** PUT /schools/:id/quota-allocation. */
export interface SchoolAllocationView {
  schoolId: string;
  code: string;
  name: string;
  countyId: string;
  year: number;
  allocated: number;
  /** The allocation before this write (null when the school had none). */
  previous: number | null;
  pool: PoolTotals;
}

/** One side of a quota move, after it. */
export interface MoveSideView {
  schoolId: string;
  code: string;
  name: string;
  allocated: number;
}

/** POST /counties/:id/quota-moves. */
export interface QuotaMoveView {
  moveId: string;
  countyId: string;
  year: number;
  amount: number;
  reason: string;
  from: MoveSideView;
  to: MoveSideView;
  pool: PoolTotals;
}

/** GET /schools/:id/quota-history. */
export interface QuotaChangeView {
  id: string;
  year: number;
  kind: QuotaChangeKind;
  previousValue: number | null;
  newValue: number;
  /** newValue − previousValue (an absent previous value counts as 0). */
  change: number;
  moveId: string | null;
  otherSchoolId: string | null;
  otherSchoolName: string | null;
  reason: string | null;
  actorUsername: string;
  at: string;
}

export function quotaChangeView(row: QuotaChangeRow): QuotaChangeView {
  return {
    id: row.id,
    year: row.year,
    kind: row.kind,
    previousValue: row.previousValue,
    newValue: row.newValue,
    change: row.newValue - (row.previousValue ?? 0),
    moveId: row.moveId,
    otherSchoolId: row.otherSchoolId,
    otherSchoolName: row.otherSchoolName,
    reason: row.reason,
    actorUsername: row.actorUsername,
    at: new Date(row.at).toISOString(),
  };
}

/** A school's staffing on a day, as every report shows it. */
export interface SchoolStaffingLine {
  schoolId: string;
  code: string;
  name: string;
  stage: Stage;
  location: Location | null;
  /** The school year whose enrolment was read; null when none is recorded. */
  enrolmentSchoolYear: number | null;
  students: number | null;
  /** null when no enrolment is recorded. */
  standardQuota: number | null;
  /** The school's allocation for the quota year; null when it has none. */
  allocatedQuota: number | null;
  /** On-quota teachers posted there on the day, fraction-weighted. */
  onQuotaHeadcount: number;
  /** allocatedQuota − onQuotaHeadcount (negative: overstaffed); null without an allocation. */
  vacancy: number | null;
  status: StaffingStatus;
  openShortageFlags: number;
}

/** GET /schools/:id/staffing. */
export interface SchoolStaffingView extends SchoolStaffingLine {
  countyId: string;
  asOf: string;
  year: number;
  boarders: number | null;
  breakdown: QuotaPart[];
  smallSchool: SmallSchoolJudgement | null;
  policyVersion: string;
}

/** Sums over schools: the columns of a report. */
export interface StaffingTotals {
  schools: number;
  students: number;
  standardQuota: number;
  allocatedQuota: number;
  onQuotaHeadcount: number;
  /** Σ vacancy over the schools with an allocation. */
  vacancy: number;
  openShortageFlags: number;
  /** Schools by status, and schools without an enrolment (no standard quota). */
  over: number;
  under: number;
  atQuota: number;
  withoutAllocation: number;
  withoutEnrolment: number;
}

/** A school over or under its allocation. */
export interface StaffingExtreme {
  schoolId: string;
  code: string;
  name: string;
  allocatedQuota: number;
  onQuotaHeadcount: number;
  vacancy: number;
}

/** GET /counties/:id/staffing-report. */
export interface CountyStaffingReport {
  countyId: string;
  countyName: string;
  year: number;
  asOf: string;
  policyVersion: string;
  pool: PoolTotals;
  totals: StaffingTotals;
  schools: SchoolStaffingLine[];
  /** Schools over their allocation, the most overstaffed first. */
  overstaffed: StaffingExtreme[];
  /** Schools with posts to fill, the most vacant first. */
  understaffed: StaffingExtreme[];
}

/** One county of a roll-up. */
export interface CountyStaffingLine extends StaffingTotals, PoolTotals {
  countyId: string;
  countyName: string;
  cityId: string;
}

/** GET /staffing-report: the counties of a city, or of the province. */
export interface StaffingRollup {
  cityId: string | null;
  year: number;
  asOf: string;
  policyVersion: string;
  totals: StaffingTotals & { approvedTotal: number; countiesWithoutApprovedTotal: number };
  counties: CountyStaffingLine[];
}

import { newId } from '@app/core';
import type { BulkRow } from '@app/database';
import { coversDay } from '@app/domain';
import type { GeneratedCounty } from './county-generator';

/** A school with its on-quota headcount on the day (fraction-weighted, thousandths). */
export interface SchoolHeadcount {
  schoolId: string;
  code: string;
  headcountMilli: number;
}

/** A county's pool for a year: its approved total and each school's allocation. */
export interface GeneratedPool {
  approvedTotal: number;
  allocations: { schoolId: string; allocated: number }[];
  /** The one school allocated fewer posts than its staff (超编). */
  overstaffedSchoolId: string | null;
}

/** Posts above its headcount (rounded up) each school is allocated, in turn by code: most schools have posts to fill. */
const SPARE_POSTS = [1, 2, 0, 3, 1, 2] as const;
/** The overstaffed school is allocated this many posts fewer than its headcount (rounded down). */
const OVERSTAFFED_BY = 2;
/** The approved total keeps this share of the allocations unallocated, for the year's moves (rounded up). */
const RESERVE_SHARE = 0.05;

/**
 * A deterministic quota pool for a generated county (the demo's, a benchmark's): each school allocated its headcount
 * rounded up plus a few spare posts (so most have posts to fill, some are at quota), except the school with the most
 * staff, allocated two posts fewer than it has (overstaffed); the approved total is the allocations plus a 5 % reserve.
 */
export function generatePool(schools: readonly SchoolHeadcount[]): GeneratedPool {
  const ordered = [...schools].sort((a, b) => a.code.localeCompare(b.code));
  const largest = ordered.reduce<SchoolHeadcount | null>(
    (best, school) => (best === null || school.headcountMilli > best.headcountMilli ? school : best),
    null,
  );
  const overstaffed = largest !== null && largest.headcountMilli >= (OVERSTAFFED_BY + 1) * 1000 ? largest : null;
  const allocations = ordered.map((school, index) => ({
    schoolId: school.schoolId,
    allocated:
      school === overstaffed
        ? Math.floor(school.headcountMilli / 1000) - OVERSTAFFED_BY
        : Math.ceil(school.headcountMilli / 1000) + SPARE_POSTS[index % SPARE_POSTS.length],
  }));
  const allocated = allocations.reduce((sum, a) => sum + a.allocated, 0);
  return { approvedTotal: allocated + Math.ceil(allocated * RESERVE_SHARE), allocations, overstaffedSchoolId: overstaffed?.schoolId ?? null };
}

/** The on-quota headcount of each school of a generated county on `day`, from its rows. */
export function generatedHeadcounts(county: GeneratedCounty, day: string): SchoolHeadcount[] {
  const onQuota = new Set(county.teachers.filter((t) => t.on_quota === true).map((t) => String(t.id)));
  const milli = new Map<string, number>();
  for (const p of county.postings) {
    const span = { startDate: String(p.start_date), endDate: p.end_date === null ? null : String(p.end_date) };
    if (!onQuota.has(String(p.teacher_id)) || !coversDay(span, day)) continue;
    milli.set(String(p.school_id), (milli.get(String(p.school_id)) ?? 0) + Number(p.fraction_milli));
  }
  return county.directory.map((school) => ({ schoolId: school.schoolId, code: school.code, headcountMilli: milli.get(school.schoolId) ?? 0 }));
}

/**
 * The rows of a pool: the county's approved total, the allocations, and their history (entered by the system, as a
 * county's figures loaded at the start of the year are).
 */
export function poolRows(
  countyId: string,
  year: number,
  pool: GeneratedPool,
  now: Date,
): { countyQuota: BulkRow[]; allocations: BulkRow[]; changes: BulkRow[] } {
  const change = (schoolId: string | null, kind: 'APPROVED_TOTAL' | 'ALLOCATION', newValue: number): BulkRow => ({
    id: newId(),
    county_id: countyId,
    school_id: schoolId,
    year,
    kind,
    previous_value: null,
    new_value: newValue,
    move_id: null,
    other_school_id: null,
    reason: '学年初核定',
    actor_id: null,
    actor_username: 'system',
    at: now,
  });
  return {
    countyQuota: [{ county_id: countyId, year, approved_total: pool.approvedTotal, version: 1, updated_at: now }],
    allocations: pool.allocations.map((a) => ({
      school_id: a.schoolId,
      year,
      county_id: countyId,
      allocated: a.allocated,
      version: 1,
      updated_at: now,
    })),
    changes: [change(null, 'APPROVED_TOTAL', pool.approvedTotal), ...pool.allocations.map((a) => change(a.schoolId, 'ALLOCATION', a.allocated))],
  };
}

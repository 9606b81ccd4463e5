import { Injectable } from '@nestjs/common';
import { FlagCount, ReferenceRepository, ShortageFlagRepository, ShortageScanRepository } from '@app/database';
import {
  Actor,
  ForbiddenError,
  NotFoundError,
  OFFICERS,
  requireRole,
  Role,
  scopeOf,
  SHORTAGE_KINDS,
  ShortageKind,
  Subject,
  SUBJECTS,
} from '@app/domain';
import { scanView, ShortageScanView } from './shortage-views';

/** Open flags at each severity, and their total. */
export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  total: number;
}

export interface CountyShortageSummary {
  countyId: string;
  countyName: string;
  /** The newest scan of the whole county (its own, its city's or the province's); null before the first. */
  lastScan: ShortageScanView | null;
  open: SeverityCounts & { schools: number };
  bySubject: (SeverityCounts & { subject: Subject | null })[];
  byKind: (SeverityCounts & { kind: ShortageKind })[];
  /** Schools with open flags, the most severe gaps first (CRITICAL flags, then HIGH, then the largest gap). */
  schools: (SeverityCounts & { schoolId: string; code: string; name: string; largestGap: number })[];
}

export interface ShortageRollup {
  /** The city summed up; null for the whole province. */
  cityId: string | null;
  open: SeverityCounts & { schools: number };
  counties: (SeverityCounts & { countyId: string; countyName: string; schools: number })[];
}

const ROLLUP_READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER'];

const zero = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, total: 0 });

function add(counts: SeverityCounts, severity: string, flags: number): void {
  if (severity === 'CRITICAL') counts.critical += flags;
  else if (severity === 'HIGH') counts.high += flags;
  else counts.medium += flags;
  counts.total += flags;
}

/** Open shortage flags summed up: one county for its officers (and wider), a city or the province for city officers and the administrator. */
@Injectable()
export class ShortageSummaryUseCase {
  constructor(
    private readonly flags: ShortageFlagRepository,
    private readonly scans: ShortageScanRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async county(command: { actor: Actor; countyId: string; schools: number }): Promise<CountyShortageSummary> {
    requireRole(command.actor, OFFICERS, 'read a county shortage summary');
    const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const [bySubject, byKind, [schools, schoolCount], lastScan] = await Promise.all([
      this.flags.countOpen(county.id, 'subject'),
      this.flags.countOpen(county.id, 'kind'),
      this.flags.schoolsWithOpenFlags(county.id, command.schools),
      this.scans.latestCovering(county),
    ]);
    const open = zero();
    for (const row of byKind) add(open, row.severity, row.flags);
    return {
      countyId: county.id,
      countyName: county.name,
      lastScan: lastScan ? scanView(lastScan) : null,
      open: { ...open, schools: schoolCount },
      bySubject: grouped(bySubject, (key) => (key === null ? -1 : SUBJECTS.indexOf(key as Subject))).map(([key, counts]) => ({
        subject: key as Subject | null,
        ...counts,
      })),
      byKind: grouped(byKind, (key) => SHORTAGE_KINDS.indexOf(key as ShortageKind)).map(([key, counts]) => ({
        kind: key as ShortageKind,
        ...counts,
      })),
      schools: schools.map((school) => ({
        schoolId: school.schoolId,
        code: school.code,
        name: school.name,
        critical: school.critical,
        high: school.high,
        medium: school.medium,
        total: school.critical + school.high + school.medium,
        largestGap: school.gapMilli / 1000,
      })),
    };
  }

  async rollup(command: { actor: Actor; cityId?: string }): Promise<ShortageRollup> {
    requireRole(command.actor, ROLLUP_READERS, 'read a shortage roll-up');
    const scope = scopeOf(command.actor);
    let cityId: string | null = command.cityId ?? null;
    if (scope.level === 'CITY') {
      if (cityId !== null && cityId !== scope.cityId) throw new NotFoundError('city', cityId);
      cityId = scope.cityId;
    } else if (scope.level !== 'PROVINCE') {
      throw new ForbiddenError('Only city officers and the administrator read roll-ups');
    }
    if (cityId !== null && !(await this.reference.findCity(cityId))) throw new NotFoundError('city', cityId);
    const counties = cityId === null ? await this.reference.listCounties() : await this.reference.listCounties(cityId);
    const rows = await this.flags.countiesWithOpenFlags(cityId);
    const open = { ...zero(), schools: 0 };
    const byCounty = new Map<string, SeverityCounts & { schools: number }>();
    for (const row of rows) {
      const counts = byCounty.get(row.countyId) ?? { ...zero(), schools: 0 };
      add(counts, row.severity, row.flags);
      byCounty.set(row.countyId, counts);
      add(open, row.severity, row.flags);
    }
    for (const [countyId, schools] of await this.flags.schoolsWithOpenFlagsByCounty(cityId)) {
      const counts = byCounty.get(countyId);
      if (counts) counts.schools = schools;
      open.schools += schools;
    }
    return {
      cityId,
      open,
      counties: counties
        .map((county) => ({ countyId: county.id, countyName: county.name, ...(byCounty.get(county.id) ?? { ...zero(), schools: 0 }) }))
        .sort((a, b) => b.critical - a.critical || b.high - a.high || b.total - a.total || a.countyId.localeCompare(b.countyId)),
    };
  }
}

/** Counts by key, each key's severities summed, in the order `rank` gives. */
function grouped(rows: FlagCount[], rank: (key: string | null) => number): [string | null, SeverityCounts][] {
  const byKey = new Map<string | null, SeverityCounts>();
  for (const row of rows) {
    const counts = byKey.get(row.key) ?? zero();
    add(counts, row.severity, row.flags);
    byKey.set(row.key, counts);
  }
  return [...byKey.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

import { newId } from '@app/core';
import type { CountyRotationFacts, RotationAssignmentEntity, RotationExemptionEntity, RotationPlanEntity } from '@app/database';
import {
  addDays,
  DomainError,
  planCompliance,
  rotationCandidates,
  RotationEligibility,
  RotationMode,
  RotationPolicy,
  rotationReferenceDate,
  rotationTargets,
  validateAssignment,
  ValidAssignment,
} from '@app/domain';
import type { BackboneLevel, Location, RecordedPosting, Subject } from '@app/domain';
import { teacherFacts } from '@app/rotation';
import type { GeneratedCounty } from '../generator/county-generator';

/** The demo's team (团队式交流): this many teachers of one urban school, to one rural school, on the same term. */
const TEAM_SIZE = 3;
/** The demo's shared PE teacher (走教) gives this share of the week to the village school without PE. */
const SHARED_FRACTION = 0.5;

/** What the demo writes for a county's rotation: the approved plan, its assignments, and one recorded exemption. */
export interface DemoRotation {
  plan: RotationPlanEntity;
  assignments: RotationAssignmentEntity[];
  exemption: RotationExemptionEntity;
}

interface Pick {
  readonly teacherId: string;
  readonly toSchoolId: string;
  readonly mode: RotationMode;
  readonly teamId?: string;
  readonly fraction?: number;
}

/**
 * The demo county's rotation plan for plan year `year`, approved: chosen among the eligible candidates the domain
 * rules find on the seeded data (rotationCandidates, with the demo's recorded exemption), enough teachers and enough
 * backbone ones for each urban school's targets and the county's (checked with planCompliance, as the report checks
 * them); among them a team of three teachers of the largest urban school to one rural school, and a PE teacher shared
 * half the week with the village school where nobody teaches PE. Every assignment goes through validateAssignment,
 * as the plan endpoints would; teachers the demo's sign-ins are linked to (`keep`) are left where they are.
 */
export function demoRotation(input: {
  countyId: string;
  county: GeneratedCounty;
  facts: CountyRotationFacts;
  year: number;
  policy: RotationPolicy;
  keep: ReadonlySet<string>;
  officer: { id: string; username: string };
  now: Date;
}): DemoRotation {
  const { countyId, county, facts, year, policy, now } = input;
  const referenceDate = rotationReferenceDate(year, policy);
  const schools = facts.schools.map((s) => ({ schoolId: s.id, code: s.code, location: s.location }));
  const locationOf = new Map<string, Location | null>(schools.map((s) => [s.schoolId, s.location]));
  const codeOf = new Map(schools.map((s) => [s.schoolId, s.code]));
  const teacherOf = new Map(facts.teachers.map((t) => [t.id, t]));
  const judge = (f: CountyRotationFacts) => rotationCandidates(teacherFacts(f), schools, year, policy);

  // The recorded exemption: an eligible teacher of the first urban school with targets, not backbone (so the targets still hold with others).
  const before = judge(facts);
  const exempted = before.eligible.find(
    (c) => locationOf.get(c.schoolId as string) === 'URBAN' && !c.countsAsBackbone && !input.keep.has(c.teacherId),
  );
  if (!exempted) throw new Error(`demo county ${countyId}: no eligible urban teacher to record an exemption for`);
  const exemption: RotationExemptionEntity = {
    id: newId(),
    teacherId: exempted.teacherId,
    countyId,
    reason: 'ILLNESS',
    note: '术后康复期，暂不宜交流',
    validFrom: addDays(referenceDate, -90),
    validTo: addDays(referenceDate, 270),
    createdBy: input.officer.id,
    createdAt: now,
  };
  const candidates = judge({
    ...facts,
    exemptions: [
      ...facts.exemptions,
      {
        id: exemption.id,
        teacherId: exemption.teacherId,
        reason: exemption.reason,
        note: exemption.note,
        validFrom: exemption.validFrom,
        validTo: exemption.validTo,
      },
    ],
  });

  // What the rules check an assignment against: the teacher's recorded postings (all of them), their hire date.
  const postingsOf = new Map<string, RecordedPosting[]>();
  for (const p of county.postings) {
    const list = postingsOf.get(p.teacher_id as string) ?? [];
    list.push({
      id: p.id as string,
      schoolId: p.school_id as string,
      kind: p.kind as RecordedPosting['kind'],
      startDate: p.start_date as string,
      endDate: p.end_date as string | null,
      fractionMilli: p.fraction_milli as number,
    });
    postingsOf.set(p.teacher_id as string, list);
  }
  const hireDateOf = new Map(county.teachers.map((t) => [t.id as string, t.hire_date as string]));
  const valid: (ValidAssignment & { subject: Subject; backbone: BackboneLevel })[] = [];
  const planned = new Set<string>();
  /** Adds the assignment when the rules accept it, as the plan endpoints would check it beside the plan's others; false when refused. */
  const plan = (p: Pick): boolean => {
    const teacher = teacherOf.get(p.teacherId);
    if (!teacher || planned.has(p.teacherId) || input.keep.has(p.teacherId)) return false;
    try {
      const checked = validateAssignment(
        { teacherId: p.teacherId, toSchoolId: p.toSchoolId, startDate: referenceDate, mode: p.mode, teamId: p.teamId, fraction: p.fraction },
        {
          countyId,
          teacher: { countyId, hireDate: hireDateOf.get(p.teacherId) as string, postings: postingsOf.get(p.teacherId) ?? [] },
          toSchool: { schoolId: p.toSchoolId, countyId },
          planAssignments: valid.map((v) => ({
            teacherId: v.teacherId,
            toSchoolId: v.toSchoolId,
            startDate: v.startDate,
            endDate: v.endDate,
            teamId: v.teamId,
          })),
        },
        policy,
      );
      valid.push({ ...checked, subject: teacher.subject, backbone: teacher.backbone });
      planned.add(p.teacherId);
      return true;
    } catch (error) {
      // A teacher the rules refuse (e.g. already shared with another school from that day) is left out, as an officer would.
      if (error instanceof DomainError) return false;
      throw error;
    }
  };

  const eligibleAt = (schoolId: string) => candidates.eligible.filter((c) => c.schoolId === schoolId);
  const rural = schools.filter((s) => s.location === 'RURAL').map((s) => s.schoolId);
  const receivers = rural.length > 0 ? rural : schools.filter((s) => s.location !== 'URBAN').map((s) => s.schoolId);
  if (receivers.length === 0) throw new Error(`demo county ${countyId}: no rural or town school to rotate to`);
  let next = 0;
  const receiver = (not: string) => {
    const options = receivers.filter((id) => id !== not);
    return options[next++ % options.length];
  };
  const rotate = (c: RotationEligibility): boolean => {
    const from = c.schoolId as string;
    const to = receiver(from);
    const urbanRural = (locationOf.get(from) === 'URBAN') !== (locationOf.get(to) === 'URBAN');
    return plan({ teacherId: c.teacherId, toSchoolId: to, mode: urbanRural ? 'URBAN_RURAL' : 'DISTRICT' });
  };
  const backboneFirst = (list: RotationEligibility[]) => [...list.filter((c) => c.countsAsBackbone), ...list.filter((c) => !c.countsAsBackbone)];

  // The team: three teachers of the urban school with the most eligible, backbone ones first, to one rural school.
  const targetSchools = candidates.targets.schools.filter((s) => s.applies);
  const teamSchool = [...targetSchools].sort((a, b) => b.eligibleCount - a.eligibleCount)[0];
  if (teamSchool) {
    const to = receiver(teamSchool.schoolId);
    const teamId = `${codeOf.get(teamSchool.schoolId)}-团队-${year}`;
    let members = 0;
    for (const c of backboneFirst(eligibleAt(teamSchool.schoolId))) {
      if (members < TEAM_SIZE && plan({ teacherId: c.teacherId, toSchoolId: to, mode: 'TEAM', teamId })) members++;
    }
    if (members < 2) throw new Error(`demo county ${countyId}: school ${codeOf.get(teamSchool.schoolId)} has too few teachers for a team`);
  }

  // The shared PE teacher (before the targets are filled, which count them when eligible at an urban school): the first PE teacher on the quota the rules accept for half the week at the village school without PE.
  const noPe = county.featuredShortages?.noPe.schoolId ?? receivers[0];
  const shared = facts.teachers.some(
    (t) => t.subject === 'PE' && t.onQuota && plan({ teacherId: t.id, toSchoolId: noPe, mode: 'SHARED', fraction: SHARED_FRACTION }),
  );
  if (!shared) throw new Error(`demo county ${countyId}: no PE teacher to share with the village school without PE`);

  /**
   * Rotates teachers of `pool` (backbone ones first) until the scope's targets for `eligibleCount` eligible teachers are
   * met: at least the minimum rotating, and enough backbone teachers for the count rotating.
   */
  const fill = (pool: readonly RotationEligibility[], eligibleCount: number) => {
    for (const c of backboneFirst([...pool])) {
      const rotating = pool.filter((x) => planned.has(x.teacherId));
      const need = rotationTargets(eligibleCount, policy, Math.max(rotating.length, rotationTargets(eligibleCount, policy).minRotating));
      const rotatingShort = rotating.length < need.minRotating;
      const backboneShort = rotating.filter((x) => x.countsAsBackbone).length < need.minBackbone;
      if (!rotatingShort && !backboneShort) break;
      if (rotatingShort || c.countsAsBackbone) rotate(c);
    }
  };
  // Each urban school, then the county as a whole.
  for (const target of targetSchools) fill(eligibleAt(target.schoolId), target.eligibleCount);
  fill(candidates.eligible, candidates.eligible.length);

  const eligible = candidates.eligible.map((c) => ({ teacherId: c.teacherId, schoolId: c.schoolId as string, backbone: c.backbone }));
  const compliance = planCompliance(valid, eligible, schools, policy);
  if (!compliance.meetsTargets) {
    const short = [compliance.county, ...compliance.schools].filter((s) => s.applies && !s.meetsTargets).map((s) => s.summary.en);
    throw new Error(`demo county ${countyId}: the demo's rotation plan misses its targets: ${short.join('; ')}`);
  }

  const today = now.toISOString().slice(0, 10);
  const planId = newId();
  const row: RotationPlanEntity = {
    id: planId,
    countyId,
    year,
    title: `${year}年度义务教育教师交流轮岗计划`,
    status: 'APPROVED',
    lastDay: valid.reduce((last, v) => (v.endDate > last ? v.endDate : last), valid[0].endDate),
    createdBy: input.officer.id,
    createdByUsername: input.officer.username,
    createdAt: new Date(`${addDays(today, -30)}T02:00:00Z`),
    submittedAt: new Date(`${addDays(today, -20)}T02:00:00Z`),
    submittedBy: input.officer.id,
    approvedAt: new Date(`${addDays(today, -10)}T02:00:00Z`),
    approvedBy: input.officer.id,
    activatedAt: null,
    activatedBy: null,
    completedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    version: 3,
    updatedAt: now,
  };
  const assignments = valid.map((v): RotationAssignmentEntity => ({
    id: newId(),
    planId,
    countyId,
    teacherId: v.teacherId,
    fromSchoolId: v.fromSchoolId,
    toSchoolId: v.toSchoolId,
    startDate: v.startDate,
    endDate: v.endDate,
    mode: v.mode,
    kind: v.kind,
    teamId: v.teamId,
    fractionMilli: v.fractionMilli,
    subject: v.subject,
    backbone: v.backbone,
    postingId: null,
    createdBy: input.officer.id,
    createdAt: row.createdAt,
  }));
  return { plan: row, assignments, exemption };
}
